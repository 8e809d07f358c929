/**
 * The best-path search is exact: on small scenarios its value equals that of a search with no
 * pruning at all (every play, states told apart exactly as `relevance.ts` says), for the overall
 * objective and for each stage's.
 */
import { describe, expect, it } from 'vitest';
import { loadModel, tour } from '../../../test/support/load';
import { CONVERSATION_STAGES, type StageId } from '../ltc/stages';
import type { DrillState } from '../runtime/context';
import { initial, isRefusal, step } from '../runtime/engine';
import { expertLeadPlan } from '../runtime/lead-plan';
import type { ScenarioModel } from '../scenario/model';
import { scoreContext } from '../scoring/score';
import { bestPath, stageScoreOf, WON_BONUS } from './best-path';
import { candidateMoves } from './candidates';
import { relevanceOf, stateKey } from './relevance';
import { structure } from './structure';

/**
 * The best value of any play from `start`, by trying every one: every state reachable (told apart by
 * the exact key), each move with what it banks (a stage's score when the drill leaves it, the win
 * when it ends), then the most each state can still bank, relaxed until nothing changes (within a
 * stage nothing is banked, so going round a cycle gains nothing).
 */
function exhaustive(model: ScenarioModel, start: DrillState, objective: 'overall' | StageId, banked0: number, maxWaits: number): number {
  const rel = relevanceOf(model);
  /** What a move from `a` to `b` banks, and whether the play is over for the objective. */
  const bank = (a: DrillState, b: DrillState): { gain: number; over: boolean } => {
    const ended = b.position.phase === 'ended';
    const from = a.context.stage;
    const to = b.context.stage;
    if (objective !== 'overall') {
      const closes = (from === objective && (to !== objective || ended)) || (to === objective && ended);
      return { gain: closes ? stageScoreOf(model, b, objective) : 0, over: closes || ended };
    }
    let gain = 0;
    if (from !== to || ended) gain += stageScoreOf(model, b, from);
    if (ended && from !== to) gain += stageScoreOf(model, b, to);
    if (ended && b.context.ending!.outcome === 'won') gain += WON_BONUS;
    return { gain, over: ended };
  };
  const ids = new Map<string, number>();
  const edges: { to: number; gain: number }[][] = [];
  const ends: number[] = [];
  const queue: { state: DrillState; waits: number }[] = [{ state: start, waits: 0 }];
  ids.set(stateKey(model, rel, start, 0), 0);
  for (let i = 0; i < queue.length; i++) {
    const { state, waits } = queue[i]!;
    const out: { to: number; gain: number }[] = [];
    let end = -Infinity;
    for (const move of candidateMoves(model, state, waits, maxWaits)) {
      const next = step(model, state, move);
      if (isRefusal(next)) continue;
      const { gain, over } = bank(state, next);
      if (over) {
        end = Math.max(end, gain);
        continue;
      }
      const w = move.type === 'wait' ? waits + 1 : 0;
      const key = stateKey(model, rel, next, w);
      let id = ids.get(key);
      if (id === undefined) {
        ids.set(key, (id = queue.length));
        queue.push({ state: next, waits: w });
      }
      out.push({ to: id, gain });
    }
    edges.push(out);
    ends.push(end);
  }
  const value = [...ends];
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = value.length - 1; i >= 0; i--) {
      for (const e of edges[i]!) if (value[e.to]! + e.gain > value[i]!) {
        value[i] = value[e.to]! + e.gain;
        changed = true;
      }
    }
  }
  return value[0]! === -Infinity ? -1 : banked0 + value[0]!;
}

/** The tour with every option that shows `item` behind a guard that never holds: the best falls below the structure's bound. */
function outOfReach(item: string, when: ScenarioModel['stages']['discovery']['steps'][string]['options'][number]['when']): ScenarioModel {
  const m = structuredClone(tour());
  for (const g of [...Object.values(m.stages), ...Object.values(m.objections)]) for (const st of Object.values(g.steps)) for (const o of st.options) if (o.shows.includes(item)) o.when = when;
  return m;
}

describe.each([
  ['tour', () => tour()],
  ['first-deal-tutorial', () => loadModel('scenarios/first-deal-tutorial.yaml')],
  ['tour, listening out of reach (trust)', () => outOfReach('listen-actively', { meters: [{ meter: 'trust', op: '>', value: 100 }] })],
  ['tour, win-win out of reach (a fact never revealed)', () => outOfReach('create-win-win', { revealed: ['no-such-fact'] })],
])('%s: the best path', (_name, load) => {
  const model = load();
  const start = step(model, initial(model, 1), { type: 'leads.submit', plan: expertLeadPlan(model.leads) });
  if (isRefusal(start)) throw new Error('the expert lead plan was refused');
  const lead = scoreContext(model, start.context).stages[0]!.score;
  const rel = relevanceOf(model);
  const s = structure(model);

  it.each(['overall' as const, ...CONVERSATION_STAGES])('is the best of every play (%s)', (objective) => {
    const r = bestPath(model, start, rel, s, { maxStates: 1_000_000, maxWaitsInARow: 0, leadScore: lead, objective });
    const all = exhaustive(model, start, objective, objective === 'overall' ? lead : 0, 0);
    expect(r.proven).toBe(true);
    expect(r.value).toBe(all);
  });
});
