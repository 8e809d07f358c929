/** The drill's state, held in the XState actor's context. Plain JSON, so snapshots persist. */
import type { StageId } from '../ltc/stages';
import type { Channel, Ending, Meters, ScenarioModel } from '../scenario/model';
import type { LocalizedText } from '../text/localized-text';
import { seedState } from './rng';

export type Grade = 'A' | 'B' | 'C';

/** The trainee's answer to stage 1. */
export interface LeadPlan {
  profile: string[];
  grades: Record<string, Grade>;
  pursue: string[];
  record: string[];
}

/** A move the trainee makes; the event log is a list of these. */
export type Move =
  | { type: 'leads.submit'; plan: LeadPlan }
  | { type: 'choose'; option: string }
  | { type: 'wait'; days: number }
  | { type: 'record'; fact: string }
  | { type: 'abandon' };

export type CadenceVerdict = 'first' | 'ok' | 'too-soon' | 'too-long';

export interface Touch {
  turn: number;
  day: number;
  channel: Channel;
  gap: number | null;
  verdict: CadenceVerdict;
}

/** One line of the transcript. `turn` is the number of the move that produced it (0 = before any move). */
export type TranscriptEntry = { turn: number; day: number; stage: StageId } & (
  | { kind: 'stage' }
  | { kind: 'narration'; text: LocalizedText }
  | { kind: 'customer'; text: LocalizedText; step: string; container: string; resumed?: boolean }
  | { kind: 'rep'; text: LocalizedText; option: string; shows: string[]; commits: string[] }
  | { kind: 'reply'; text: LocalizedText }
  | { kind: 'lead-plan'; plan: LeadPlan }
  | { kind: 'cadence'; verdict: 'too-soon' | 'too-long'; gap: number }
  | { kind: 'wait'; days: number }
  | { kind: 'record'; fact: string }
  | { kind: 'reveal'; fact: string }
  | { kind: 'promise'; promise: string }
  | { kind: 'objection'; objection: string; label: LocalizedText }
  | { kind: 'surprise'; surprise: string; label: LocalizedText; text: LocalizedText }
  | { kind: 'end'; ending: DrillEnding }
);

export interface DrillEnding {
  outcome: Ending['outcome'] | 'abandoned';
  stage: StageId;
  /** A scenario text, or a message key for built-in reasons. */
  reason?: LocalizedText;
  reasonKey?: 'interest-exhausted' | 'patience-exhausted' | 'lead-not-pursued' | 'abandoned';
}

export interface MeterPoint extends Meters {
  turn: number;
  day: number;
}

export interface DrillContext {
  scenario: { id: string; version: string; hash: string };
  seed: number;
  rng: number;
  day: number;
  turn: number;
  stage: StageId;
  meters: Meters;
  revealed: string[];
  promised: string[];
  recorded: string[];
  /** Key actions shown so far, in order, as the scorer credits them (its stage, lead plan, records). */
  shown: string[];
  /** Pitfalls committed so far, in order, as the scorer counts them. */
  committed: string[];
  /** Steps whose customer line has been said, as `<stage or objection>/<step>`, in order: those a condition tests. */
  reached: string[];
  lastTouch: { day: number; channel: Channel } | null;
  touches: Touch[];
  firedSurprises: string[];
  firedRules: number[];
  raised: string[];
  /** An objection waiting to open (raised by an option or a surprise). */
  pending: string | null;
  ending: DrillEnding | null;
  stageLog: { stage: StageId; day: number; turn: number }[];
  series: MeterPoint[];
  transcript: TranscriptEntry[];
  log: Move[];
  leadPlan: LeadPlan | null;
}

/** The context of a drill that has not started yet. */
export function initialContext(model: ScenarioModel, seed: number): DrillContext {
  return {
    scenario: { id: model.id, version: model.version, hash: model.hash },
    seed,
    rng: seedState(seed),
    day: 0,
    turn: 0,
    stage: 'leads',
    meters: { ...model.customer.start },
    revealed: [],
    promised: [],
    recorded: [],
    shown: [],
    committed: [],
    reached: [],
    lastTouch: null,
    touches: [],
    firedSurprises: [],
    firedRules: [],
    raised: [],
    pending: null,
    ending: null,
    stageLog: [{ stage: 'leads', day: 0, turn: 0 }],
    series: [{ turn: 0, day: 0, ...model.customer.start }],
    transcript: [{ turn: 0, day: 0, stage: 'leads', kind: 'stage' }],
    log: [],
    leadPlan: null,
  };
}

