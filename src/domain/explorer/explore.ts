/**
 * The explorer: a bounded search over a scenario's reachable drill states, for trainers ("is every
 * step reachable? what is the best possible score?") and for the debrief ("what would an expert do?").
 *
 * It runs the real machine (XState's pure `transition`) from the expert lead plan, for each of a few
 * seeds, and memoises on an abstract key: the state value, meters, facts, promises, records, fired
 * surprises and rules, the random generator, the current stage's checklist progress and the days
 * since the last touch *capped* just past the "too long" limit. The calendar itself is left out —
 * it grows without bound and only matters through the capped gap — so the search ends. Two further
 * bounds keep it finite where a scenario loops: at most `maxConsecutiveWaits` waits in a row, a
 * maximum path length, and a state budget. When a bound cuts the search, the report says so.
 */
import { initialTransition, transition } from 'xstate';
import { STAGES, type StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { DrillEnding, Move } from '../runtime/context';
import { availableMoves, machineFor, positionOf } from '../runtime/drill';
import type { DrillSnapshot } from '../runtime/machine';
import { expertLeadPlan } from '../scoring/lead-plan';
import { score, scoreContext, stageValue, type AttemptScore } from '../scoring/score';

export interface ExploreOptions {
  seeds?: number[];
  maxStates?: number;
  maxDepth?: number;
  maxConsecutiveWaits?: number;
}

export interface ExplorerReport {
  seeds: number[];
  statesVisited: number;
  /** True when a bound (states, depth) cut the search: results are then lower bounds. */
  bounded: boolean;
  boundsHit: ('states' | 'depth')[];
  steps: { container: string; step: string; reachable: boolean }[];
  objections: { id: string; raised: boolean }[];
  endings: (DrillEnding & { count: number })[];
  checklist: { id: string; stage: StageId; kind: 'key-action' | 'pitfall'; possible: boolean }[];
  /** `overall`: the best path's score; `stages`: each stage's best on any path (not always the same path). */
  best: { overall: number; stages: Record<StageId, number> };
  exemplar: { seed: number; moves: Move[]; score: AttemptScore } | null;
}

interface Node {
  snap: DrillSnapshot;
  shown: ReadonlySet<string>;
  committed: ReadonlySet<string>;
  waits: number;
  depth: number;
}

const DEFAULTS = { seeds: [1, 2, 3], maxStates: 150_000, maxDepth: 250, maxConsecutiveWaits: 1 };

/** Explores `model`; never mutates it. */
export function explore(model: ScenarioModel, options: ExploreOptions = {}): ExplorerReport {
  const opts = { ...DEFAULTS, ...options };
  const machine = machineFor(model);
  const itemsByStage = new Map<StageId, typeof model.checklist>(STAGES.map((s) => [s, model.checklist.filter((i) => i.stage === s)]));
  const recordItems = new Map<StageId, string[]>(STAGES.map((s) => [s, itemsByStage.get(s)!.filter((i) => i.auto === 'record').map((i) => i.id)]));
  const gapCap = model.cadence.tooLong.days + 1;

  const seenSteps = new Set<string>();
  const raised = new Set<string>();
  const possible = new Set<string>();
  const endings = new Map<string, DrillEnding & { count: number }>();
  const bestStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<StageId, number>;
  const boundsHit = new Set<'states' | 'depth'>();
  let statesVisited = 0;
  let exemplar: ExplorerReport['exemplar'] = null;
  let bestOverall = 0;

  const send = (snap: DrillSnapshot, move: Move): DrillSnapshot | null => {
    const [next] = transition(machine, snap, move);
    return next.context.log.length > snap.context.log.length ? (next as DrillSnapshot) : null;
  };

  const keyOf = (n: Node): string => {
    const c = n.snap.context;
    const gap = c.lastTouch ? Math.min(c.day - c.lastTouch.day, gapCap) : -1;
    return JSON.stringify([
      n.snap.value, c.meters.trust, c.meters.interest, c.meters.patience, c.revealed.slice().sort(), c.promised.slice().sort(),
      c.recorded.slice().sort(), c.firedSurprises, c.firedRules, c.pending, c.rng, gap, c.stage, [...n.shown].sort(), [...n.committed].sort(), n.waits,
      c.ending?.outcome ?? null,
    ]);
  };

  for (const seed of opts.seeds) {
    const memo = new Map<string, { value: number; move: Move | null }>();
    const [initial] = initialTransition(machine, { seed });
    const plan = expertLeadPlan(model.leads);
    const afterLeads = send(initial as DrillSnapshot, { type: 'leads.submit', plan });
    if (!afterLeads) continue;
    const leadScore = scoreContext(model, afterLeads.context).stages[0]!.score;
    bestStage.leads = Math.max(bestStage.leads, leadScore);

    /** Best sum of stage scores still to be completed from `n`, and the move that gets it. */
    const best = (n: Node): { value: number; move: Move | null } => {
      const key = keyOf(n);
      const hit = memo.get(key);
      if (hit) return hit;
      statesVisited++;
      const snap = n.snap;
      const c = snap.context;
      const stage = c.stage;
      const here = stageValue(itemsByStage.get(stage)!, n.shown, n.committed);
      const pos = positionOf(snap);
      if (pos.phase === 'stage') seenSteps.add(`${pos.stage}/${pos.step}`);
      if (pos.phase === 'objection') seenSteps.add(`${pos.objection}/${pos.step}`);
      if (pos.phase === 'ended') {
        const e = c.ending!;
        const k = JSON.stringify([e.outcome, e.stage, e.reasonKey ?? null, e.reason ?? null]);
        const seen = endings.get(k);
        if (seen) seen.count++;
        else endings.set(k, { ...e, count: 1 });
        bestStage[stage] = Math.max(bestStage[stage], here);
        const result = { value: here, move: null };
        memo.set(key, result);
        return result;
      }
      let result: { value: number; move: Move | null } = { value: here, move: null };
      if (statesVisited > opts.maxStates) boundsHit.add('states');
      else if (n.depth >= opts.maxDepth) boundsHit.add('depth');
      else {
        memo.set(key, result); // guards against cycles: a state on the current path is worth what it has now
        const avail = availableMoves(model, snap);
        const moves: Move[] = [
          ...avail.options.map((o) => ({ type: 'choose' as const, option: o.id })),
          ...avail.recordable.map((fact) => ({ type: 'record' as const, fact })),
          ...(n.waits < opts.maxConsecutiveWaits ? avail.waits.map((days) => ({ type: 'wait' as const, days })) : []),
        ];
        let bestValue = -1;
        for (const move of moves) {
          const next = send(snap, move);
          if (!next) continue;
          const nc = next.context;
          const shown = new Set(n.shown);
          const committed = new Set(n.committed);
          const changed = nc.stage !== stage;
          const nextShown = new Set<string>();
          const nextCommitted = new Set<string>();
          for (let i = c.transcript.length; i < nc.transcript.length; i++) {
            const e = nc.transcript[i]!;
            const [s, cm] = e.stage === stage ? [shown, committed] : [nextShown, nextCommitted];
            if (e.kind === 'rep') {
              e.shows.forEach((id) => s.add(id));
              e.commits.forEach((id) => cm.add(id));
            }
            if (e.kind === 'record') recordItems.get(e.stage)!.forEach((id) => s.add(id));
            if (e.kind === 'rep') [...e.shows, ...e.commits].forEach((id) => possible.add(`${e.stage}:${id}`));
            if (e.kind === 'record') recordItems.get(e.stage)!.forEach((id) => possible.add(`${e.stage}:${id}`));
            if (e.kind === 'objection') raised.add(e.objection);
          }
          let gained = 0;
          if (changed) {
            gained = stageValue(itemsByStage.get(stage)!, shown, committed);
            bestStage[stage] = Math.max(bestStage[stage], gained);
          }
          const child = best({
            snap: next,
            shown: changed ? nextShown : shown,
            committed: changed ? nextCommitted : committed,
            waits: move.type === 'wait' ? n.waits + 1 : 0,
            depth: n.depth + 1,
          });
          const value = gained + child.value;
          if (value > bestValue) {
            bestValue = value;
            result = { value, move };
          }
        }
        if (bestValue < 0) result = { value: here, move: null };
      }
      memo.set(key, result);
      return result;
    };

    const root: Node = { snap: afterLeads, shown: new Set(), committed: new Set(), waits: 0, depth: 0 };
    bestOverall = Math.max(bestOverall, Math.round((leadScore + best(root).value) / STAGES.length));

    // Follow the memo's best moves to get the exemplar path, then verify it by a real replay.
    const moves: Move[] = [{ type: 'leads.submit', plan }];
    let node = root;
    for (let i = 0; i < opts.maxDepth; i++) {
      const step = memo.get(keyOf(node));
      if (!step?.move) break;
      const next = send(node.snap, step.move);
      if (!next) break;
      moves.push(step.move);
      const changed = next.context.stage !== node.snap.context.stage;
      const shown = new Set(changed ? [] : node.shown);
      const committed = new Set(changed ? [] : node.committed);
      for (let j = node.snap.context.transcript.length; j < next.context.transcript.length; j++) {
        const e = next.context.transcript[j]!;
        if (e.stage !== next.context.stage) continue;
        if (e.kind === 'rep') {
          e.shows.forEach((id) => shown.add(id));
          e.commits.forEach((id) => committed.add(id));
        }
        if (e.kind === 'record') recordItems.get(e.stage)!.forEach((id) => shown.add(id));
      }
      node = { snap: next, shown, committed, waits: step.move.type === 'wait' ? node.waits + 1 : 0, depth: node.depth + 1 };
    }
    const result = score(model, { seed, moves });
    const better =
      !exemplar ||
      (result.outcome?.outcome === 'won' && exemplar.score.outcome?.outcome !== 'won') ||
      ((result.outcome?.outcome === 'won') === (exemplar.score.outcome?.outcome === 'won') && result.overall.score > exemplar.score.overall.score);
    if (better) exemplar = { seed, moves, score: result };
  }

  const steps = [...Object.values(model.stages), ...Object.values(model.objections)].flatMap((g) =>
    Object.keys(g.steps).map((step) => ({ container: g.id, step, reachable: seenSteps.has(`${g.id}/${step}`) })),
  );
  const leadItems = new Set(model.checklist.filter((i) => i.auto && i.auto !== 'record').map((i) => i.id));
  return {
    seeds: opts.seeds,
    statesVisited,
    bounded: boundsHit.size > 0,
    boundsHit: [...boundsHit],
    steps,
    objections: Object.keys(model.objections).map((id) => ({ id, raised: raised.has(id) })),
    endings: [...endings.values()],
    checklist: model.checklist.map((i) => ({
      id: i.id,
      stage: i.stage,
      kind: i.kind,
      possible: leadItems.has(i.id) || possible.has(`${i.stage}:${i.id}`),
    })),
    best: {
      overall: bestOverall,
      stages: bestStage,
    },
    exemplar,
  };
}
