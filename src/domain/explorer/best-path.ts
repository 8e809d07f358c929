/**
 * The best path: a depth-first branch and bound on the engine, from the state after the expert lead
 * plan. A state is skipped when one that agrees on everything that matters (`relevance.ts`, exact)
 * was reached with at least as much banked, and a branch is cut when its admissible bound — what is
 * banked, plus the best the current stage can still score from this step with what it has earned
 * and the facts and promises it has, plus the best each later stage can score with those the way
 * there can add (`structure.ts`) — cannot beat the best path found. Moves are tried best bound first.
 * The search runs in rounds with a falling target, starting at the scenario's own upper bound: a
 * round cuts every branch whose bound falls short of its target, so when the best path meets the
 * upper bound (as a well-made scenario's does) the first round walks little more than that path. A
 * path found is proven best: it meets the upper bound, or the round that found it ended without
 * hitting the budget; so is "nothing better than `atLeast`" when the last round ends that way.
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
import { boundHere, type Structure } from './structure';

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

  const hereBound = (state: DrillState) => boundHere(s, state);
  /** The most the stages after the current one can add, given the facts and promises the drill has. */
  const laterCache = new Map<string, number>();
  const laterBound = (state: DrillState): number => {
    const c = state.context;
    const key = `${c.stage}|${c.revealed.join(',')}|${c.promised.join(',')}`;
    let v = laterCache.get(key);
    if (v === undefined) {
      v = after(c.stage).reduce((sum, t) => sum + s.laterMax(t, c.stage, c.revealed, c.promised), 0);
      laterCache.set(key, v);
    }
    return v;
  };
  /** An admissible bound of the objective from a state, given what is banked. */
  const boundOf = (state: DrillState, banked: number): number => {
    const c = state.context;
    const stage = c.stage;
    if (rel.revisits) return upper;
    if (goal === 'overall') return banked + hereBound(state) + laterBound(state) + wonBonus;
    if (stage === goal) return hereBound(state);
    return stageIndex(stage) < stageIndex(goal) ? s.laterMax(goal, stage, c.revealed, c.promised) : banked;
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
  const floor = opts.atLeast ?? -1;
  let best = floor;
  let bestWarmth = -1;
  let bestMoves: Move[] = [];
  const memo = new Map<string, number>();
  const path: Move[] = [];
  let states = 0;
  let exhausted = true;
  let done = false;
  /** The highest value or bound cut against the target this round (above the floor): the next target. */
  let cut = floor;

  const dive = (state: DrillState, banked: number, waits: number) => {
    if (done) return;
    const bound = boundOf(state, banked);
    if (bound <= best) {
      if (bound > cut) cut = bound;
      return;
    }
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
        } else if (ch.banked > cut) cut = ch.banked;
      } else dive(ch.next, ch.banked, ch.move.type === 'wait' ? waits + 1 : 0);
      path.pop();
    }
  };
  // Rounds with a falling target: a round looks only for paths worth at least its target, so it cuts
  // every branch whose bound falls short (most of them, when the best meets the structure's bound).
  // A round that finds one has found the best (nothing above its target was cut); one that finds
  // none proves nothing reaches the target, and the next aims at the best value or bound it cut,
  // or lower, the gap doubling each round.
  if (start.position.phase !== 'ended') {
    for (let target = upper, gap = 1; ; gap *= 2) {
      best = Math.max(floor, target - 1);
      memo.clear();
      cut = floor;
      dive(start, banked0, 0);
      if (bestMoves.length || !exhausted || target <= floor + 1 || cut <= floor) break;
      target = Math.max(floor + 1, Math.min(cut, upper - gap));
    }
  }
  const found = bestMoves.length > 0;
  return { value: found ? best : -1, moves: bestMoves, upper, proven: found ? best >= upper || exhausted : exhausted, states };
}
