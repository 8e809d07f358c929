/**
 * Re-running a saved event log cheaply. `replay()` in the runtime drives a live actor; here every move
 * is one pure `machine.transition` through a shared stepper (see `makeSend`), which is several times
 * faster and yields the snapshot after each move. Snapshots are immutable, so keeping all of them
 * costs little: consecutive contexts share everything a move did not change.
 */
import { initialTransition } from 'xstate';
import type { ScenarioModel } from '../scenario/model';
import type { DrillContext, Move } from '../runtime/context';
import { machineFor } from '../runtime/drill';
import { seedState } from '../runtime/rng';
import type { DrillSnapshot } from '../runtime/machine';
import { makeSend, type Send } from '../explorer/stepper';

const senders = new WeakMap<ScenarioModel, Send>();
const sendFor = (model: ScenarioModel): Send => {
  let send = senders.get(model);
  if (!send) senders.set(model, (send = makeSend(model)));
  return send;
};

const initials = new WeakMap<ScenarioModel, (seed: number) => DrillSnapshot>();
/**
 * XState's `initialTransition` builds a throwaway actor scope on every call, which costs more than a
 * short replay. The start of a drill depends on the seed only through the context's generator, so
 * one initial snapshot per model is reseeded; checked once per model, in case that ever changes.
 */
function initialFor(model: ScenarioModel): (seed: number) => DrillSnapshot {
  let initial = initials.get(model);
  if (!initial) {
    const machine = machineFor(model);
    const fresh = (seed: number) => initialTransition(machine, { seed })[0] as DrillSnapshot;
    const base = fresh(0);
    const reseed = (seed: number): DrillSnapshot => ({ ...base, context: { ...base.context, seed, rng: seedState(seed) } });
    const probe = fresh(20_250_101);
    const same = JSON.stringify([probe.value, probe.context]) === JSON.stringify([base.value, reseed(20_250_101).context]);
    initials.set(model, (initial = same ? reseed : fresh));
  }
  return initial;
}

/** The snapshot of a drill of `model` before any move. */
export function initialSnapshot(model: ScenarioModel, seed: number): DrillSnapshot {
  return initialFor(model)(seed);
}

/** One move from `snapshot`; null when the move is not legal there. */
export function stepSnapshot(model: ScenarioModel, snapshot: DrillSnapshot, move: Move): DrillSnapshot | null {
  return sendFor(model)(snapshot, move);
}

export interface LogReplay {
  /** `snapshots[0]` before any move, `snapshots[i]` after move i; up to the last legal move. */
  snapshots: DrillSnapshot[];
  /** Index of the first move that was not legal, or null when all replayed. */
  rejectedAt: number | null;
}

/** Replays `moves` and keeps the snapshot after each one; stops at the first illegal move. */
export function replaySnapshots(model: ScenarioModel, seed: number, moves: readonly Move[]): LogReplay {
  const send = sendFor(model);
  const snapshots = [initialSnapshot(model, seed)];
  for (let i = 0; i < moves.length; i++) {
    const next = send(snapshots[i]!, moves[i]!);
    if (!next) return { snapshots, rejectedAt: i };
    snapshots.push(next);
  }
  return { snapshots, rejectedAt: null };
}

/** Replays `moves` and returns only where they lead: the same context as `replay()`, faster. */
export function replayContext(model: ScenarioModel, seed: number, moves: readonly Move[]): { context: DrillContext; snapshot: DrillSnapshot; rejectedAt: number | null } {
  const send = sendFor(model);
  let snapshot = initialSnapshot(model, seed);
  for (let i = 0; i < moves.length; i++) {
    const next = send(snapshot, moves[i]!);
    if (!next) return { context: snapshot.context, snapshot, rejectedAt: i };
    snapshot = next;
  }
  return { context: snapshot.context, snapshot, rejectedAt: null };
}
