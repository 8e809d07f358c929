/**
 * Reachability by real play: a search over the drill's states on the engine that notes the steps
 * reached, the objections raised, the endings, the checklist items earned and each stage's best
 * score seen. Everything it reports was reached by a sequence of legal moves, so it is a lower
 * bound; states that agree on what matters coarsely (meters by region, see `relevance.ts`) are
 * visited once, to cover a big scenario fast. Two depth-first searches take turns, one from the
 * start and one back along the best path (what needs good play first, then a slip, is found there);
 * in each, novel steps jump the queue. It stops when it has found everything the scenario's
 * structure allows (`structure.ts`), or at its budget. */
import { STAGES, type StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { DrillEnding, DrillState, Move } from '../runtime/context';
import { isRefusal, step } from '../runtime/engine';
import { stageValue } from '../scoring/score';
import { contractStatus } from '../deal/contract-status';
import { paymentStatus } from '../deal/payment-status';
import { candidateMoves } from './candidates';
import { stateKey, type Relevance } from './relevance';
import type { Structure } from './structure';

export interface Found {
  steps: Set<string>;
  objections: Set<string>;
  items: Set<string>;
  endings: Map<string, DrillEnding & { count: number }>;
  /** The best score of each stage seen on a real path. */
  bestStage: Record<StageId, number>;
  states: number;
  /** True when the budget ran out before everything the structure allows was found. */
  boundHit: boolean;
  /** The won endings reached, and on how many of them the deal was not settled (by term, approval, invoice). */
  deal: DealFound;
}

export interface DealFound {
  won: number;
  openTerms: Map<string, number>;
  pendingApprovals: Map<string, number>;
  invoiceNotSent: number;
}

export function newFound(): Found {
  return {
    steps: new Set(),
    objections: new Set(),
    items: new Set(),
    endings: new Map(),
    bestStage: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<StageId, number>,
    states: 0,
    boundHit: false,
    deal: { won: 0, openTerms: new Map(), pendingApprovals: new Map(), invoiceNotSent: 0 },
  };
}

/** Notes what the move from `before` to `after` shows: the step reached, objections, items, an ending, a stage left. */
export function noteMove(model: ScenarioModel, found: Found, before: DrillState, after: DrillState) {
  const p = after.position;
  if (p.phase === 'stage') found.steps.add(`${p.stage}/${p.step}`);
  else if (p.phase === 'objection') found.steps.add(`${p.objection}/${p.step}`);
  const t = after.context.transcript;
  for (let i = before.context.transcript.length; i < t.length; i++) {
    const e = t[i]!;
    if (e.kind === 'objection') found.objections.add(e.objection);
    else if (e.kind === 'rep' || e.kind === 'record') for (const x of [...e.credit.shown, ...e.credit.committed]) found.items.add(`${e.stage}:${x}`);
  }
  const a = before.context.stage;
  const ended = p.phase === 'ended';
  if (a !== after.context.stage || ended) {
    const close = (s: StageId) => (found.bestStage[s] = Math.max(found.bestStage[s], stageValue(model.checklist.filter((i) => i.stage === s), new Set(after.context.shown), new Set(after.context.committed))));
    close(a);
    if (ended) close(after.context.stage);
  }
  if (ended) {
    const e = p.ending;
    const k = JSON.stringify([e.outcome, e.stage, e.reasonKey ?? null, e.reason ?? null]);
    const seen = found.endings.get(k);
    if (seen) seen.count++;
    else found.endings.set(k, { ...e, count: 1 });
    if (e.outcome === 'won') noteDeal(model, found.deal, after);
  }
}

/** A won ending must have every term agreed, every approval done and the invoice sent. */
function noteDeal(model: ScenarioModel, deal: DealFound, after: DrillState) {
  deal.won++;
  const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  if (model.contract.terms.length) for (const t of contractStatus(model, after.context).terms) if (t.status !== 'agreed') bump(deal.openTerms, t.id);
  if (model.payment.approvals.length || model.payment.invoiceSent.length) {
    const p = paymentStatus(model, after.context);
    for (const a of p.approvals) if (a.status !== 'done') bump(deal.pendingApprovals, a.id);
    if (model.payment.invoiceSent.length && !p.invoice.sent) deal.invoiceNotSent++;
  }
}

/** Whether the search has found everything the structure allows (and an ending of each kind it can). */
const complete = (found: Found, s: Structure) =>
  found.steps.size >= s.steps.size &&
  found.objections.size >= s.objections.size &&
  found.items.size >= s.items.size &&
  (!s.wonPossible || [...found.endings.values()].some((e) => e.outcome === 'won'));

/** Searches from `start` (a state after the lead plan) and adds to `found`. */
export function reach(
  model: ScenarioModel,
  start: DrillState,
  rel: Relevance,
  s: Structure,
  found: Found,
  opts: { maxStates: number; maxWaitsInARow: number; minStates: number },
  guide: readonly Move[] = [],
): void {
  const seenKeys = new Set<string>();
  const seenPlaces = new Set<string>();
  type Node = { state: DrillState; waits: number };
  /** A depth-first search's frontier: children at a step not seen before go on `urgent`. */
  type Frontier = { urgent: Node[]; stack: Node[] };
  const place = (st: DrillState) => {
    const p = st.position;
    return p.phase === 'stage' ? `${p.stage}/${p.step}` : p.phase === 'objection' ? `${p.objection}/${p.step}` : '';
  };
  noteMove(model, found, start, start);
  // Two searches take turns over the same visited states: one from the start, and one along a known
  // good play (the best path), its deepest state on top, which finds what lies a move or two off it
  // (a mistake, and the way back from it) before a search from the start would get there.
  const fromStart: Frontier = { urgent: [{ state: start, waits: 0 }], stack: [] };
  const alongGuide: Frontier = { urgent: [], stack: [] };
  let at = start;
  let waits = 0;
  for (const move of guide) {
    const next = step(model, at, move);
    if (isRefusal(next)) break;
    noteMove(model, found, at, next);
    if (next.position.phase === 'ended') break;
    waits = move.type === 'wait' ? waits + 1 : 0;
    alongGuide.stack.push({ state: next, waits });
    at = next;
  }
  const frontiers = [fromStart, alongGuide];
  let states = 0;
  for (let turn = 0; ; turn++) {
    // Past everything the structure allows, a little more search still finds more ways to end.
    if (states >= opts.minStates && complete(found, s)) break;
    const f = frontiers[turn % 2]!.urgent.length || frontiers[turn % 2]!.stack.length ? frontiers[turn % 2]! : frontiers[(turn + 1) % 2]!;
    if (!f.urgent.length && !f.stack.length) break;
    const n = (f.urgent.length ? f.urgent.pop() : f.stack.pop())!;
    const key = stateKey(model, rel, n.state, n.waits, true);
    if (seenKeys.has(key)) continue;
    if (states >= opts.maxStates) {
      found.boundHit = true;
      break;
    }
    seenKeys.add(key);
    states++;
    for (const move of candidateMoves(model, n.state, n.waits, opts.maxWaitsInARow)) {
      const next = step(model, n.state, move);
      if (isRefusal(next)) continue;
      noteMove(model, found, n.state, next);
      if (next.position.phase === 'ended') continue;
      const child = { state: next, waits: move.type === 'wait' ? n.waits + 1 : 0 };
      const where = place(next);
      if (seenPlaces.has(where)) f.stack.push(child);
      else {
        seenPlaces.add(where);
        f.urgent.push(child);
      }
    }
  }
  found.states += states;
}
