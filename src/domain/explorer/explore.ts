/**
 * The explorer: a bounded search over a scenario's drill states, for trainers ("is every step
 * reachable? what is the best possible score?") and for the debrief ("what would an expert do?").
 * It runs the real machine, from the expert lead plan, for each of a few seeds, in two passes:
 *
 * 1. Reachability: a search over abstract states (see `abstraction.ts`) that records the steps
 *    reached, objections raised, endings, and which checklist items can be shown or committed.
 * 2. Best path: a depth-first branch and bound over concrete states. It tries the most promising
 *    moves first, skips a state already reached with at least as much score, and cuts any branch
 *    whose optimistic bound cannot beat the best path found. The path it reports was played, so its
 *    score is exact; it is the best there is when the search was not cut by a bound.
 *
 * Both passes have a state budget; the report says when a bound was hit.
 */
import { initialTransition } from 'xstate';
import { STAGES, type StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { DrillEnding, Move } from '../runtime/context';
import { machineFor, positionOf } from '../runtime/drill';
import type { DrillSnapshot } from '../runtime/machine';
import { expertLeadPlan } from '../scoring/lead-plan';
import { score, scoreContext, stageValue, type AttemptScore } from '../scoring/score';
import { meterRegions, testedIdsByStage, testedIdsOf } from './abstraction';
import { candidateMoves, makeSend, progressOf } from './stepper';

export interface ExploreOptions {
  seeds?: number[];
  /** State budget of each pass, per seed. */
  maxStates?: number;
  maxDepth?: number;
}

export interface ExplorerReport {
  seeds: number[];
  statesVisited: number;
  /** True when a bound cut a pass: the results are then what the search found, not proven. */
  bounded: boolean;
  boundsHit: ('reach-states' | 'best-states' | 'depth')[];
  steps: { container: string; step: string; reachable: boolean }[];
  objections: { id: string; raised: boolean }[];
  endings: (DrillEnding & { count: number })[];
  checklist: { id: string; stage: StageId; kind: 'key-action' | 'pitfall'; possible: boolean }[];
  /** `overall`: the best path's score; `stages`: each stage's best seen on any path searched. */
  best: { overall: number; stages: Record<StageId, number> };
  exemplar: { seed: number; moves: Move[]; score: AttemptScore } | null;
}

const DEFAULTS = { seeds: [1, 2, 3], maxStates: 30_000, maxDepth: 250 };
const WON_BONUS = 1000;
/**
 * Among paths of equal score the expert path should also be the better-paced, warmer one: a small
 * bonus (under 1 point) for trust and interest at the end, less for every touch off the rhythm.
 */
const TIE_BREAK_MAX = 0.5;
const tieBreak = (c: DrillSnapshot['context']) =>
  ((c.meters.trust + c.meters.interest) / 200) * TIE_BREAK_MAX - c.touches.filter((t) => t.verdict === 'too-soon' || t.verdict === 'too-long').length * 0.01;

/** Explores `model`; never mutates it. */
export function explore(model: ScenarioModel, options: ExploreOptions = {}): ExplorerReport {
  const opts = {
    seeds: options.seeds ?? DEFAULTS.seeds,
    maxStates: options.maxStates ?? DEFAULTS.maxStates,
    maxDepth: options.maxDepth ?? DEFAULTS.maxDepth,
  };
  const machine = machineFor(model);
  const send = makeSend(model);
  const items = new Map<StageId, typeof model.checklist>(STAGES.map((s) => [s, model.checklist.filter((i) => i.stage === s)]));
  const recordItems = new Map<StageId, string[]>(STAGES.map((s) => [s, items.get(s)!.filter((i) => i.auto === 'record').map((i) => i.id)]));
  const gapCap = model.cadence.tooLong.days + 1;
  const region = meterRegions(model);
  const testedBy = testedIdsByStage(model);
  const only = <T>(ids: T[], keep: Set<T>) => ids.filter((id) => keep.has(id)).sort();
  const uncertain = model.surprises.filter((s) => s.chance > 0 && s.chance < 1).map((s) => s.id);

  /** The parts of a state that can change what happens next (meters abstracted or exact). */
  const stateKey = (snap: DrillSnapshot, exactMeters: boolean, extra: unknown) => {
    const c = snap.context;
    const m = c.meters;
    const tested = testedBy.get(c.stage)!;
    const days = c.lastTouch ? c.day - c.lastTouch.day : -1;
    // Exact: days since the last touch, capped past "too long". Abstract: its cadence class.
    const gap = exactMeters ? Math.min(days, gapCap) : days < 0 ? -1 : days < model.cadence.tooSoon.days ? 0 : days <= model.cadence.tooLong.days ? 1 : 2;
    const recordable = (recordItems.get(c.stage)?.length ?? 0) > 0 && c.revealed.some((f) => !c.recorded.includes(f));
    // The generator matters while a surprise is still uncertain; reachability leaves it to the seeds.
    const rng = exactMeters && uncertain.some((id) => !c.firedSurprises.includes(id)) ? c.rng : 0;
    const meters = exactMeters ? [m.trust, m.interest, m.patience] : [region.trust(m.trust), region.interest(m.interest), region.patience(m.patience)];
    return JSON.stringify([
      snap.value, meters, ...testedIdsOf(c, tested),
      recordable, only(c.firedSurprises, tested.surprises), only(c.firedRules, tested.rules), c.pending, rng, gap, c.stage, c.ending?.outcome ?? null, extra,
    ]);
  };

  const seenSteps = new Set<string>();
  const raised = new Set<string>();
  const possible = new Set<string>();
  const endings = new Map<string, DrillEnding & { count: number }>();
  const bestStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<StageId, number>;
  const boundsHit = new Set<ExplorerReport['boundsHit'][number]>();
  let statesVisited = 0;
  let exemplar: ExplorerReport['exemplar'] = null;

  const noteEnding = (e: DrillEnding) => {
    const k = JSON.stringify([e.outcome, e.stage, e.reasonKey ?? null, e.reason ?? null]);
    const seen = endings.get(k);
    if (seen) seen.count++;
    else endings.set(k, { ...e, count: 1 });
  };

  for (const seed of opts.seeds) {
    const [initial] = initialTransition(machine, { seed });
    const plan = expertLeadPlan(model.leads);
    const start = send(initial as DrillSnapshot, { type: 'leads.submit', plan });
    if (!start) continue;
    const leadScore = scoreContext(model, start.context).stages[0]!.score;
    bestStage.leads = Math.max(bestStage.leads, leadScore);

    // --- pass 1: reachability over abstract states --------------------------------------------
    type Reach = { snap: DrillSnapshot; shown: Set<string>; committed: Set<string>; waits: number; depth: number };
    const reached = new Set<string>();
    // Novelty first: a state at a step not seen yet jumps the queue, so every reachable step is
    // found early and the rest of the budget goes to combinations of facts, promises and meters.
    const urgent: Reach[] = [{ snap: start, shown: new Set(), committed: new Set(), waits: 0, depth: 0 }];
    const stack: Reach[] = [];
    const stepOf = (snap: DrillSnapshot) => {
      const p = positionOf(snap);
      return p.phase === 'stage' ? `${p.stage}/${p.step}` : p.phase === 'objection' ? `${p.objection}/${p.step}` : `end:${JSON.stringify(snap.context.ending)}`;
    };
    const seenPlaces = new Set<string>();
    while (urgent.length || stack.length) {
      const n = (urgent.length ? urgent.pop() : stack.pop())!;
      const key = stateKey(n.snap, false, n.waits);
      if (reached.has(key)) continue;
      if (reached.size >= opts.maxStates) {
        boundsHit.add('reach-states');
        break;
      }
      reached.add(key);
      statesVisited++;
      const pos = positionOf(n.snap);
      const c = n.snap.context;
      if (pos.phase === 'stage') seenSteps.add(`${pos.stage}/${pos.step}`);
      if (pos.phase === 'objection') seenSteps.add(`${pos.objection}/${pos.step}`);
      if (pos.phase === 'ended') {
        noteEnding(c.ending!);
        bestStage[c.stage] = Math.max(bestStage[c.stage], stageValue(items.get(c.stage)!, n.shown, n.committed));
        continue;
      }
      if (n.depth >= opts.maxDepth) {
        boundsHit.add('depth');
        continue;
      }
      for (const move of candidateMoves(model, n.snap, n.waits)) {
        const next = send(n.snap, move);
        if (!next) continue;
        let shown = n.shown;
        let committed = n.committed;
        for (const p of progressOf(c.transcript, next.context.transcript, recordItems)) {
          p.objections.forEach((o) => raised.add(o));
          [...p.shown, ...p.committed].forEach((id) => possible.add(`${p.stage}:${id}`));
          if (p.stage === c.stage) {
            shown = new Set([...shown, ...p.shown]);
            committed = new Set([...committed, ...p.committed]);
          }
        }
        if (next.context.stage !== c.stage) {
          bestStage[c.stage] = Math.max(bestStage[c.stage], stageValue(items.get(c.stage)!, shown, committed));
          shown = new Set();
          committed = new Set();
        }
        const place = stepOf(next);
        const child = { snap: next, shown, committed, waits: move.type === 'wait' ? n.waits + 1 : 0, depth: n.depth + 1 };
        if (seenPlaces.has(place)) stack.push(child);
        else {
          seenPlaces.add(place);
          urgent.push(child);
        }
      }
    }

    // --- pass 2: best path by branch and bound over concrete states ----------------------------
    const remainingStages = (stage: StageId) => STAGES.length - 1 - STAGES.indexOf(stage);
    const optimistic = (stage: StageId, committed: Set<string>) =>
      stageValue(items.get(stage)!, new Set(items.get(stage)!.map((i) => i.id)), committed) + 100 * remainingStages(stage) + WON_BONUS + TIE_BREAK_MAX;
    const bestAt = new Map<string, number>();
    let bestTotal = -1;
    let bestMoves: Move[] = [];
    let visited = 0;
    const path: Move[] = [];
    const dive = (snap: DrillSnapshot, banked: number, shown: Set<string>, committed: Set<string>, waits: number) => {
      const c = snap.context;
      const here = stageValue(items.get(c.stage)!, shown, committed);
      if (c.ending) {
        const total = banked + here + (c.ending.outcome === 'won' ? WON_BONUS : 0) + tieBreak(c);
        if (total > bestTotal) {
          bestTotal = total;
          bestMoves = [...path];
        }
        return;
      }
      if (banked + optimistic(c.stage, committed) <= bestTotal) return;
      const key = stateKey(snap, true, [[...shown].sort(), [...committed].sort(), waits]);
      if ((bestAt.get(key) ?? -1) >= banked) return;
      bestAt.set(key, banked);
      if (++visited > opts.maxStates) {
        boundsHit.add('best-states');
        return;
      }
      if (path.length >= opts.maxDepth) return;
      const children = candidateMoves(model, snap, waits).flatMap((move) => {
        const next = send(snap, move);
        if (!next) return [];
        let s2 = shown;
        let c2 = committed;
        for (const p of progressOf(c.transcript, next.context.transcript, recordItems)) {
          if (p.stage !== c.stage) continue;
          s2 = new Set([...s2, ...p.shown]);
          c2 = new Set([...c2, ...p.committed]);
        }
        const leaves = next.context.stage !== c.stage;
        const gain = leaves ? stageValue(items.get(c.stage)!, s2, c2) : 0;
        // Promise first: what the move earned now, then fewer pitfalls, then the author's order.
        const promise = (leaves ? gain : stageValue(items.get(c.stage)!, s2, c2)) - c2.size * 10 + (next.context.ending?.outcome === 'won' ? WON_BONUS : 0) - (next.context.ending && next.context.ending.outcome !== 'won' ? WON_BONUS : 0);
        return [{ move, next, s2, c2, leaves, gain, promise }];
      });
      children.sort((a, b) => b.promise - a.promise);
      for (const ch of children) {
        path.push(ch.move);
        if (ch.leaves) dive(ch.next, banked + ch.gain, new Set(), new Set(), 0);
        else dive(ch.next, banked, ch.s2, ch.c2, ch.move.type === 'wait' ? waits + 1 : 0);
        path.pop();
      }
    };
    dive(start, leadScore, new Set(), new Set(), 0);
    statesVisited += visited;
    if (bestTotal >= 0) {
      const moves: Move[] = [{ type: 'leads.submit', plan }, ...bestMoves];
      const result = score(model, { seed, moves });
      result.stages.forEach((s) => (bestStage[s.stage] = Math.max(bestStage[s.stage], s.score)));
      const rank = (r: AttemptScore) => r.overall.score + (r.outcome?.outcome === 'won' ? WON_BONUS : 0);
      if (!exemplar || rank(result) > rank(exemplar.score)) exemplar = { seed, moves, score: result };
    }
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
    checklist: model.checklist.map((i) => ({ id: i.id, stage: i.stage, kind: i.kind, possible: leadItems.has(i.id) || possible.has(`${i.stage}:${i.id}`) })),
    best: { overall: exemplar?.score.overall.score ?? 0, stages: bestStage },
    exemplar,
  };
}

