/**
 * The small API the UI, the CLI, the scorer and the explorer use to play a scenario.
 * A drill is fully described by (model, seed, moves): replaying them gives the same transcript.
 */
import { createActor, type Actor, type Snapshot } from 'xstate';
import type { ConversationStageId } from '../ltc/stages';
import { graphOf, type OptionModel, type ScenarioModel } from '../scenario/model';
import type { DrillContext, DrillEnding, Move } from './context';
import { holds } from './conditions';
import { createDrillMachine, type DrillMachine, type DrillSnapshot } from './machine';

export type Position =
  | { phase: 'leads' }
  | { phase: 'stage'; stage: ConversationStageId; step: string }
  | { phase: 'objection'; objection: string; step: string }
  | { phase: 'ended'; ending: DrillEnding };

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

export interface AvailableMoves {
  position: Position;
  /** Options offered now (their `when` holds), in file order. */
  options: OptionModel[];
  /** Waits offered now, in days (none inside an objection). */
  waits: number[];
  /** Revealed facts not yet in the customer record. */
  recordable: string[];
}

/** The moves the trainee can make in `snapshot`. */
export function availableMoves(model: ScenarioModel, snapshot: DrillSnapshot): AvailableMoves {
  const position = positionOf(snapshot);
  const ctx = snapshot.context;
  const none = { position, options: [], waits: [], recordable: [] };
  if (position.phase === 'ended' || position.phase === 'leads') return none;
  const container = position.phase === 'stage' ? position.stage : position.objection;
  const step = graphOf(model, container)?.steps[position.step];
  return {
    position,
    options: (step?.options ?? []).filter((o) => holds(o.when, ctx)),
    waits: position.phase === 'stage' ? [...model.cadence.waits] : [],
    recordable: ctx.revealed.filter((f) => !ctx.recorded.includes(f)),
  };
}

export type DrillActor = Actor<DrillMachine>;

/** A running drill. */
export interface Drill {
  model: ScenarioModel;
  actor: DrillActor;
  /** Sends a move; returns false (and changes nothing) when the move is not legal now. */
  send(move: Move): boolean;
  snapshot(): DrillSnapshot;
  context(): DrillContext;
  moves(): AvailableMoves;
  /** A JSON-safe snapshot to store; `restoreDrill` continues from it. */
  persist(): Snapshot<unknown>;
}

const machines = new WeakMap<ScenarioModel, DrillMachine>();
/** The machine for a model, built once per model object. */
export function machineFor(model: ScenarioModel): DrillMachine {
  let m = machines.get(model);
  if (!m) machines.set(model, (m = createDrillMachine(model)));
  return m;
}

function wrap(model: ScenarioModel, actor: DrillActor): Drill {
  actor.start();
  return {
    model,
    actor,
    send(move) {
      const before = actor.getSnapshot().context.log.length;
      actor.send(move);
      return actor.getSnapshot().context.log.length > before;
    },
    snapshot: () => actor.getSnapshot(),
    context: () => actor.getSnapshot().context,
    moves: () => availableMoves(model, actor.getSnapshot()),
    persist: () => actor.getPersistedSnapshot(),
  };
}

/** Starts a new drill of `model` with the random seed `seed`. */
export function startDrill(model: ScenarioModel, seed: number): Drill {
  return wrap(model, createActor(machineFor(model), { input: { seed } }));
}

/** Continues a drill from a persisted snapshot. */
export function restoreDrill(model: ScenarioModel, persisted: Snapshot<unknown>): Drill {
  return wrap(model, createActor(machineFor(model), { snapshot: persisted as never, input: { seed: 0 } }));
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

