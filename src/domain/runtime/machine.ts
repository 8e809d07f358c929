/**
 * Compiles a scenario model into an XState v5 machine: the drill the browser runs as an actor. The
 * generated config only names guards and actions (with params); their code lives once, in
 * `setup()`, and calls the same functions in `moves.ts` as the engine (`engine.ts`), so the two
 * cannot drift apart (a property test plays random logs through both). Shape of the machine:
 *
 *   leads → conversation { first-contact { steps… } … collection { steps… } hist(deep) }
 *         ↔ objection { <id> { steps… } }        (resolved: back through conversation.hist)
 *         → won | lost | stalled | abandoned     (final)
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import { CONVERSATION_STAGES, type ConversationStageId } from '../ltc/stages';
import type { OptionModel, ScenarioModel, StepGraph } from '../scenario/model';
import type { DrillContext, Move } from './context';
import { initialContext } from './context';
import {
  abandonAllowed,
  applyAbandon,
  applyLeadPlan,
  applyOption,
  applyRecord,
  applyWait,
  closeDrill,
  enterStage,
  isValidLeadPlan,
  openObjection,
  optionOffered,
  recordAllowed,
  ruleFires,
  sayStep,
  waitAllowed,
} from './moves';

export const ROOT_ID = 'drill';
export const FINAL_STATES = ['won', 'lost', 'stalled', 'abandoned'] as const;

/** Every option of the model by its global id. */
export function indexOptions(model: ScenarioModel): Map<string, OptionModel> {
  const graphs: StepGraph[] = [...Object.values(model.stages), ...Object.values(model.objections)];
  return new Map(graphs.flatMap((g) => Object.values(g.steps).flatMap((s) => s.options.map((o) => [o.id, o] as const))));
}

function optionTransition(container: string, inObjection: boolean, o: OptionModel) {
  const { step, stage, resolves } = o.target;
  const target = resolves
    ? `#${ROOT_ID}.conversation.hist`
    : stage
      ? `#${ROOT_ID}.conversation.${stage}`
      : step
        ? `#${ROOT_ID}.${inObjection ? 'objection' : 'conversation'}.${container}.${step}`
        : undefined;
  return {
    guard: { type: 'optionChosen', params: { option: o.id } },
    ...(target ? { target, reenter: true } : {}),
    actions: [{ type: 'applyOption', params: { option: o.id } }],
  };
}

function graphStates(g: StepGraph, inObjection: boolean) {
  return Object.fromEntries(
    Object.values(g.steps).map((s) => [
      s.id,
      {
        entry: [{ type: 'sayStep', params: { container: g.id, step: s.id } }],
        on: { choose: s.options.map((o) => optionTransition(g.id, inObjection, o)) },
      },
    ]),
  );
}

