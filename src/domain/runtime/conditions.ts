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

/** Whether every test of `condition` holds in `ctx` (an absent condition always holds). */
export function holds(condition: Condition | undefined, ctx: DrillContext): boolean {
  if (!condition) return true;
  const c = condition;
  return (
    (c.meters ?? []).every((m) => compare[m.op](ctx.meters[m.meter], m.value)) &&
    (c.revealed ?? []).every((f) => ctx.revealed.includes(f)) &&
    (c.notRevealed ?? []).every((f) => !ctx.revealed.includes(f)) &&
    (c.promised ?? []).every((p) => ctx.promised.includes(p)) &&
    (c.notPromised ?? []).every((p) => !ctx.promised.includes(p)) &&
    (c.recorded ?? []).every((f) => ctx.recorded.includes(f)) &&
    (c.stage === undefined || c.stage.includes(ctx.stage))
  );
}
