/**
 * A drill that starts somewhere in the middle, for a trainer play-testing a part of a scenario: at a
 * chosen step of a stage, or of an objection (which then returns to a step of its stage), with the
 * customer's state chosen (meters, facts revealed, promises made, facts recorded, the day). The lead
 * plan is the expert's, so the stages before count as passed over, not failed. The result is an
 * ordinary `DrillState`: the engine plays on from it like from any other.
 */
import { CONVERSATION_STAGES, type ConversationStageId } from '../ltc/stages';
import { METERS, type Meters, type ScenarioModel } from '../scenario/model';
import { initialContext, type DrillContext, type DrillState, type StagePoint } from './context';
import { settle } from './engine';
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
  ctx = {
    ...ctx,
    day,
    meters,
    revealed,
    promised: known(at.promised, model.promises),
    recorded: known(at.recorded, model.customer.facts).filter((f) => revealed.includes(f)),
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
