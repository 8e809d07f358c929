/**
 * What the explorer treats as "the same state". The calendar grows without bound, so it is left out
 * (it only matters through the days since the last touch, which is capped just past "too long");
 * meters are cut into the regions that conditions can tell apart; fact, promise, record, checklist
 * and step ids count only when some condition tests them.
 */
import { STAGES, type StageId } from '../ltc/stages';
import type { Condition, Meter, ScenarioModel, StepGraph } from '../scenario/model';
import type { DrillContext } from '../runtime/context';

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

export interface TestedIds {
  revealed: Set<string>;
  promised: Set<string>;
  recorded: Set<string>;
  shown: Set<string>;
  committed: Set<string>;
  reached: Set<string>;
  /** Rules and surprises that can still fire from this stage on. */
  rules: Set<number>;
  surprises: Set<string>;
}

/**
 * For each conversation stage, the fact, promise, record, checklist and step ids that a gameplay
 * condition can still test from that stage on (in its steps and later stages', in objections, rules and surprises that can
 * still fire), and those rules and surprises. What nothing later tests cannot change what happens.
 */
export function testedIdsByStage(model: ScenarioModel): Map<StageId, TestedIds> {
  const out = new Map<StageId, TestedIds>();
  const visit = (into: TestedIds, c: Condition | undefined) => {
    [...(c?.revealed ?? []), ...(c?.notRevealed ?? [])].forEach((id) => into.revealed.add(id));
    [...(c?.promised ?? []), ...(c?.notPromised ?? [])].forEach((id) => into.promised.add(id));
    (c?.recorded ?? []).forEach((id) => into.recorded.add(id));
    (c?.shown ?? []).forEach((id) => into.shown.add(id));
    (c?.committed ?? []).forEach((id) => into.committed.add(id));
    (c?.reached ?? []).forEach((id) => into.reached.add(id));
  };
  const visitGraph = (into: TestedIds, g: StepGraph) => {
    for (const step of Object.values(g.steps)) {
      step.lines.forEach((l) => visit(into, l.when));
      step.options.forEach((o) => visit(into, o.when));
    }
  };
  STAGES.forEach((stage, i) => {
    const later = STAGES.slice(i) as StageId[];
    const into: TestedIds = {
      revealed: new Set(),
      promised: new Set(),
      recorded: new Set(),
      shown: new Set(),
      committed: new Set(),
      reached: new Set(),
      rules: new Set(),
      surprises: new Set(),
    };
    for (const s of later) if (s !== 'leads') visitGraph(into, model.stages[s]);
    Object.values(model.objections).forEach((o) => visitGraph(into, o));
    for (const r of model.rules) {
      if (!later.includes(r.at)) continue;
      into.rules.add(r.index);
      visit(into, r.when);
    }
    for (const s of model.surprises) {
      if (s.when?.stage && !s.when.stage.some((st) => later.includes(st))) continue;
      into.surprises.add(s.id);
      visit(into, s.when);
    }
    out.set(stage, into);
  });
  return out;
}

const only = (ids: readonly string[], keep: ReadonlySet<string>) => (keep.size ? ids.filter((id) => keep.has(id)).sort() : []);

/** The id lists of a context, each cut down to the ids a later condition tests (sorted). */
export function testedIdsOf(c: DrillContext, tested: TestedIds): string[][] {
  return [
    only(c.revealed, tested.revealed),
    only(c.promised, tested.promised),
    only(c.recorded, tested.recorded),
    only(c.shown, tested.shown),
    only(c.committed, tested.committed),
    only(c.reached, tested.reached),
  ];
}
