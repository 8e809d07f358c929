/**
 * The engine: one pure step function that plays every scenario everywhere — the scorer, replays, the
 * explorer, the cohort, the command line and the tests. Plain functions over plain data: a state is
 * `{ position, resume, context }` (JSON), a move is one event of the log.
 *
 * The drill in the browser runs the compiled XState machine (`machine.ts`) instead, whose guards and
 * actions call the same functions in `moves.ts`; this module reproduces the machine's macrosteps
 * (entry actions, eventless transitions, deep history) exactly, and a property test plays random
 * logs through both and requires the same context, position and score after every move.
 */
import { graphOf, type OptionModel, type ScenarioModel } from '../scenario/model';
import type { ConversationStageId } from '../ltc/stages';
import { initialContext, type DrillContext, type DrillState, type EventLog, type Move, type Position, type StagePoint } from './context';
import {
  abandonAllowed,
  applyAbandon,
  applyLeadPlan,
  applyOption,
  applyRecord,
  applyWait,
  closeDrill,
  enterStage,
  firingRule,
  isValidLeadPlan,
  openObjection,
  optionOffered,
  recordAllowed,
  sayStep,
  waitAllowed,
} from './moves';

/** Why a move was not played; the state is unchanged. */
export interface Refusal {
  refused: 'ended' | 'not-here' | 'not-offered' | 'invalid-plan' | 'not-allowed';
  move: Move;
}

export const isRefusal = (r: DrillState | Refusal): r is Refusal => 'refused' in r;

/** The state of a drill of `model` before any move, with the random seed `seed`. */
export function initial(model: ScenarioModel, seed: number): DrillState {
  return { position: { phase: 'leads' }, resume: null, context: initialContext(model, seed) };
}

export interface LegalMoves {
  position: Position;
  /** Options offered now (their `when` holds), in file order. */
  options: OptionModel[];
  /** Waits offered now, in days (none inside an objection). */
  waits: number[];
  /** Revealed facts not yet in the customer record. */
  recordable: string[];
}

const NONE: readonly never[] = [];

/** The moves the trainee can make in `state` (besides giving up, and the lead plan in stage 1). */
export function legalMoves(model: ScenarioModel, state: Pick<DrillState, 'position' | 'context'>): LegalMoves {
  const { position, context: ctx } = state;
  if (position.phase === 'ended' || position.phase === 'leads') return { position, options: [], waits: [], recordable: [] };
  const container = position.phase === 'stage' ? position.stage : position.objection;
  const step = graphOf(model, container)?.steps[position.step];
  return {
    position,
    options: (step?.options ?? NONE).filter((o) => optionOffered(ctx, o)),
    waits: position.phase === 'stage' && !ctx.ending && !ctx.pending ? [...model.cadence.waits] : [],
    recordable: ctx.ending ? [] : ctx.revealed.filter((f) => !ctx.recorded.includes(f)),
  };
}

/** The option `id` of the step the drill is at, if there is one. */
function optionHere(model: ScenarioModel, position: Position, id: string): OptionModel | undefined {
  if (position.phase !== 'stage' && position.phase !== 'objection') return undefined;
  const container = position.phase === 'stage' ? position.stage : position.objection;
  return graphOf(model, container)?.steps[position.step]?.options.find((o) => o.id === id);
}

/** Enters a step of a stage: the stage's entry (a new stage only) then the step's line. */
function enterStageStep(model: ScenarioModel, s: DrillState, point: StagePoint, reuse: boolean): DrillState {
  const ctx = sayStep(model, enterStage(model, s.context, point.stage, reuse), point.stage, point.step, reuse);
  return { position: { phase: 'stage', stage: point.stage, step: point.step }, resume: s.resume, context: ctx };
}

/** Opens an objection: leaving the conversation keeps where it was, to come back to. */
function enterObjection(model: ScenarioModel, s: DrillState, objection: string, rule: number | undefined, reuse: boolean): DrillState {
  const resume = s.position.phase === 'stage' ? { stage: s.position.stage, step: s.position.step } : s.resume;
  const start = model.objections[objection]!.start;
  const ctx = sayStep(model, openObjection(model, s.context, objection, rule, reuse), objection, start, reuse);
  return { position: { phase: 'objection', objection, step: start }, resume, context: ctx };
}

/** Where an option leads (the machine's transition target and its entry actions). */
function follow(model: ScenarioModel, s: DrillState, option: OptionModel, reuse: boolean): DrillState {
  const { step, stage, resolves } = option.target;
  if (resolves) return enterStageStep(model, s, s.resume ?? { stage: 'first-contact', step: model.stages['first-contact'].start }, reuse);
  if (stage) return enterStageStep(model, s, { stage, step: model.stages[stage].start }, reuse);
  if (step && s.position.phase === 'stage') return enterStageStep(model, s, { stage: s.position.stage, step }, reuse);
  if (step && s.position.phase === 'objection') {
    return { ...s, position: { phase: 'objection', objection: s.position.objection, step }, context: sayStep(model, s.context, s.position.objection, step, reuse) };
  }
  return s;
}

