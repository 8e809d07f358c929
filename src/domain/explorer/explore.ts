/**
 * The explorer, for trainers ("is every step reachable? what is the best possible score?") and for
 * the debrief ("what would an expert do?"). It proves what it reports by meeting two bounds:
 * - from below, real plays on the engine, from the expert lead plan, for each of a few seeds: a
 *   search for what can happen (`reachability.ts`) and a branch and bound for the best path
 *   (`best-path.ts`); everything found there was reached by legal moves, and the expert path is
 *   replayed, so its score is the scorer's;
 * - from above, the scenario's structure with its guards ignored (`structure.ts`): what cannot
 *   happen there cannot happen at all, and no stage can score more than it allows there.
 * Where the two meet the result is proven: every step found is reachable and the structure allows
 * no other; the best score and each stage's best are maxima (over every play with at most
 * `maxWaitsInARow` waits in a row, for the seeds searched). Where they do not, the report says
 * which bound was hit, and what is known on each side.
 */
import { CONVERSATION_STAGES, STAGES, type StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { DrillEnding, Move } from '../runtime/context';
import { initial, isRefusal, step } from '../runtime/engine';
import { expertLeadPlan } from '../runtime/lead-plan';
import { score, scoreContext, type AttemptScore } from '../scoring/score';
import type { Exemplar } from './exemplar';
import { bestPath, WON_BONUS } from './best-path';
import { newFound, reach } from './reachability';
import { relevanceOf } from './relevance';
import { structure } from './structure';

export interface ExploreOptions {
  seeds?: number[];
  /** State budget of each search, per seed. */
  maxStates?: number;
  /** Waits tried in a row at most. */
  maxWaitsInARow?: number;
}

export type ExplorerBound = 'reach-states' | 'best-states' | 'stage-states';

export interface ExplorerReport {
  seeds: number[];
  statesVisited: number;
  /** True when a bound cut a search before the result was proven: results are then what was found. */
  bounded: boolean;
  boundsHit: ExplorerBound[];
  steps: { container: string; step: string; reachable: boolean }[];
  objections: { id: string; raised: boolean }[];
  endings: (DrillEnding & { count: number })[];
  checklist: { id: string; stage: StageId; kind: 'key-action' | 'pitfall'; possible: boolean }[];
  /** `overall`: the expert path's score; `stages`: each stage's best on any path (proven unless bounded). */
  best: { overall: number; stages: Record<StageId, number> };
  /** What the structure allows at most: where `best` meets it, it is proven whatever the search did. */
  upper: { overall: number; stages: Record<StageId, number> };
  exemplar: (Exemplar & { moves: Move[]; score: AttemptScore }) | null;
  /**
   * Deal consistency on the won endings the search reached: how many, and on how many of them a
   * contract term was still open, a payment approval pending or the invoice unsent (all should be 0).
   */
  deal: { won: number; openTerms: { id: string; count: number }[]; pendingApprovals: { id: string; count: number }[]; invoiceNotSent: number };
}

export const EXPLORE_DEFAULTS = { seeds: [1, 2, 3], maxStates: 400_000, maxWaitsInARow: 2 } as const;
/** The search for what can happen goes on this far past the point where it found all the structure allows, to see more endings. */
const MIN_REACH_STATES = 4_000;

/** Explores `model`; never mutates it. */
export function explore(model: ScenarioModel, options: ExploreOptions = {}): ExplorerReport {
  const seeds = options.seeds ?? [...EXPLORE_DEFAULTS.seeds];
  const maxStates = options.maxStates ?? EXPLORE_DEFAULTS.maxStates;
  const maxWaitsInARow = options.maxWaitsInARow ?? EXPLORE_DEFAULTS.maxWaitsInARow;
  const rel = relevanceOf(model);
  const s = structure(model);
  const plan = expertLeadPlan(model.leads);
  const found = newFound();
  const bounds = new Set<ExplorerBound>();
  let statesVisited = 0;
  let exemplar: ExplorerReport['exemplar'] = null;
  let bestValue = -1;
  let bestProven = true;
  const starts: { seed: number; state: Exclude<ReturnType<typeof step>, { refused: unknown }>; lead: number }[] = [];

  for (const seed of seeds) {
    const start = step(model, initial(model, seed), { type: 'leads.submit', plan });
    if (isRefusal(start)) continue;
    const lead = scoreContext(model, start.context).stages[0]!.score;
    found.bestStage.leads = Math.max(found.bestStage.leads, lead);
    if (start.position.phase === 'ended') continue;
    starts.push({ seed, state: start, lead });

    // Only a path better than the best of the seeds before is looked for.
    const bp = bestPath(model, start, rel, s, { maxStates, maxWaitsInARow, leadScore: lead, objective: 'overall', atLeast: bestValue });
    statesVisited += bp.states;
    if (!bp.proven) bestProven = false;
    if (bp.value > bestValue && bp.moves.length) {
      const moves: Move[] = [{ type: 'leads.submit', plan }, ...bp.moves];
      const result = score(model, { seed, moves });
      const value = result.stages.reduce((sum, st) => sum + st.score, 0) + (result.outcome?.outcome === 'won' ? WON_BONUS : 0);
      bestValue = Math.max(bestValue, value);
      exemplar = { seed, moves, score: result };
      for (const st of result.stages) found.bestStage[st.stage] = Math.max(found.bestStage[st.stage], st.score);
    }

    const before = found.states;
    // Every seed looks for what the structure allows, starting off its best path; the first also for a variety of endings.
    const guide = exemplar?.seed === seed ? exemplar.moves.slice(1) : [];
    reach(model, start, rel, s, found, { maxStates, maxWaitsInARow, minStates: starts.length === 1 ? MIN_REACH_STATES : 0 }, guide);
    statesVisited += found.states - before;
  }
  if (found.boundHit) bounds.add('reach-states');
  const upperOverall = Math.round((100 + CONVERSATION_STAGES.reduce((sum, t) => sum + s.stages.get(t)!.max, 0)) / STAGES.length);
  if (!bestProven && (exemplar?.score.overall.score ?? -1) < upperOverall) bounds.add('best-states');

  // Each stage's best: proven where real play meets the structure's bound; searched for otherwise.
  for (const stage of CONVERSATION_STAGES) {
    const upper = s.stages.get(stage)!.max;
    if (found.bestStage[stage] >= upper) continue;
    let proven = true;
    for (const { state, lead } of starts) {
      const r = bestPath(model, state, rel, s, { maxStates, maxWaitsInARow, leadScore: lead, objective: stage, atLeast: found.bestStage[stage] });
      statesVisited += r.states;
      if (r.value > found.bestStage[stage]) found.bestStage[stage] = r.value;
      if (!r.proven) proven = false;
      if (found.bestStage[stage] >= upper) break;
    }
    if (!proven && found.bestStage[stage] < upper) bounds.add('stage-states');
  }

  const upperStages = Object.fromEntries(STAGES.map((t) => [t, t === 'leads' ? 100 : s.stages.get(t)!.max])) as Record<StageId, number>;
  const leadItems = new Set(model.checklist.filter((i) => i.auto && i.auto !== 'record').map((i) => i.id));
  return {
    seeds,
    statesVisited,
    bounded: bounds.size > 0,
    boundsHit: [...bounds],
    steps: [...Object.values(model.stages), ...Object.values(model.objections)].flatMap((g) =>
      Object.keys(g.steps).map((id) => ({ container: g.id, step: id, reachable: found.steps.has(`${g.id}/${id}`) })),
    ),
    objections: Object.keys(model.objections).map((id) => ({ id, raised: found.objections.has(id) })),
    endings: [...found.endings.values()],
    checklist: model.checklist.map((i) => ({ id: i.id, stage: i.stage, kind: i.kind, possible: leadItems.has(i.id) || found.items.has(`${i.stage}:${i.id}`) })),
    best: { overall: exemplar?.score.overall.score ?? 0, stages: found.bestStage },
    upper: { overall: upperOverall, stages: upperStages },
    exemplar,
    deal: {
      won: found.deal.won,
      openTerms: [...found.deal.openTerms].map(([id, count]) => ({ id, count })),
      pendingApprovals: [...found.deal.pendingApprovals].map(([id, count]) => ({ id, count })),
      invoiceNotSent: found.deal.invoiceNotSent,
    },
  };
}
