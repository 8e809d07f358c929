import type { Comparison, Condition } from '../scenario/model';
import type { DrillContext } from './context';

const compare: Record<Comparison, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Lists this short are searched directly: cheaper than a set lookup. */
const SHORT_LIST = 8;
// The context's id lists are never changed in place (every move builds new ones), so a set made
// for a list stays true to it for as long as the list lives.
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether the context list `list` holds `id`: a set lookup for long lists. */
export function has(list: readonly string[], id: string): boolean {
  if (list.length <= SHORT_LIST) return list.includes(id);
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list)));
  return set.has(id);
}

const all = (ids: readonly string[] | undefined, list: readonly string[]) => ids === undefined || ids.every((id) => has(list, id));
const none = (ids: readonly string[] | undefined, list: readonly string[]) => ids === undefined || !ids.some((id) => has(list, id));

/** Whether every test of `condition` holds in `ctx` (an absent condition always holds). */
export function holds(condition: Condition | undefined, ctx: DrillContext): boolean {
  if (!condition) return true;
  const c = condition;
  return (
    (c.meters ?? []).every((m) => compare[m.op](ctx.meters[m.meter], m.value)) &&
    all(c.revealed, ctx.revealed) &&
    none(c.notRevealed, ctx.revealed) &&
    all(c.promised, ctx.promised) &&
    none(c.notPromised, ctx.promised) &&
    all(c.recorded, ctx.recorded) &&
    all(c.shown, ctx.shown) &&
    all(c.committed, ctx.committed) &&
    all(c.reached, ctx.reached) &&
    (c.stage === undefined || c.stage.includes(ctx.stage))
  );
}
