/**
 * A drill that starts somewhere in the middle, for a trainer play-testing a part of a scenario: at a
 * chosen step of a stage, or of an objection (which then returns to a step of its stage), with the
 * customer's state chosen (meters, facts revealed, promises made, facts recorded, the key actions
 * shown and pitfalls committed so far, the day). The lead plan is the expert's, so the stages before
 * count as passed over, not failed. Or at a move of a real attempt, replayed on the scenario as it
 * is now. The result is an ordinary `DrillState`: the engine plays on from it like from any other.
 */
import { CONVERSATION_STAGES, type ConversationStageId } from '../ltc/stages';
import { METERS, type Meters, type ScenarioModel } from '../scenario/model';
import { initialContext, type DrillContext, type DrillState, type EventLog, type StagePoint } from './context';
import { play, settle } from './engine';
import { expertLeadPlan } from './lead-plan';
import { applyLeadPlan, enterStage, openObjection, sayStep } from './moves';

export interface StartPoint {
  stage: ConversationStageId;
  /** A step of `stage`; default: its start. */
  step?: string;
  /** Start inside this objection (at `objectionStep`, default its start); it returns to `stage`/`step`. */
  objection?: string;
  objectionStep?: string;
  meters?: Partial<Meters>;
  revealed?: string[];
  promised?: string[];
  recorded?: string[];
  /** Key actions already shown (as conditions' `shown` tests them): checklist ids of kind key-action. */
  shown?: string[];
  /** Pitfalls already committed (conditions' `committed`): checklist ids of kind pitfall. */
  committed?: string[];
  day?: number;
  seed?: number;
}

/** Why a start point does not exist in the model. */
export type StartProblem = 'unknown-stage' | 'unknown-step' | 'unknown-objection' | 'unknown-objection-step';

export function startProblem(model: ScenarioModel, at: StartPoint): StartProblem | null {
  const stage = (CONVERSATION_STAGES as readonly string[]).includes(at.stage) ? model.stages[at.stage] : undefined;
  if (!stage) return 'unknown-stage';
  if (at.step !== undefined && !stage.steps[at.step]) return 'unknown-step';
  if (at.objection !== undefined) {
    const o = model.objections[at.objection];
    if (!o) return 'unknown-objection';
    if (at.objectionStep !== undefined && !o.steps[at.objectionStep]) return 'unknown-objection-step';
  }
  return null;
}

const clamp = (v: number) => Math.max(0, Math.min(100, Math.round(v)));
const known = (ids: readonly string[] | undefined, of: Record<string, unknown>) => [...new Set(ids ?? [])].filter((id) => Object.hasOwn(of, id));

/** The state of a test drill at `at`; throws on a start point the model does not have (see `startProblem`). */
export function startAt(model: ScenarioModel, at: StartPoint): DrillState {
  const problem = startProblem(model, at);
  if (problem) throw new Error(`${problem}: ${at.objection ?? ''} ${at.stage}/${at.step ?? ''}`);
  const seed = at.seed ?? 1;
  let ctx: DrillContext = applyLeadPlan(model, initialContext(model, seed), expertLeadPlan(model.leads));
  const meters: Meters = { ...ctx.meters };
  for (const m of METERS) if (typeof at.meters?.[m] === 'number') meters[m] = clamp(at.meters[m]!);
  const day = Math.max(0, Math.round(at.day ?? 0));
  const revealed = known(at.revealed, model.customer.facts);
  const items = (kind: 'key-action' | 'pitfall', ids: readonly string[] | undefined) =>
    (ids ?? []).filter((id) => model.checklist.some((c) => c.id === id && c.kind === kind));
  ctx = {
    ...ctx,
    day,
    meters,
    revealed,
    promised: known(at.promised, model.promises),
    recorded: known(at.recorded, model.customer.facts).filter((f) => revealed.includes(f)),
    shown: [...new Set([...ctx.shown, ...items('key-action', at.shown)])],
    committed: [...new Set([...ctx.committed, ...items('pitfall', at.committed)])],
    series: [{ turn: 0, day, ...meters }],
  };
  const point: StagePoint = { stage: at.stage, step: at.step ?? model.stages[at.stage].start };
  ctx = enterStage(model, ctx, point.stage);
  if (at.objection) {
    const objection = model.objections[at.objection]!;
    const step = at.objectionStep ?? objection.start;
    ctx = sayStep(model, openObjection(model, ctx, at.objection), at.objection, step);
    return { position: { phase: 'objection', objection: at.objection, step }, resume: point, context: ctx };
  }
  ctx = sayStep(model, ctx, point.stage, point.step);
  return settle(model, { position: { phase: 'stage', stage: point.stage, step: point.step }, resume: null, context: ctx });
}

/** Where a test drill from a move of a real attempt starts. */
export interface AttemptStart {
  state: DrillState;
  /** How many of the attempt's moves were replayed. */
  replayed: number;
  /**
   * The first move (from 0) the scenario as it is now does not allow, when that comes before the
   * chosen one: the drill starts just before it.
   */
  rejectedAt: number | null;
}

/**
 * The state of a test drill at move `turn` (from 1) of a recorded attempt: the moves before it
 * replayed by the engine on `model` (an edited scenario may refuse one; the drill then starts
 * before the first it refuses).
 */
export function startFromAttempt(model: ScenarioModel, log: EventLog, turn: number): AttemptStart {
  const before = Math.max(0, Math.min(log.moves.length, Math.floor(turn) - 1));
  const { state, rejectedAt } = play(model, { seed: log.seed, moves: log.moves.slice(0, before) });
  return { state, replayed: rejectedAt ?? before, rejectedAt };
}

/**
 * Whether `model` accepts the first `count` moves of a recorded attempt (by default the lead plan
 * and the first choice): so an attempt on a copy or an earlier version of this scenario can be
 * started from, while one on another scenario (other leads, other steps) cannot.
 */
export function acceptsAttempt(model: ScenarioModel, log: EventLog, count = 2): boolean {
  const moves = log.moves.slice(0, count);
  return moves.length > 0 && play(model, { seed: log.seed, moves }).rejectedAt === null;
}
