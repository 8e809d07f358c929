/**
 * "Retry from here": a new attempt that branches from a move of an earlier one — the same scenario
 * and seed, the moves before it (replayed by the engine), then live — and says so in `retryOf`.
 */
import type { StageId } from '../ltc/stages';
import type { AttemptRecord } from './attempt-record';
import { newAttemptRecord, withMoves } from './new-attempt';

/** The moves a retry from move `turn` (from 1) replays: those before it. */
export function movesBefore(original: Pick<AttemptRecord, 'moves'>, turn: number): AttemptRecord['moves'] {
  return original.moves.slice(0, Math.max(0, Math.min(original.moves.length, turn - 1)));
}

export interface RetryStart {
  id: string;
  now: number;
  /** The stages the replayed moves finished: their explain-backs are kept, not asked again. */
  finished: readonly StageId[];
}

/**
 * The record of a retry of `original` from move `turn`: in progress, the moves before `turn` replayed
 * (stamped `now`), the trainee's words written before them kept, and marked as a retry.
 */
export function retryRecord(original: AttemptRecord, turn: number, { id, now, finished }: RetryStart): AttemptRecord {
  const moves = movesBefore(original, turn);
  const base = newAttemptRecord({ id, scenario: original.scenario, seed: original.seed, now, trainee: original.trainee, retryOf: { attempt: original.id, turn: moves.length + 1 } });
  return {
    ...withMoves(base, moves, now),
    freeText: original.freeText.filter((f) => f.turn <= moves.length),
    explainBacks: original.explainBacks.filter((e) => finished.includes(e.stage)),
  };
}
