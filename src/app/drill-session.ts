/**
 * The glue between a running drill (XState actor) and the attempts library: every accepted move is
 * saved as the attempt's event log, so closing the tab loses nothing; when the drill ends the score
 * is saved with it. Continuing replays the saved log through the engine to the same point.
 */
import { createActor } from 'xstate';
import type { ScenarioModel } from '../domain/scenario/model';
import { machineFor, replay, type DrillActor } from '../domain/runtime/drill';
import { scoreContext } from '../domain/scoring/score';
import { newAttemptRecord, withMoves, type AttemptRecord } from '../domain/attempts/attempt-record';
import { attemptsStore } from '../state/attempts/use-attempts';

export interface DrillSession {
  model: ScenarioModel;
  actor: DrillActor;
  record: AttemptRecord;
  stop(): void;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! | 0;
}

function randomId(): string {
  return crypto.randomUUID();
}

function track(model: ScenarioModel, actor: DrillActor, initial: AttemptRecord): DrillSession {
  let record = initial;
  let saved = record.moves.length;
  const subscription = actor.subscribe((snapshot) => {
    const ctx = snapshot.context;
    if (ctx.log.length === saved && snapshot.status !== 'done') return;
    saved = ctx.log.length;
    record = withMoves(record, ctx.log, Date.now());
    if (snapshot.status === 'done') void attemptsStore.getState().finish(record, scoreContext(model, ctx));
    else void attemptsStore.getState().saveProgress(record);
  });
  return {
    model,
    actor,
    get record() {
      return record;
    },
    stop: () => subscription.unsubscribe(),
  };
}

/** Starts a new attempt at `model` with a fresh random seed, saved from the first move on. */
export function startSession(model: ScenarioModel): DrillSession {
  const seed = randomSeed();
  const record = newAttemptRecord({ id: randomId(), scenario: model, seed, now: Date.now() });
  void attemptsStore.getState().saveProgress(record);
  const actor = createActor(machineFor(model), { input: { seed } });
  actor.start();
  return track(model, actor, record);
}

/** Continues a saved attempt: replays its log; null when the log no longer fits the scenario. */
export function continueSession(model: ScenarioModel, record: AttemptRecord): DrillSession | null {
  const { drill, rejectedAt } = replay(model, record.seed, record.moves);
  if (rejectedAt !== null) {
    drill.actor.stop();
    return null;
  }
  return track(model, drill.actor, record);
}
