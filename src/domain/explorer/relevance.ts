/**
 * What the explorer must tell apart: the parts of a drill's state that can still change what happens
 * next or what the rest of the attempt can score. Two states that agree on all of them have the same
 * futures, so the search visits one of them. Nothing here is approximate:
 * - the position, and where an open objection returns to;
 * - the meters, exactly (they move by deltas, so a threshold region is not enough), except trust
 *   once no condition can test it any more (interest and patience always: at 0 they end the deal);
 * - the fact, promise, record, checklist and step ids that a gameplay condition can still test
 *   (options, rules, surprises — not line variants, which only choose words), and whether a
 *   revealed fact is still unrecorded (recording earns credit);
 * - the key actions shown and pitfalls committed in the current stage (its score), or in every stage
 *   when a stage can be entered again;
 * - the rules and surprises that can still fire, and the generator while a surprise whose chance is
 *   neither 0 nor 1 can still fire;
 * - the days since the last touch, capped just past "too long" (the calendar itself only counts
 *   through that gap).
 */
import { STAGES, stageIndex, type StageId } from '../ltc/stages';
import type { Condition, Meter, ScenarioModel, StepGraph } from '../scenario/model';
import type { DrillState } from '../runtime/context';
import { stepIndex } from '../runtime/credit';

interface StageRelevance {
  meters: Record<Meter, boolean>;
  /** Bit positions of the ids conditions can still test, per list. */
  revealed: Map<string, number>;
  promised: Map<string, number>;
  recorded: Map<string, number>;
  shown: Map<string, number>;
  committed: Map<string, number>;
  reached: Map<string, number>;
  rules: Map<number, number>;
  surprises: Map<string, number>;
  /** A surprise that can still fire is uncertain (0 < chance < 1): the generator matters. */
  uncertain: boolean;
  /** Recording can still earn credit (some stage from here on scores records). */
  recording: boolean;
}

export interface Relevance {
  byStage: Map<StageId, StageRelevance>;
  /** Checklist items by id: their stage and bit in the earned sets. */
  items: Map<string, { stage: StageId; bit: number }>;
  /** Whether some option leads back to an earlier stage (then every stage's earned set is kept). */
  revisits: boolean;
  gapCap: number;
  tooSoon: number;
  tooLong: number;
  /** Per meter, the region of a value: cut at every threshold a condition tests, at 1 (0 ends the deal) and every 20 points. */
  region: Record<Meter, (v: number) => number>;
}

const numbered = <T>(ids: Iterable<T>): Map<T, number> => {
  const m = new Map<T, number>();
  for (const id of ids) if (!m.has(id)) m.set(id, m.size);
  return m;
};

/**
 * What matters from each stage on (computed once per model). With `lines`, what the steps' lines
 * test too (their variants' `when`, and what they `assumes`): for a search that must tell apart
 * which line is said and whether what it takes for granted holds.
 */
export function relevanceOf(model: ScenarioModel, { lines = false }: { lines?: boolean } = {}): Relevance {
  const graphs: StepGraph[] = [...Object.values(model.stages), ...Object.values(model.objections)];
  let revisits = false;
  for (const g of Object.values(model.stages)) {
    for (const s of Object.values(g.steps)) for (const o of s.options) if (o.target.stage && stageIndex(o.target.stage) < stageIndex(g.id as StageId)) revisits = true;
  }
  const byStage = new Map<StageId, StageRelevance>();
  STAGES.forEach((stage, i) => {
    const later = new Set<StageId>(revisits ? STAGES : STAGES.slice(i));
    const ids = { revealed: new Set<string>(), promised: new Set<string>(), recorded: new Set<string>(), shown: new Set<string>(), committed: new Set<string>(), reached: new Set<string>() };
    const meters: Record<Meter, boolean> = { trust: false, interest: true, patience: true };
    const visit = (c: Condition | undefined) => {
      if (!c) return;
      for (const m of c.meters ?? []) meters[m.meter] = true;
      [...(c.revealed ?? []), ...(c.notRevealed ?? [])].forEach((id) => ids.revealed.add(id));
      [...(c.promised ?? []), ...(c.notPromised ?? [])].forEach((id) => ids.promised.add(id));
      (c.recorded ?? []).forEach((id) => {
        ids.recorded.add(id);
        ids.revealed.add(id);
      });
      (c.shown ?? []).forEach((id) => ids.shown.add(id));
      (c.committed ?? []).forEach((id) => ids.committed.add(id));
      (c.reached ?? []).forEach((id) => ids.reached.add(id));
    };
    for (const g of graphs) {
      if (g.id in model.stages && !later.has(g.id as StageId)) continue;
      for (const s of Object.values(g.steps)) {
        for (const o of s.options) visit(o.when);
        if (lines) {
          visit(s.assumes);
          for (const l of s.lines) {
            visit(l.when);
            visit(l.assumes);
          }
        }
      }
    }
    const rules = model.rules.filter((r) => later.has(r.at));
    rules.forEach((r) => visit(r.when));
    const surprises = model.surprises.filter((s) => !s.when?.stage || s.when.stage.some((st) => later.has(st)));
    surprises.forEach((s) => visit(s.when));
    byStage.set(stage, {
      meters,
      revealed: numbered(ids.revealed),
      promised: numbered(ids.promised),
      recorded: numbered(ids.recorded),
      shown: numbered(ids.shown),
      committed: numbered(ids.committed),
      reached: numbered(ids.reached),
      rules: numbered(rules.map((r) => r.index)),
      surprises: numbered(surprises.map((s) => s.id)),
      uncertain: surprises.some((s) => s.chance > 0 && s.chance < 1),
      recording: model.checklist.some((item) => item.auto === 'record' && later.has(item.stage)),
    });
  });
  const perStage = new Map<StageId, number>();
  const items = new Map<string, { stage: StageId; bit: number }>();
  for (const item of model.checklist) {
    const bit = perStage.get(item.stage) ?? 0;
    perStage.set(item.stage, bit + 1);
    items.set(item.id, { stage: item.stage, bit: revisits ? items.size : bit });
  }
  const cuts: Record<Meter, Set<number>> = { trust: new Set(), interest: new Set([1]), patience: new Set([1]) };
  const cut = (c: Condition | undefined) => c?.meters?.forEach((m) => cuts[m.meter].add(m.value).add(m.value + 1));
  for (const g of graphs)
    for (const st of Object.values(g.steps)) {
      st.options.forEach((o) => cut(o.when));
      if (lines) [st.assumes, ...st.lines.flatMap((l) => [l.when, l.assumes])].forEach(cut);
    }
  model.rules.forEach((r) => cut(r.when));
  model.surprises.forEach((x) => cut(x.when));
  for (let v = 20; v < 100; v += 20) (['trust', 'interest', 'patience'] as const).forEach((m) => cuts[m].add(v));
  const regionOf = (set: Set<number>) => {
    const sorted = [...set].sort((a, b) => a - b);
    return (v: number) => {
      let i = 0;
      while (i < sorted.length && v >= sorted[i]!) i++;
      return i;
    };
  };
  const { tooSoon, tooLong } = model.cadence;
  return {
    byStage,
    items,
    revisits,
    gapCap: tooLong.days + 1,
    tooSoon: tooSoon.days,
    tooLong: tooLong.days,
    region: { trust: regionOf(cuts.trust), interest: regionOf(cuts.interest), patience: regionOf(cuts.patience) },
  };
}