/** The XState config for a model: plain data that names behaviour implemented in `setup`. */
export function machineConfig(model: ScenarioModel) {
  const stage = (id: ConversationStageId) => ({
    initial: model.stages[id].start,
    entry: [{ type: 'enterStage', params: { stage: id } }],
    always: model.rules
      .filter((r) => r.at === id)
      .map((r) => ({
        guard: { type: 'ruleFires', params: { rule: r.index } },
        target: `#${ROOT_ID}.objection.${r.raises}`,
        actions: [{ type: 'openObjection', params: { objection: r.raises, rule: r.index } }],
      })),
    states: graphStates(model.stages[id], false),
  });
  return {
    id: ROOT_ID,
    context: ({ input }: { input?: { seed: number } }) => initialContext(model, input?.seed ?? 0),
    initial: 'leads',
    always: [
      ...FINAL_STATES.map((outcome) => ({ guard: { type: 'endingIs', params: { outcome } }, target: `#${ROOT_ID}.${outcome}` })),
      ...Object.keys(model.objections).map((id) => ({
        guard: { type: 'objectionPending', params: { objection: id } },
        target: `#${ROOT_ID}.objection.${id}`,
        actions: [{ type: 'openObjection', params: { objection: id } }],
      })),
    ],
    on: {
      record: { guard: 'canRecord', actions: 'applyRecord' },
      abandon: { guard: 'notEnded', actions: 'applyAbandon' },
    },
    states: {
      leads: {
        on: {
          'leads.submit': [
            { guard: { type: 'validLeadPlan', params: { pursuing: true } }, target: 'conversation', actions: 'applyLeadPlan' },
            { guard: { type: 'validLeadPlan', params: { pursuing: false } }, actions: 'applyLeadPlan' },
          ],
        },
      },
      conversation: {
        initial: 'first-contact',
        on: { wait: { guard: 'canWait', actions: 'applyWait' } },
        states: {
          ...Object.fromEntries(CONVERSATION_STAGES.map((id) => [id, stage(id)])),
          hist: { type: 'history', history: 'deep' },
        },
      },
      // Never entered as a whole: always through one objection's id. Absent when there are none.
      ...(Object.keys(model.objections).length
        ? {
            objection: {
              initial: Object.keys(model.objections)[0],
              states: Object.fromEntries(
                Object.values(model.objections).map((o) => [o.id, { initial: o.start, states: graphStates(o, true) }]),
              ),
            },
          }
        : {}),
      ...Object.fromEntries(FINAL_STATES.map((s) => [s, { type: 'final', entry: 'closeDrill' }])),
    },
  };
}

/** Builds the drill machine for a compiled scenario model. */
export function createDrillMachine(model: ScenarioModel) {
  const options = indexOptions(model);
  const rules = model.rules;
  return setup({
    types: {
      context: {} as DrillContext,
      events: {} as Move,
      input: {} as { seed: number },
    },
    guards: {
      optionChosen: ({ context, event }, p: { option: string }) => event.type === 'choose' && event.option === p.option && optionOffered(context, options.get(p.option)!),
      validLeadPlan: ({ event }, p: { pursuing: boolean }) =>
        event.type === 'leads.submit' && isValidLeadPlan(model, event.plan) && event.plan.pursue.includes(model.leads.customerLead) === p.pursuing,
      canWait: ({ context, event }) => event.type === 'wait' && waitAllowed(model, context, event.days),
      canRecord: ({ context, event }) => event.type === 'record' && recordAllowed(context, event.fact),
      notEnded: ({ context }) => abandonAllowed(context),
      endingIs: ({ context }, p: { outcome: string }) => context.ending?.outcome === p.outcome,
      objectionPending: ({ context }, p: { objection: string }) => !context.ending && context.pending === p.objection,
      ruleFires: ({ context }, p: { rule: number }) => ruleFires(context, rules[p.rule]!),
    },
    actions: {
      applyOption: assign(({ context }, p: { option: string }) => applyOption(model, context, options.get(p.option)!)),
      applyLeadPlan: assign(({ context, event }) => (event.type === 'leads.submit' ? applyLeadPlan(model, context, event.plan) : context)),
      applyWait: assign(({ context, event }) => (event.type === 'wait' ? applyWait(model, context, event.days) : context)),
      applyRecord: assign(({ context, event }) => (event.type === 'record' ? applyRecord(model, context, event.fact) : context)),
      applyAbandon: assign(({ context }) => applyAbandon(model, context)),
      enterStage: assign(({ context }, p: { stage: ConversationStageId }) => enterStage(model, context, p.stage)),
      sayStep: assign(({ context }, p: { container: string; step: string }) => sayStep(model, context, p.container, p.step)),
      openObjection: assign(({ context }, p: { objection: string; rule?: number }) => openObjection(model, context, p.objection, p.rule)),
      closeDrill: assign(({ context }) => closeDrill(model, context)),
    },
  }).createMachine(machineConfig(model) as never);
}

export type DrillMachine = ReturnType<typeof createDrillMachine>;
export type DrillSnapshot = SnapshotFrom<DrillMachine>;
