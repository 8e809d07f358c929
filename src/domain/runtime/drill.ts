/**
 * The small API the command line, the benchmarks and the tests use to play a scenario move by move,
 * on the engine. A drill is fully described by (model, seed, moves): replaying them gives the same
 * transcript. (The browser runs the same drill as an XState actor: see `actor.ts`.)
 */
import type { ScenarioModel } from '../scenario/model';
import type { DrillContext, DrillState, Move } from './context';
import { ended, initial, isRefusal, legalMoves, step, type LegalMoves } from './engine';

export type { Position } from './context';
/** The moves the trainee can make now (the engine's `LegalMoves`). */
export type AvailableMoves = LegalMoves;

/** A drill in progress. */
export interface Drill {
  model: ScenarioModel;
  /** Plays a move; returns false (and changes nothing) when the move is not legal now. */
  send(move: Move): boolean;
  state(): DrillState;
  context(): DrillContext;
  moves(): AvailableMoves;
  /** Whether the drill is over. */
  ended(): boolean;
  /** The state as JSON-safe data; `restoreDrill` continues from it. */
  persist(): DrillState;
}

function drillAt(model: ScenarioModel, start: DrillState): Drill {
  let state = start;
  return {
    model,
    send(move) {
      const next = step(model, state, move);
      if (isRefusal(next)) return false;
      state = next;
      return true;
    },
    state: () => state,
    context: () => state.context,
    moves: () => legalMoves(model, state),
    ended: () => ended(state),
    persist: () => state,
  };
}

/** Starts a new drill of `model` with the random seed `seed`. */
export function startDrill(model: ScenarioModel, seed: number): Drill {
  return drillAt(model, initial(model, seed));
}

/** Continues a drill from a persisted state. */
export function restoreDrill(model: ScenarioModel, persisted: DrillState): Drill {
  return drillAt(model, persisted);
}

export interface ReplayResult {
  drill: Drill;
  /** Index of the first move that was not legal, or null when all replayed. */
  rejectedAt: number | null;
}

/** Replays a recorded event log from the start; stops at the first illegal move. */
export function replay(model: ScenarioModel, seed: number, moves: readonly Move[]): ReplayResult {
  const drill = startDrill(model, seed);
  for (let i = 0; i < moves.length; i++) if (!drill.send(moves[i]!)) return { drill, rejectedAt: i };
  return { drill, rejectedAt: null };
}
