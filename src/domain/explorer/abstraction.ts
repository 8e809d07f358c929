/**
 * What the explorer treats as "the same state". The calendar grows without bound, so it is left out
 * (it only matters through the days since the last touch, which is capped just past "too long");
 * meters are cut into the regions that conditions can tell apart; fact, promise and record ids count
 * only when some condition tests them.
 */
import type { Condition, Meter, ScenarioModel } from '../scenario/model';

/** Bucket size for the meters that end the deal at 0 (interest, patience). */
export const EXHAUSTION_BUCKET = 20;

/**
 * For each meter, a function mapping a value to the region it falls in: regions are cut at every
 * threshold a condition tests (so every guard, rule, line variant and surprise sees the same answer
 * for all values of a region), and, for interest and patience, every EXHAUSTION_BUCKET points (they
 * end the deal at 0, so how far a state is from 0 matters). Trust without thresholds is one region.
 */
export function meterRegions(model: ScenarioModel): Record<Meter, (v: number) => number> {
  const cuts: Record<Meter, Set<number>> = { trust: new Set(), interest: new Set([1]), patience: new Set([1]) };
  const visit = (c: Condition | undefined) => {
    for (const m of c?.meters ?? []) {
      cuts[m.meter].add(m.value);
      cuts[m.meter].add(m.value + 1);
    }
  };
  const graphs = [...Object.values(model.stages), ...Object.values(model.objections)];
  for (const g of graphs) for (const step of Object.values(g.steps)) {
    step.lines.forEach((l) => visit(l.when));
    step.options.forEach((o) => visit(o.when));
  }
  model.rules.forEach((r) => visit(r.when));
  model.surprises.forEach((s) => visit(s.when));
  for (let v = EXHAUSTION_BUCKET; v < 100; v += EXHAUSTION_BUCKET) {
    cuts.interest.add(v);
    cuts.patience.add(v);
  }
  const make = (set: Set<number>) => {
    const sorted = [...set].sort((a, b) => a - b);
    return (v: number) => {
      let i = 0;
      while (i < sorted.length && v >= sorted[i]!) i++;
      return i;
    };
  };
  return { trust: make(cuts.trust), interest: make(cuts.interest), patience: make(cuts.patience) };
}

/** The fact, promise and record ids that some condition in the model tests. */
export function testedIds(model: ScenarioModel) {
  const out = { revealed: new Set<string>(), promised: new Set<string>(), recorded: new Set<string>() };
  const visit = (c: Condition | undefined) => {
    [...(c?.revealed ?? []), ...(c?.notRevealed ?? [])].forEach((id) => out.revealed.add(id));
    [...(c?.promised ?? []), ...(c?.notPromised ?? [])].forEach((id) => out.promised.add(id));
    (c?.recorded ?? []).forEach((id) => out.recorded.add(id));
  };
  for (const g of [...Object.values(model.stages), ...Object.values(model.objections)]) {
    for (const step of Object.values(g.steps)) {
      step.lines.forEach((l) => visit(l.when));
      step.options.forEach((o) => visit(o.when));
    }
  }
  model.rules.forEach((r) => visit(r.when));
  model.surprises.forEach((s) => visit(s.when));
  return out;
}

