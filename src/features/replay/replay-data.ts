/**
 * The pure work behind the replay viewer: re-running an attempt once and checking it against what it
 * recorded, what each move finished, the trainee's words by move, and re-scoring against a newer
 * version of the scenario. No React here, so every rule is tested on its own.
 */
import { type AttemptRecord } from '../../domain/attempts/attempt-record';
import { summarizeScore, type ScoreSummary } from '../../domain/scoring/score-summary';
import type { StageId } from '../../domain/ltc/stages';
import { checkScores, type ScoreCheck } from '../../domain/replay/determinism';
import type { Exemplar } from '../../domain/explorer/exemplar';
import { compareWithExemplar, type MoveComparison } from '../../domain/replay/exemplar';
import { findMark, replayFrames, type AttemptReplay, type FrameMark, type ReplayFrame } from '../../domain/replay/frames';
import { play } from '../../domain/runtime/engine';
import type { DrillContext } from '../../domain/runtime/context';
import type { ScenarioModel } from '../../domain/scenario/model';
import { scoreContext } from '../../domain/scoring/score';

/** An attempt re-run for the viewer. */
export interface ReplayRun {
  replay: AttemptReplay;
  /** The re-run's score summary (what the viewer shows). */
  rerun: ScoreSummary;
  /** The re-run against the score the attempt recorded when it ended. */
  check: ScoreCheck;
  /** Each move beside the exemplar's choice (`comparisons[i - 1]` is move i); null without an exemplar. */
  comparisons: MoveComparison[] | null;
}

/** Re-runs an attempt's log into frames, checks the re-run against the recorded score, and compares it with the exemplar. */
export function runReplay(model: ScenarioModel, record: Pick<AttemptRecord, 'seed' | 'moves' | 'times' | 'score'>, exemplar: Exemplar | null): ReplayRun {
  const replay = replayFrames(model, record.seed, record.moves, record.times);
  const rerun = summarizeScore(replay.score);
  return {
    replay,
    rerun,
    check: checkScores(record.score, rerun),
    comparisons: exemplar ? compareWithExemplar(model, replay, exemplar) : null,
  };
}

/** Stages whose explain-back is due in `ctx`: those left, and the last one too once the drill ended (unless abandoned). */
function finishedStages(ctx: Pick<DrillContext, 'stageLog' | 'ending'>): Set<StageId> {
  const visited = ctx.stageLog.map((s) => s.stage);
  return new Set(ctx.ending && ctx.ending.outcome !== 'abandoned' ? visited : visited.slice(0, -1));
}

/** The stages move `index` finished (left, or ended the drill in): where the trainee was asked for an explain-back. */
export function stagesEndedAt(frames: readonly ReplayFrame[], index: number): StageId[] {
  if (index <= 0 || index >= frames.length) return [];
  const before = finishedStages(frames[index - 1]!.context);
  return [...finishedStages(frames[index]!.context)].filter((s) => !before.has(s));
}

/** The move that finished each stage, by stage (a stage never finished has no entry). */
export function stageEndings(frames: readonly ReplayFrame[]): Partial<Record<StageId, number>> {
  const out: Partial<Record<StageId, number>> = {};
  for (let i = 1; i < frames.length; i++) for (const s of stagesEndedAt(frames, i)) out[s] ??= i;
  return out;
}

/** The trainee's "say it your way first" words by the move of the option they led to (the last entry wins). */
export function wordsByTurn(freeText: AttemptRecord['freeText']): Map<number, string> {
  return new Map(freeText.map((f) => [f.turn, f.text]));
}

/** What the jump buttons look for. */
export type JumpMark = Extract<FrameMark, 'pitfall' | 'objection' | 'stage'>;
export const JUMP_MARKS: readonly JumpMark[] = ['pitfall', 'objection', 'stage'];

/** The frames the jump buttons go to from `turn`: the nearest before and after with each mark (null: none). */
export function jumpTargets(frames: readonly ReplayFrame[], turn: number): Record<JumpMark, { previous: number | null; next: number | null }> {
  const at = (mark: JumpMark) => ({ previous: findMark(frames, turn, mark, -1), next: findMark(frames, turn, mark, 1) });
  return { pitfall: at('pitfall'), objection: at('objection'), stage: at('stage') };
}

/** Re-scoring an attempt against another version of its scenario. */
export type Rescore =
  /** `move` (from 1) is not possible in that version; nothing after it could be scored. */
  | { status: 'rejected'; move: number }
  | { status: 'scored'; summary: ScoreSummary };

/** Replays the attempt's log against `model` (a newer version) and scores it; nothing is stored. */
export function rescore(model: ScenarioModel, record: Pick<AttemptRecord, 'seed' | 'moves'>): Rescore {
  const { state, rejectedAt } = play(model, record);
  const { context } = state;
  if (rejectedAt !== null) return { status: 'rejected', move: rejectedAt + 1 };
  return { status: 'scored', summary: summarizeScore(scoreContext(model, context)) };
}
