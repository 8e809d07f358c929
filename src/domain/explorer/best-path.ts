/**
 * The best path: a depth-first branch and bound on the engine, from the state after the expert lead
 * plan. A state is skipped when one that agrees on everything that matters (`relevance.ts`, exact)
 * was reached with at least as much banked, and a branch is cut when its admissible bound — what is
 * banked, plus the best the current stage can still score from this step with what it has earned
 * (`structure.ts`), plus every later stage's best — cannot beat the best path found. Moves are tried
 * best bound first. The search stops as soon as a path meets the scenario's own upper bound: it is
 * then proven best; so it is when the search ends without hitting its budget.
 *
 * The objective is the overall one (every stage's score, and a won ending above anything not won),
 * or one stage's score alone (to prove that stage's best).
 */
import { CONVERSATION_STAGES, stageIndex, type StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { DrillState, Move } from '../runtime/context';
import { isRefusal, step } from '../runtime/engine';
import { stageValue } from '../scoring/score';
import { candidateMoves } from './candidates';
import { stateKey, type Relevance } from './relevance';
import type { Structure } from './structure';

/** A won path ranks above every path that is not won. */
export const WON_BONUS = 1000;

export interface BestPathOptions {
  maxStates: number;
  maxWaitsInARow: number;
  /** The lead plan's score, banked before the search starts. */
  leadScore: number;
  /** 'overall', or the one stage whose score to maximise. */
  objective: 'overall' | StageId;
  /** A value already known to be reachable: only better paths are looked for. */
  atLeast?: number;
}

export interface BestPathResult {
  /** The objective's value of the best path found (−1: none found better than `atLeast`). */
  value: number;
  moves: Move[];
  /** The best the structure allows: the value cannot be higher. */
  upper: number;
  /** True when `value` is proven best (it meets `upper`, or the search was complete). */
  proven: boolean;
  states: number;
}

/** The score `stage` has in a state's context. */
export function stageScoreOf(model: ScenarioModel, state: DrillState, stage: StageId): number {
  const c = state.context;
  return stageValue(model.checklist.filter((i) => i.stage === stage), new Set(c.shown), new Set(c.committed));
}

export function bestPath(model: ScenarioModel, start: DrillState, rel: Relevance, s: Structure, opts: BestPathOptions): BestPathResult {
  const goal = opts.objective;
  const maxOf = (stage: StageId) => s.stages.get(stage)!.max;
  const after = (stage: StageId) => CONVERSATION_STAGES.filter((t) => stageIndex(t) > stageIndex(stage));
  const wonBonus = s.wonPossible ? WON_BONUS : 0;
  const upper =
    goal === 'overall'
      ? opts.leadScore + CONVERSATION_STAGES.reduce((sum, t) => sum + maxOf(t), 0) + wonBonus
      : maxOf(goal);

  /** The best the current stage can still score from here, with what it has earned. */
  const hereBound = (state: DrillState): number => {
    const c = state.context;
    const st = s.stages.get(c.stage)!;
    const p = state.position;
    const at = p.phase === 'stage' ? `${p.stage}/${p.step}` : p.phase === 'objection' ? `${p.objection}/${p.step}` : '';
    let shown = 0;
    let committed = 0;
    for (const id of c.shown) if (st.bit.has(id)) shown |= 1 << st.bit.get(id)!;
    for (const id of c.committed) if (st.bit.has(id)) committed |= 1 << st.bit.get(id)!;
    return st.bound.get(`${at}|${shown}|${committed}`) ?? st.max;
  };
  /** An admissible bound of the objective from a state, given what is banked. */
  const boundOf = (state: DrillState, banked: number): number => {
    const stage = state.context.stage;
    if (rel.revisits) return upper;
    if (goal === 'overall') return banked + hereBound(state) + after(stage).reduce((sum, t) => sum + maxOf(t), 0) + wonBonus;
    if (stage === goal) return hereBound(state);
    return stageIndex(stage) < stageIndex(goal) ? maxOf(goal) : banked;
  };
  /** What a move from `a` to `b` banks: the stages it closes (with revisits: only the end, everything). */
  const gainOf = (a: DrillState, b: DrillState): { gain: number; closed: boolean } => {
    const ended = b.position.phase === 'ended';
    const from = a.context.stage;
    const to = b.context.stage;
    if (goal !== 'overall') {
      const closes = (from === goal && (to !== goal || ended)) || (to === goal && ended);
      return { gain: closes ? stageScoreOf(model, b, goal) : 0, closed: closes || (ended && stageIndex(to) < stageIndex(goal)) };
    }
    let gain = 0;
    if (rel.revisits) {
      if (ended) for (const t of CONVERSATION_STAGES) if (b.context.stageLog.some((l) => l.stage === t)) gain += stageScoreOf(model, b, t);
    } else {
      if (from !== to || ended) gain += stageScoreOf(model, b, from);
      if (ended && from !== to) gain += stageScoreOf(model, b, to);
    }
    if (ended && b.context.ending!.outcome === 'won') gain += WON_BONUS;
    return { gain, closed: ended };
  };

  const banked0 = goal === 'overall' ? opts.leadScore : 0;
  let best = opts.atLeast ?? -1;
  let bestWarmth = -1;
  let bestMoves: Move[] = [];
  const memo = new Map<string, number>();
  const path: Move[] = [];
  let states = 0;
  let exhausted = true;
  let done = false;

  const dive = (state: DrillState, banked: number, waits: number) => {
    if (done) return;
    if (boundOf(state, banked) <= best) return;
    const key = stateKey(model, rel, state, waits);
    const seen = memo.get(key);
    if (seen !== undefined && seen >= banked) return;
    memo.set(key, banked);
    if (++states > opts.maxStates) {
      exhausted = false;
      done = true;
      return;
    }
    const children: { move: Move; next: DrillState; banked: number; bound: number; closed: boolean; warmth: number }[] = [];
    for (const move of candidateMoves(model, state, waits, opts.maxWaitsInARow)) {
      const next = step(model, state, move);
      if (isRefusal(next)) continue;
      const { gain, closed } = gainOf(state, next);
      const b = banked + gain;
      const m = next.context.meters;
      children.push({ move, next, banked: b, bound: closed ? b : boundOf(next, b), closed, warmth: m.trust + m.interest });
    }
    children.sort((x, y) => y.bound - x.bound || y.warmth - x.warmth);
    for (const ch of children) {
      if (done) return;
      path.push(ch.move);
      if (ch.closed || ch.next.position.phase === 'ended') {
        if (ch.banked > best || (ch.banked === best && ch.warmth > bestWarmth && bestMoves.length)) {
          best = ch.banked;
          bestWarmth = ch.warmth;
          bestMoves = [...path];
          if (best >= upper) done = true;
        }
      } else dive(ch.next, ch.banked, ch.move.type === 'wait' ? waits + 1 : 0);
      path.pop();
    }
  };
  if (start.position.phase !== 'ended') dive(start, banked0, 0);
  const found = bestMoves.length > 0;
  return { value: found ? best : -1, moves: bestMoves, upper, proven: found ? best >= upper || exhausted : exhausted, states };
}
