/**
 * The structure's bounds are admissible: on random plays of every library scenario, the tour and a
 * generated story, no stage ever ends with more than the structure said it could still reach, at
 * any point of the stage (`boundHere`) or from any stage before it (`laterMax`). The best-path
 * search prunes with these bounds, so this is what makes its best path the best.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../bench/generate';
import { libraryFiles, loadModel, tour } from '../../../test/support/load';
import { compileScenario } from '../compiler/compile';
import { CONVERSATION_STAGES, stageIndex, type StageId } from '../ltc/stages';
import type { DrillState, Move } from '../runtime/context';
import { initial, isRefusal, legalMoves, step } from '../runtime/engine';
import { expertLeadPlan } from '../runtime/lead-plan';
import type { ScenarioModel } from '../scenario/model';
import { stageScoreOf } from './best-path';
import { boundHere, structure } from './structure';

const generated = compileScenario(generateScenario(40), 'generated-40.yaml').model!;
const models: [string, ScenarioModel][] = [['tour', tour()], ...libraryFiles().map((f) => [f, loadModel(f)] as [string, ScenarioModel]), ['generated-40', generated]];

describe.each(models)('%s: the structure bounds every play', (_name, model) => {
  const s = structure(model);
  // Plays that mostly take the option that looks best (most key actions, fewest pitfalls) come near
  // the bounds, where a bound too tight would show; the others wander.
  it.each([
    ['random', false],
    ['mostly good', true],
  ])('no stage ends above a bound given while it or a stage before it was played (%s moves)', (_kind, good) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.nat(), { minLength: 20, maxLength: 150 }), (seed, picks) => {
        const first = step(model, initial(model, seed), { type: 'leads.submit', plan: expertLeadPlan(model.leads) });
        if (isRefusal(first)) return;
        let state: DrillState = first;
        /** The least bound given of each stage so far. */
        const least = new Map<StageId, number>();
        const note = (stage: StageId, v: number) => least.set(stage, Math.min(least.get(stage) ?? Infinity, v));
        const observe = () => {
          const c = state.context;
          if (state.position.phase === 'ended') return;
          note(c.stage, boundHere(s, state));
          for (const t of CONVERSATION_STAGES) if (stageIndex(t) > stageIndex(c.stage)) note(t, s.laterMax(t, c.stage, c.revealed, c.promised));
        };
        observe();
        for (const p of picks) {
          if (state.position.phase === 'ended') break;
          const legal = legalMoves(model, state);
          const moves: Move[] = [
            ...legal.options.map((o) => ({ type: 'choose' as const, option: o.id })),
            ...legal.recordable.map((fact) => ({ type: 'record' as const, fact })),
            ...legal.waits.slice(0, 2).map((days) => ({ type: 'wait' as const, days })),
          ];
          if (!moves.length) break;
          const looks = (o: (typeof legal.options)[number]) => o.shows.length - 2 * o.commits.length;
          const pick = good && p % 4 !== 0 && legal.options.length ? { type: 'choose' as const, option: legal.options.reduce((a, b) => (looks(b) > looks(a) ? b : a)).id } : moves[p % moves.length]!;
          const before = state.context.stage;
          const next = step(model, state, pick);
          if (isRefusal(next)) throw new Error('a legal move was refused');
          const ended = next.position.phase === 'ended';
          // A stage closes when the drill leaves it or ends in it: its score is final then.
          if (before !== next.context.stage || ended) expect(stageScoreOf(model, next, before)).toBeLessThanOrEqual(least.get(before) ?? 100);
          if (ended && before !== next.context.stage) expect(stageScoreOf(model, next, next.context.stage)).toBeLessThanOrEqual(least.get(next.context.stage) ?? 100);
          state = next;
          observe();
        }
      }),
      { numRuns: 150 },
    );
  });
});