/**
 * What happens by itself after a move (the machine's eventless transitions, in the machine's order):
 * a rule of the current stage raises its objection; an ending closes the drill; a pending objection
 * opens. Repeated until nothing more happens.
 */
export function settle(model: ScenarioModel, state: DrillState, reuse = false): DrillState {
  let s = state;
  for (;;) {
    if (s.position.phase === 'stage') {
      const rule = firingRule(model, s.context, s.position.stage);
      if (rule) {
        s = enterObjection(model, s, rule.raises, rule.index, reuse);
        continue;
      }
    }
    if (s.context.ending) {
      const context = closeDrill(model, s.context, reuse);
      return { position: { phase: 'ended', ending: context.ending! }, resume: s.resume, context };
    }
    const pending = s.context.pending;
    if (pending !== null && model.objections[pending]) {
      s = enterObjection(model, s, pending, undefined, reuse);
      continue;
    }
    return s;
  }
}

/**
 * Plays one move; a refusal (and no change) when it is not legal in `state`. `state` is never
 * changed, unless the caller passes `reuse` because it will not look at `state` again: then the move
 * may grow the histories (transcript, log, series, touches) in place, so a long game stays linear.
 */
export function step(model: ScenarioModel, state: DrillState, move: Move, reuse = false): DrillState | Refusal {
  const { position: at, context: ctx } = state;
  const refuse = (refused: Refusal['refused']): Refusal => ({ refused, move });
  if (at.phase === 'ended') return refuse('ended');
  switch (move.type) {
    case 'leads.submit': {
      if (at.phase !== 'leads') return refuse('not-here');
      if (!isValidLeadPlan(model, move.plan)) return refuse('invalid-plan');
      const s: DrillState = { ...state, context: applyLeadPlan(model, ctx, move.plan, reuse) };
      const first: ConversationStageId = 'first-contact';
      return settle(model, move.plan.pursue.includes(model.leads.customerLead) ? enterStageStep(model, s, { stage: first, step: model.stages[first].start }, reuse) : s, reuse);
    }
    case 'choose': {
      const option = optionHere(model, at, move.option);
      if (!option) return refuse('not-here');
      if (!optionOffered(ctx, option)) return refuse('not-offered');
      return settle(model, follow(model, { ...state, context: applyOption(model, ctx, option, reuse) }, option, reuse), reuse);
    }
    case 'wait':
      if (at.phase !== 'stage') return refuse('not-here');
      if (!waitAllowed(model, ctx, move.days)) return refuse('not-allowed');
      return settle(model, { ...state, context: applyWait(model, ctx, move.days, reuse) }, reuse);
    case 'record':
      if (!recordAllowed(ctx, move.fact)) return refuse('not-allowed');
      return settle(model, { ...state, context: applyRecord(model, ctx, move.fact, reuse) }, reuse);
    case 'abandon':
      if (!abandonAllowed(ctx)) return refuse('not-allowed');
      return settle(model, { ...state, context: applyAbandon(model, ctx, reuse) }, reuse);
    default:
      return refuse('not-allowed');
  }
}

export interface Run {
  /** `states[0]` before any move, `states[i]` after move i; up to the last legal move. */
  states: DrillState[];
  /** Index of the first move that was not legal (the run stops before it), or null. */
  rejectedAt: number | null;
}

/** Plays a log from the start and keeps the state after each move; stops at the first illegal move. */
export function run(model: ScenarioModel, log: EventLog): Run {
  const states = [initial(model, log.seed)];
  for (let i = 0; i < log.moves.length; i++) {
    const next = step(model, states[i]!, log.moves[i]!);
    if (isRefusal(next)) return { states, rejectedAt: i };
    states.push(next);
  }
  return { states, rejectedAt: null };
}

/** Plays a log and keeps only where it leads (the same state as the last of `run`). */
export function play(model: ScenarioModel, log: EventLog): { state: DrillState; rejectedAt: number | null } {
  let state = initial(model, log.seed);
  for (let i = 0; i < log.moves.length; i++) {
    // Only the last state is kept: each move may grow the one before in place.
    const next = step(model, state, log.moves[i]!, true);
    if (isRefusal(next)) return { state, rejectedAt: i };
    state = next;
  }
  return { state, rejectedAt: null };
}

/** Whether the drill is over. */
export const ended = (state: Pick<DrillState, 'position'>): boolean => state.position.phase === 'ended';

/** The context of the state (a shorthand for readers that only need what happened). */
export const contextOf = (state: DrillState): DrillContext => state.context;
