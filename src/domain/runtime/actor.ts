/**
 * The drill as an XState actor, for the browser (bound with @xstate/react): the model's machine
 * built once per model, where a snapshot stands, and the moves it allows — read with the engine's
 * own `legalMoves`, so the UI offers exactly what the engine would accept.
 */
import { createActor, type Actor } from 'xstate';
import type { ConversationStageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { Move, Position } from './context';
import { legalMoves, type LegalMoves } from './engine';
import { createDrillMachine, type DrillMachine, type DrillSnapshot } from './machine';

export type DrillActor = Actor<DrillMachine>;

const machines = new WeakMap<ScenarioModel, DrillMachine>();
/** The machine for a model, built once per model object. */
export function machineFor(model: ScenarioModel): DrillMachine {
  let m = machines.get(model);
  if (!m) machines.set(model, (m = createDrillMachine(model)));
  return m;
}

/** Where the drill stands, read from the snapshot's state value. */
export function positionOf(snapshot: DrillSnapshot): Position {
  const value = snapshot.value as string | Record<string, Record<string, string>>;
  const ctx = snapshot.context;
  if (snapshot.status === 'done' && ctx.ending) return { phase: 'ended', ending: ctx.ending };
  if (value === 'leads') return { phase: 'leads' };
  if (typeof value === 'object' && value.conversation) {
    const [stage, step] = Object.entries(value.conversation)[0]!;
    return { phase: 'stage', stage: stage as ConversationStageId, step };
  }
  if (typeof value === 'object' && value.objection) {
    const [objection, step] = Object.entries(value.objection)[0]!;
    return { phase: 'objection', objection, step };
  }
  throw new Error(`Unexpected drill state ${JSON.stringify(value)}`);
}

/** The moves the trainee can make in `snapshot`. */
export function availableMoves(model: ScenarioModel, snapshot: DrillSnapshot): LegalMoves {
  return legalMoves(model, { position: positionOf(snapshot), context: snapshot.context });
}

/** Starts an actor of the model's machine with the random seed `seed`. */
export function startActor(model: ScenarioModel, seed: number): DrillActor {
  const actor = createActor(machineFor(model), { input: { seed } });
  actor.start();
  return actor;
}

/**
 * Sends a move to the actor; false when the machine did not take it (the log did not grow). The
 * actor is not sent anything once it is done (XState would warn about a stopped actor).
 */
export function sendMove(actor: DrillActor, move: Move): boolean {
  const before = actor.getSnapshot();
  if (before.status !== 'active') return false;
  actor.send(move);
  return actor.getSnapshot().context.log.length > before.context.log.length;
}

/** An actor replayed through `moves`; null (and the actor stopped) when a move is not legal. */
export function replayActor(model: ScenarioModel, seed: number, moves: readonly Move[]): DrillActor | null {
  const actor = startActor(model, seed);
  for (const move of moves) {
    if (!sendMove(actor, move)) {
      actor.stop();
      return null;
    }
  }
  return actor;
}
