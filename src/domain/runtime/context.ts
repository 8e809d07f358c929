/**
 * The drill's state as plain JSON data: the context (what has happened: meters, facts, the calendar,
 * the transcript with what each move earned) and, around it, where the conversation stands. The
 * engine (`engine.ts`) steps it; the XState machine holds the same context in its actor.
 */
import type { ConversationStageId, StageId } from '../ltc/stages';
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

/** A recorded attempt: the seed and the moves, in order. */
export interface EventLog {
  seed: number;
  moves: readonly Move[];
}

/**
 * What one transcript entry earned towards the checklist, computed once when the move was applied:
 * the key actions shown and pitfalls committed that count for the entry's stage (an option's, a
 * record's, the lead plan's). The scorer, the debrief, replays, the explorer and the cohort read it.
 */
export interface Credit {
  shown: string[];
  committed: string[];
}

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
  | { kind: 'rep'; text: LocalizedText; option: string; shows: string[]; commits: string[]; credit: Credit }
  | { kind: 'reply'; text: LocalizedText }
  | { kind: 'lead-plan'; plan: LeadPlan; credit: Credit }
  | { kind: 'cadence'; verdict: 'too-soon' | 'too-long'; gap: number }
  | { kind: 'wait'; days: number }
  | { kind: 'record'; fact: string; credit: Credit }
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
  /**
   * Every step whose customer line has been said, as a bit set over the model's steps (their order
   * in the model, 31 bits a number): a step said again is resumed, without its narration.
   */
  said: number[];
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

/** Where the drill stands. */
export type Position =
  | { phase: 'leads' }
  | { phase: 'stage'; stage: ConversationStageId; step: string }
  | { phase: 'objection'; objection: string; step: string }
  | { phase: 'ended'; ending: DrillEnding };

/** A step of a stage: where the conversation goes back to when an objection is resolved. */
export interface StagePoint {
  stage: ConversationStageId;
  step: string;
}

/**
 * The whole state of a drill: where it stands, where an open objection returns to (the machine's
 * deep history), and the context. Plain JSON: it can be stored, sent to a worker and compared.
 */
export interface DrillState {
  position: Position;
  resume: StagePoint | null;
  context: DrillContext;
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
    said: [],
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

