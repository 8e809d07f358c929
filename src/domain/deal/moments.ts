/**
 * When a milestone (a term agreed, an approval done, the invoice sent) first held, read from the
 * transcript. Milestones only test what stays true once it holds (the compiler sees to it), so the
 * moment a condition first held is the latest of the moments each of its ids first came true.
 */
import type { Condition, LineVariant } from '../scenario/model';
import type { DrillContext, TranscriptEntry } from '../runtime/context';
import { holds } from '../runtime/conditions';
import type { LocalizedText } from '../text/localized-text';

/** A point in the attempt: the move that made it, and the simulated day. */
export interface Moment {
  turn: number;
  day: number;
}

type Test = 'revealed' | 'promised' | 'recorded' | 'shown' | 'committed' | 'reached';
type Firsts = Record<Test, Map<string, Moment>>;

const cache = new WeakMap<readonly TranscriptEntry[], { length: number; firsts: Firsts }>();

/** For each id each test can name, the first moment it held (one pass over the transcript and its credits, cached). */
function firstsOf(transcript: readonly TranscriptEntry[]): Firsts {
  // Keyed by the array and its length: a log played straight through grows one array in place.
  const cached = cache.get(transcript);
  if (cached && cached.length === transcript.length) return cached.firsts;
  const f: Firsts = { revealed: new Map(), promised: new Map(), recorded: new Map(), shown: new Map(), committed: new Map(), reached: new Map() };
  const note = (test: Test, id: string, e: TranscriptEntry) => {
    if (!f[test].has(id)) f[test].set(id, { turn: e.turn, day: e.day });
  };
  for (const e of transcript) {
    if (e.kind === 'reveal') note('revealed', e.fact, e);
    else if (e.kind === 'promise') note('promised', e.promise, e);
    else if (e.kind === 'record') note('recorded', e.fact, e);
    if (e.kind === 'customer') note('reached', `${e.container}/${e.step}`, e);
    else if (e.kind === 'rep' || e.kind === 'record' || e.kind === 'lead-plan') {
      for (const id of e.credit.shown) note('shown', id, e);
      for (const id of e.credit.committed) note('committed', id, e);
    }
  }
  cache.set(transcript, { length: transcript.length, firsts: f });
  return f;
}

const TESTS: readonly Test[] = ['revealed', 'promised', 'recorded', 'shown', 'committed', 'reached'];
const later = (a: Moment, b: Moment) => (b.turn > a.turn || (b.turn === a.turn && b.day > a.day) ? b : a);
const earlier = (a: Moment, b: Moment) => (later(a, b) === a ? b : a);
export const START: Moment = { turn: 0, day: 0 };

/**
 * The first moment any of `alternatives` held, if one holds now; null otherwise. Tests other than
 * the six that stay true count from the present move.
 */
export function heldSince(ctx: DrillContext, alternatives: readonly Condition[]): Moment | null {
  const firsts = firstsOf(ctx.transcript);
  let best: Moment | null = null;
  for (const c of alternatives) {
    if (!holds(c, ctx)) continue;
    let at = c.meters || c.notRevealed || c.notPromised || c.stage ? { turn: ctx.turn, day: ctx.day } : START;
    for (const test of TESTS) for (const id of c[test] ?? []) at = later(at, firsts[test].get(id) ?? { turn: ctx.turn, day: ctx.day });
    best = best ? earlier(best, at) : at;
  }
  return best;
}

/** The text of the first variant whose condition holds now (the last one when none does), or null. */
export function variantNow(variants: readonly LineVariant[], ctx: DrillContext): LocalizedText | null {
  if (!variants.length) return null;
  return (variants.find((v) => holds(v.when, ctx)) ?? variants[variants.length - 1]!).text;
}
