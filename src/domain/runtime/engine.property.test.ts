/**
 * The engine and the XState machine are one drill: random logs (legal moves, and illegal ones mixed
 * in) played through a live actor of the compiled machine and through the pure `step` give the same
 * context, transcript, position and score after every move, and the same refusals. This is also the
 * test that fails if an XState upgrade changes how the machine behaves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../bench/generate';
import { libraryFiles, loadModel, tour } from '../../../test/support/load';
import { compileScenario } from '../compiler/compile';
import type { ScenarioModel } from '../scenario/model';
import { scoreContext } from '../scoring/score';
import { positionOf, sendMove, startActor } from './actor';
import type { Move } from './context';
import { initial, isRefusal, legalMoves, step } from './engine';
import { expertLeadPlan } from './lead-plan';

const generated = (n: number): ScenarioModel => compileScenario(generateScenario(n), `generated-${n}.yaml`).model!;
const models = [tour(), ...libraryFiles().map(loadModel), generated(40)];

/** A move chosen by `pick` among the legal ones, or (when `wild`) one that is probably not legal here. */
function moveFor(model: ScenarioModel, state: ReturnType<typeof initial>, pick: number, wild: number): Move {
  const legal = legalMoves(model, state);
  const allOptions = Object.values(model.stages).flatMap((g) => Object.values(g.steps).flatMap((s) => s.options.map((o) => o.id)));
  const wildMoves: Move[] = [
    { type: 'choose', option: allOptions[pick % allOptions.length]! },
    { type: 'wait', days: pick % 9 },
    { type: 'record', fact: Object.keys(model.customer.facts)[pick % Math.max(1, Object.keys(model.customer.facts).length)] ?? 'none' },
    { type: 'leads.submit', plan: expertLeadPlan(model.leads) },
  ];
  if (wild % 50 === 0) return { type: 'abandon' };
  if (wild % 7 === 0) return wildMoves[pick % wildMoves.length]!;
  const moves: Move[] = [
    ...legal.options.map((o) => ({ type: 'choose' as const, option: o.id })),
    ...legal.recordable.map((fact) => ({ type: 'record' as const, fact })),
    ...legal.waits.map((days) => ({ type: 'wait' as const, days })),
  ];
  return moves.length ? moves[pick % moves.length]! : { type: 'abandon' };
}

describe('the engine and the machine', () => {
  it('play every log to the same context, position and score after every move, and refuse the same moves', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.integer(),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 20, maxLength: 120 }),
        fc.nat(9),
        (model, seed, picks, lead) => {
          const actor = startActor(model, seed);
          let state = initial(model, seed);
          expect(actor.getSnapshot().context).toEqual(state.context);
          expect(positionOf(actor.getSnapshot())).toEqual(state.position);
          const plan = expertLeadPlan(model.leads);
          // One game in ten does not pursue the customer's lead (and is lost at once).
          const other = model.leads.pool.map((l) => l.id).filter((id) => id !== model.leads.customerLead).slice(0, 1);
          const first: Move = { type: 'leads.submit', plan: lead ? plan : { ...plan, pursue: other } };
          for (let i = 0; i <= picks.length; i++) {
            const move = i === 0 ? first : moveFor(model, state, picks[i - 1]![0], picks[i - 1]![1]);
            const taken = sendMove(actor, move);
            const next = step(model, state, move);
            expect(taken).toBe(!isRefusal(next));
            if (isRefusal(next)) continue;
            state = next;
            const snapshot = actor.getSnapshot();
            expect(snapshot.context).toEqual(state.context);
            expect(positionOf(snapshot)).toEqual(state.position);
            expect(snapshot.status === 'done').toBe(state.position.phase === 'ended');
            expect(scoreContext(model, snapshot.context)).toEqual(scoreContext(model, state.context));
          }
          actor.stop();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the stored play-throughs cover objections resolved back through the deep history', () => {
    // Every library scenario and the tour have an objection that is resolved: the property above
    // must have had something to compare there.
    for (const model of models.slice(0, -1)) {
      const resolving = Object.values(model.objections).some((o) => Object.values(o.steps).some((s) => s.options.some((x) => x.target.resolves)));
      expect(resolving, model.id).toBe(true);
    }
  });
});