/** A bit set of the ids of `list` that `bits` numbers, as a short string. */
export function bitsOf<T>(list: readonly T[], bits: Map<T, number>): string {
  if (!bits.size || !list.length) return '';
  let lo = 0;
  let hi = '';
  for (const id of list) {
    const b = bits.get(id);
    if (b === undefined) continue;
    if (b < 30) lo |= 1 << b;
    else hi += `.${b}`;
  }
  return hi ? `${lo.toString(36)}${[...new Set(hi.split('.').filter(Boolean))].sort().join('.')}` : lo.toString(36);
}

/**
 * The key of a state: equal for two states exactly when they agree on everything that matters (see
 * the file comment). `extra` adds what the search itself tracks (e.g. waits in a row). With
 * `coarse`, meters count by region, the days since the last touch by cadence class and the stage's
 * earned sets not at all: a key for finding what can happen, where merging states only means that
 * some plays are not tried.
 */
export function stateKey(model: ScenarioModel, rel: Relevance, state: DrillState, extra: string | number, coarse = false): string {
  const c = state.context;
  const r = rel.byStage.get(c.stage)!;
  const steps = stepIndex(model);
  const p = state.position;
  const at = p.phase === 'stage' ? steps.get(`${p.stage}/${p.step}`) : p.phase === 'objection' ? steps.get(`${p.objection}/${p.step}`) : p.phase;
  const back = p.phase === 'objection' && state.resume ? steps.get(`${state.resume.stage}/${state.resume.step}`) : '';
  const m = c.meters;
  const days = c.lastTouch ? c.day - c.lastTouch.day : -1;
  const gap = days < 0 ? -1 : coarse ? (days < rel.tooSoon ? 0 : days <= rel.tooLong ? 1 : 2) : Math.min(days, rel.gapCap);
  // The current stage's earned sets (or all stages' when stages can be entered again).
  let shown = 0;
  let committed = 0;
  if (!coarse) for (const id of c.shown) {
    const it = rel.items.get(id);
    if (it && (rel.revisits || it.stage === c.stage)) shown += 2 ** it.bit;
  }
  if (!coarse) for (const id of c.committed) {
    const it = rel.items.get(id);
    if (it && (rel.revisits || it.stage === c.stage)) committed += 2 ** it.bit;
  }
  const recordable = r.recording && c.revealed.length > c.recorded.length ? 1 : 0;
  return [
    at,
    back,
    c.stage,
    coarse ? rel.region.trust(m.trust) : r.meters.trust ? m.trust : '',
    coarse ? rel.region.interest(m.interest) : m.interest,
    coarse ? rel.region.patience(m.patience) : m.patience,
    bitsOf(c.revealed, r.revealed),
    bitsOf(c.promised, r.promised),
    bitsOf(c.recorded, r.recorded),
    bitsOf(c.shown, r.shown),
    bitsOf(c.committed, r.committed),
    bitsOf(c.reached, r.reached),
    bitsOf(c.firedRules, r.rules),
    bitsOf(c.firedSurprises, r.surprises),
    r.uncertain ? c.rng : '',
    gap,
    recordable,
    shown.toString(36),
    committed.toString(36),
    extra,
  ].join(',');
}
