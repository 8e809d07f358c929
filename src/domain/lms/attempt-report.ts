/**
 * What an LMS or a Learning Record Store is told about an attempt, move by move: where each move was
 * made (stage, step), the option chosen and the expert's at the same decision point, what it earned
 * (key actions shown, pitfalls committed), and which stages have ended with their scores. Everything
 * is read from the domain: the log is replayed, the expert's choices come from the scenario's exemplar.
 */
import type { StageId } from '../ltc/stages';
import { graphOf, type ScenarioModel } from '../scenario/model';
import type { LeadPlan, Move } from '../runtime/context';
import type { Exemplar } from '../explorer/exemplar';
import { decisionPoint, exemplarChoices } from '../replay/exemplar';
import { replayFrames } from '../replay/frames';
import type { AttemptScore, StageScore } from '../scoring/score';
import type { AttemptRecord } from '../attempts/attempt-record';

export type MoveKind = 'choice' | 'lead-plan' | 'wait' | 'record' | 'abandon';

export interface MoveReport {
  /** The move's number, from 1 (the transcript's `turn`). */
  index: number;
  kind: MoveKind;
  move: Move;
  /** The stage the move was made in. */
  stage: StageId;
  /** The decision point, `<stage or objection>/<step>` (`leads` for the lead plan); null for moves outside one. */
  point: string | null;
  /** The options of the step (all of them, in file order), for a choice. */
  options: readonly string[];
  /** The option chosen, for a choice. */
  option: string | null;
  /** The expert's option at this decision point (or the expert's lead plan), when the exemplar passes here. */
  expert: string | LeadPlan | null;
  /** Whether the move matches the expert's; null when the expert never decides here or it is not a decision. */
  matches: boolean | null;
  keyActions: string[];
  pitfalls: string[];
  /** When the move was made (ms since the epoch), if known. */
  time: number | null;
  /** The trainee's own words written before it ("say it your way first"), if any. */
  words: string | null;
}

export interface StageReport {
  stage: StageId;
  score: number;
  passMark: number;
  passed: boolean;
  /** The move after which the stage ended (the drill moved on, or ended in it). */
  endedAt: number;
}

export interface AttemptReport {
  moves: MoveReport[];
  /** Stages the attempt has left (or ended in), in order, with their final scores. */
  endedStages: StageReport[];
  score: AttemptScore;
  /** Null while the drill runs. */
  outcome: AttemptScore['outcome'];
  /** Moves of the log that replayed (all, unless the log does not fit the model). */
  replayed: number;
}

const setKey = (xs: readonly string[]) => JSON.stringify([...new Set(xs)].sort());

/** Whether two lead plans are the same decisions (order does not matter). */
export function sameLeadPlan(a: LeadPlan, b: LeadPlan): boolean {
  const grades = (g: LeadPlan['grades']) => JSON.stringify(Object.entries(g).sort(([x], [y]) => x.localeCompare(y)));
  return setKey(a.profile) === setKey(b.profile) && setKey(a.pursue) === setKey(b.pursue) && setKey(a.record) === setKey(b.record) && grades(a.grades) === grades(b.grades);
}

const KIND: Record<Move['type'], MoveKind> = { choose: 'choice', 'leads.submit': 'lead-plan', wait: 'wait', record: 'record', abandon: 'abandon' };

/** The report of `record` played on `model`; `exemplar` gives the expert's choices (none: `matches` stays null). */
export function reportAttempt(model: ScenarioModel, record: Pick<AttemptRecord, 'seed' | 'moves' | 'times' | 'freeText'>, exemplar: Exemplar | null): AttemptReport {
  const replay = replayFrames(model, record.seed, record.moves, record.times);
  const choices = exemplar ? exemplarChoices(exemplar) : new Map<string, string>();
  const expertPlan = exemplar?.moves.find((m): m is Extract<Move, { type: 'leads.submit' }> => m.type === 'leads.submit')?.plan ?? null;
  const moves = replay.frames.slice(1).map((frame): MoveReport => {
    const move = frame.move!;
    const before = replay.frames[frame.index - 1]!;
    const at = frame.at ? decisionPoint(frame.at) : null;
    const point = move.type === 'choose' || move.type === 'leads.submit' ? (at?.key ?? null) : null;
    let options: readonly string[] = [];
    let expert: MoveReport['expert'] = null;
    let matches: boolean | null = null;
    if (move.type === 'choose' && at && at.kind !== 'leads') {
      options = (graphOf(model, at.container)?.steps[at.step]?.options ?? []).map((o) => o.id);
      expert = choices.get(at.key) ?? null;
      matches = expert === null ? null : expert === move.option;
    } else if (move.type === 'leads.submit' && expertPlan) {
      expert = expertPlan;
      matches = sameLeadPlan(expertPlan, move.plan);
    }
    return {
      index: frame.index,
      kind: KIND[move.type],
      move,
      stage: before.stage,
      point,
      options,
      option: move.type === 'choose' ? move.option : null,
      expert,
      matches,
      keyActions: frame.earned.flatMap((e) => e.keyActions),
      pitfalls: frame.earned.flatMap((e) => e.pitfalls),
      time: frame.time,
      words: record.freeText.findLast((f) => f.turn === frame.index)?.text ?? null,
    };
  });
  const last = replay.frames[replay.frames.length - 1]!;
  const stageLog = last.context.stageLog;
  const ended = last.context.ending !== null;
  const byStage = new Map<StageId, StageScore>(replay.score.stages.map((s) => [s.stage, s]));
  const endedStages: StageReport[] = [];
  stageLog.forEach((entry, i) => {
    const next = stageLog[i + 1];
    if (!next && !ended) return;
    if (endedStages.some((s) => s.stage === entry.stage)) return;
    const s = byStage.get(entry.stage)!;
    endedStages.push({ stage: entry.stage, score: s.score, passMark: s.passMark, passed: s.passed, endedAt: next ? next.turn : last.index });
  });
  return { moves, endedStages, score: replay.score, outcome: replay.score.outcome, replayed: replay.frames.length - 1 };
}
