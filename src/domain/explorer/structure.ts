/**
 * The scenario's structure, guards ignored: an over-approximation of what any play can do. Every
 * option counts as offered, every objection a stage can raise (by an option, a rule or a surprise,
 * nested ones too) as raisable from any of its steps (and returning there when resolved), and a
 * record as possible anywhere. So what is impossible here is impossible in
 * the drill, and a stage's best score here is an upper bound of its best in the drill: the explorer
 * proves its results by meeting these bounds with real plays (see `explore.ts`).
 *
 * For each stage it gives, from a step and the stage's items earned so far, the best stage score still
 * reachable (the admissible bound the best-path search prunes with). That bound follows the facts and
 * promises too, which only accumulate: an option that needs one (its `when` lists it under
 * `revealed`, `recorded` or `promised`) is open only once the drill has it, or once an option or a
 * surprise on the way has revealed or made it. (Other guards, `not-revealed` among them, are ignored.)
 */
import { CONVERSATION_STAGES, STAGES, stageIndex, type ConversationStageId, type StageId } from '../ltc/stages';
import type { ChecklistItem } from '../ltc/default-checklist';
import type { Effects, OptionModel, ScenarioModel, StepGraph } from '../scenario/model';
import type { DrillState } from '../runtime/context';
import { optionCredit, recordCredit } from '../runtime/credit';
import { stageValue } from '../scoring/score';

export interface StageStructure {
  items: ChecklistItem[];
  /** Bit of each of the stage's items in the masks below. */
  bit: Map<string, number>;
  /** The best score of the stage on any path, guards ignored. */
  max: number;
  /**
   * The best score still reachable from `node` (`<stage>/<step>`; in an objection
   * `<objection>/<step>@<stage>/<step>`, with the step it was raised from) with the stage's items
   * earned so far (masks over `bit`) and the facts and promises the drill has.
   */
  boundFrom(node: string, shown: number, committed: number, revealed: readonly string[], promised: readonly string[]): number;
}

export interface Structure {
  /** Steps some path can reach, guards ignored (`<container>/<step>`). */
  steps: Set<string>;
  objections: Set<string>;
  /** `<stage>:<item>` of the items some option or record can earn in their stage. */
  items: Set<string>;
  stages: Map<StageId, StageStructure>;
  wonPossible: boolean;
  /**
   * The best score `stage` can still have, seen from the stage `from` before it: entered with the
   * facts and promises the drill has now, and all those the stages on the way can reveal or make.
   */
  laterMax(stage: StageId, from: StageId, revealed: readonly string[], promised: readonly string[]): number;
}

/** Objections raisable while the drill is in `stage`. */
function raisableIn(model: ScenarioModel, stage: ConversationStageId): Set<string> {
  const out = new Set<string>();
  for (const s of Object.values(model.stages[stage].steps)) for (const o of s.options) if (o.target.raises && !o.target.stage) out.add(o.target.raises);
  // An option that moves on and raises: the objection opens as the new stage begins.
  for (const g of Object.values(model.stages)) for (const s of Object.values(g.steps)) for (const o of s.options) if (o.target.raises && o.target.stage === stage) out.add(o.target.raises);
  for (const r of model.rules) if (r.at === stage) out.add(r.raises);
  for (const x of model.surprises) if (x.raises && (!x.when?.stage || x.when.stage.includes(stage))) out.add(x.raises);
  const queue = [...out];
  for (let i = 0; i < queue.length; i++) {
    const o = model.objections[queue[i]!];
    if (!o) continue;
    for (const s of Object.values(o.steps)) for (const opt of s.options) if (opt.target.raises && !out.has(opt.target.raises)) {
      out.add(opt.target.raises);
      queue.push(opt.target.raises);
    }
  }
  return out;
}

/** Steps reachable from a graph's start along `next`, guards ignored. */
function reachableSteps(g: StepGraph): string[] {
  const seen = new Set([g.start]);
  const queue = [g.start];
  for (let i = 0; i < queue.length; i++) {
    for (const o of g.steps[queue[i]!]?.options ?? []) if (o.target.step && g.steps[o.target.step] && !seen.has(o.target.step)) {
      seen.add(o.target.step);
      queue.push(o.target.step);
    }
  }
  return [...seen];
}

const MAX_MASK_STATES = 2_000_000;
const EXIT = '#exit';

/** The structure of `model` (computed once per model). */
export function structureOf(model: ScenarioModel): Structure {
  const steps = new Set<string>();
  const objections = new Set<string>();
  const items = new Set<string>();
  const stages = new Map<StageId, StageStructure>();
  let wonPossible = false;

  // Stages reachable in order: a stage is entered by an option of a reachable stage (or first contact).
  const entered = new Set<ConversationStageId>(['first-contact']);
  const order = [...CONVERSATION_STAGES];
  let grew = true;
  const graphsIn = new Map<ConversationStageId, { graph: StepGraph; steps: string[] }[]>();
  while (grew) {
    grew = false;
    for (const stage of order) {
      if (!entered.has(stage)) continue;
      const parts = [{ graph: model.stages[stage] as StepGraph, steps: reachableSteps(model.stages[stage]) }];
      for (const id of raisableIn(model, stage)) {
        const o = model.objections[id];
        if (o) parts.push({ graph: o, steps: reachableSteps(o) });
      }
      graphsIn.set(stage, parts);
      for (const { graph, steps: ids } of parts) for (const id of ids) for (const o of graph.steps[id]!.options) {
        if (o.target.stage && !entered.has(o.target.stage)) {
          entered.add(o.target.stage);
          grew = true;
        }
      }
    }
  }

  /** Per stage, its best score when entered with some facts and promises. */
  const entries = new Map<StageId, (revealed: readonly string[], promised: readonly string[]) => number>();
  const facts = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => `f:${id}`);
  const promises = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => `p:${id}`);
  const everything = made([
    ...[...Object.values(model.stages), ...Object.values(model.objections)].flatMap((g) => Object.values(g.steps).flatMap((st) => st.options.map((o) => o.effects))),
    ...model.surprises.map((x) => x.effects),
  ]);
  const surprisesIn = (stage: StageId) => model.surprises.filter((x) => !x.when?.stage || x.when.stage.includes(stage));
  for (const stage of STAGES) {
    const stageItems = model.checklist.filter((i) => i.stage === stage);
    const bit = new Map(stageItems.map((i, n) => [i.id, n] as const));
    if (stage === 'leads' || !entered.has(stage)) {
      const max = stage === 'leads' ? 100 : 0;
      stages.set(stage, { items: stageItems, bit, max, boundFrom: () => max });
      continue;
    }
    const parts = graphsIn.get(stage)!;
    const stageSteps = parts[0]!.steps;
    const record = recordCredit(model, stage);
    const maskOf = (ids: readonly string[]) => ids.reduce((m, id) => (bit.has(id) ? m | (1 << bit.get(id)!) : m), 0);
    const recordShown = maskOf(record.shown);
    const recordCommitted = maskOf(record.committed);
    const value = (shown: number, committed: number) =>
      stageValue(stageItems, new Set(stageItems.filter((i) => shown & (1 << bit.get(i.id)!)).map((i) => i.id)), new Set(stageItems.filter((i) => committed & (1 << bit.get(i.id)!)).map((i) => i.id)));
    const starts = parts.slice(1).map((p) => `${p.graph.id}/${p.graph.start}`);

    // The facts and promises the stage's options need, as bits (past 30, one counts as always had).
    const tracked = new Map<string, number>();
    for (const { graph, steps: ids } of parts) for (const id of ids) for (const o of graph.steps[id]!.options) {
      for (const k of [...facts(o.when?.revealed), ...facts(o.when?.recorded), ...promises(o.when?.promised)]) if (!tracked.has(k) && tracked.size < 30) tracked.set(k, tracked.size);
    }
    const bitsOf = (ids: readonly string[]) => ids.reduce((m, k) => (tracked.has(k) ? m | (1 << tracked.get(k)!) : m), 0);
    const needsOf = (o: OptionModel) => bitsOf([...facts(o.when?.revealed), ...facts(o.when?.recorded), ...promises(o.when?.promised)]);
    const givesOf = (e: { reveals?: string[]; promises?: string[] }) => bitsOf([...facts(e.reveals), ...promises(e.promises)]);
    const surpriseGives = surprisesIn(stage).reduce((m, x) => m | givesOf(x.effects), 0);
    const had = (revealed: readonly string[], promised: readonly string[]) => bitsOf([...facts(revealed), ...promises(promised)]);

    // Nodes: every reachable step of the stage, and every reachable step of its objections with the
    // step of the stage it was raised from (where resolving it returns); edges: options, and the
    // over-approximations above. Explored with the earned masks.
    /** Where an edge leads: a step of the same graph, back to where the objection was raised, out, or into an objection (raised from `from`). */
    type To = { step: string } | { resolve: true } | { exit: true } | { raise: string; from?: string };
    type Edge = { to: To[]; shown: number; committed: number; needs: number; gives: number };
    const edges = new Map<string, Edge[]>();
    for (const { graph, steps: ids } of parts) {
      const inObjection = graph.id !== stage;
      for (const id of ids) {
        const ref = `${graph.id}/${id}`;
        steps.add(ref);
        if (inObjection) objections.add(graph.id);
        const out: Edge[] = [];
        for (const o of graph.steps[id]!.options) {
          const c = optionCredit(model, stage, o.shows, o.commits);
          c.shown.forEach((x) => items.add(`${stage}:${x}`));
          c.committed.forEach((x) => items.add(`${stage}:${x}`));
          if (o.target.ends?.outcome === 'won') wonPossible = true;
          const to: To[] = [];
          const r = o.target.raises && !o.target.stage ? model.objections[o.target.raises] : undefined;
          // An objection raised on the way opens at once: in the stage, raised from the step led to.
          if (r) to.push({ raise: `${r.id}/${r.start}`, ...(o.target.step && !inObjection ? { from: `${stage}/${o.target.step}` } : {}) });
          else if (o.target.step) to.push({ step: `${graph.id}/${o.target.step}` });
          if (o.target.resolves) to.push({ resolve: true });
          // Leaving the stage (or the drill) keeps what the option earned: a node without a way on.
          if (o.target.stage || o.target.ends) to.push({ exit: true });
          out.push({ to, shown: maskOf(c.shown), committed: maskOf(c.committed), needs: needsOf(o), gives: givesOf(o.effects) });
        }
        // Raising any raisable objection (a rule, a surprise), and recording, from anywhere.
        out.push({ to: starts.map((start) => ({ raise: start })), shown: 0, committed: 0, needs: 0, gives: 0 });
        if (recordShown || recordCommitted) out.push({ to: [{ step: ref }], shown: recordShown, committed: recordCommitted, needs: 0, gives: 0 });
        // A surprise that reveals or makes something may fire after any move.
        if (surpriseGives) out.push({ to: [{ step: ref }], shown: 0, committed: 0, needs: 0, gives: surpriseGives });
        edges.set(ref, out);
      }
    }
    record.shown.forEach((x) => items.add(`${stage}:${x}`));
    record.committed.forEach((x) => items.add(`${stage}:${x}`));
    const stageRefs = stageSteps.map((x) => `${stage}/${x}`);
    /** The nodes a target leads to from `node` (a stage step, or `<objection step>@<stage step>`). */
    const targets = (node: string, to: To): string[] => {
      const at = node.indexOf('@');
      const from = at < 0 ? node : node.slice(at + 1);
      if ('exit' in to) return [EXIT];
      if ('raise' in to) return [`${to.raise}@${at < 0 ? (to.from ?? from) : from}`];
      if ('resolve' in to) return at < 0 ? stageRefs : [from];
      return [at < 0 ? to.step : `${to.step}@${from}`];
    };

    // The best value reachable from (node, earned masks, facts had), worked out when first asked:
    // everything reachable from there that is not known yet, then relaxed until nothing changes
    // (masks and facts only grow, so this settles fast). What is known stays known.
    const bound = new Map<string, number>();
    const evaluate = (node0: string, shown0: number, committed0: number, had0: number): number => {
      const key = (node: string, s: number, c: number, f: number) => `${node}|${s}|${c}|${f}`;
      const first = key(node0, shown0, committed0, had0);
      const known = bound.get(first);
      if (known !== undefined) return known;
      const queue: [string, number, number, number][] = [[node0, shown0, committed0, had0]];
      const keys = [first];
      const succ: string[][] = [];
      const own = new Map<string, number>([[first, value(shown0, committed0)]]);
      for (let i = 0; i < queue.length; i++) {
        if (queue.length > MAX_MASK_STATES) return 100;
        const [node, s, c, f] = queue[i]!;
        const next: string[] = [];
        const at = node.indexOf('@');
        for (const e of edges.get(at < 0 ? node : node.slice(0, at)) ?? []) {
          if (e.needs & ~f) continue;
          for (const t of e.to) for (const to of targets(node, t)) {
            const n: [string, number, number, number] = [to, s | e.shown, c | e.committed, f | e.gives];
            const tk = key(...n);
            next.push(tk);
            if (!own.has(tk) && !bound.has(tk)) {
              own.set(tk, value(n[1], n[2]));
              queue.push(n);
              keys.push(tk);
            }
          }
        }
        succ.push(next);
      }
      const found = new Map(own);
      for (let changed = true; changed; ) {
        changed = false;
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i]!;
          let best = found.get(k)!;
          for (const t of succ[i]!) best = Math.max(best, found.get(t) ?? bound.get(t) ?? 0);
          if (best > found.get(k)!) {
            found.set(k, best);
            changed = true;
          }
        }
      }
      for (const [k, v] of found) bound.set(k, v);
      return found.get(first)!;
    };
    const start = `${stage}/${model.stages[stage].start}`;
    // At most, a stage is entered with every fact and promise that anything in the scenario reveals or makes.
    const max = evaluate(start, 0, 0, givesOf(everything));
    entries.set(stage, (revealed, promised) => evaluate(start, 0, 0, had(revealed, promised)));
    stages.set(stage, {
      items: stageItems,
      bit,
      max,
      // A place the structure does not know (none should be) bounds nothing: the most a stage can score.
      boundFrom: (node, shown, committed, revealed, promised) =>
        edges.has(node.split('@')[0]!) ? evaluate(node, shown, committed, had(revealed, promised)) : 100,
    });
  }
  // What the stages from `from` up to (not including) `to` can reveal or make: their options, those
  // of their objections, and the surprises that can fire there.
  const madeOnTheWay = new Map<string, Made>();
  const laterMax: Structure['laterMax'] = (stage, from, revealed, promised) => {
    const entry = entries.get(stage);
    if (!entry) return stages.get(stage)!.max;
    const k = `${from}>${stage}`;
    let onTheWay = madeOnTheWay.get(k);
    if (!onTheWay) {
      const effects: Effects[] = [];
      for (const t of CONVERSATION_STAGES) {
        if (stageIndex(t) < stageIndex(from) || stageIndex(t) >= stageIndex(stage)) continue;
        for (const { graph, steps: ids } of graphsIn.get(t) ?? []) for (const id of ids) for (const o of graph.steps[id]!.options) effects.push(o.effects);
        for (const x of surprisesIn(t)) effects.push(x.effects);
      }
      madeOnTheWay.set(k, (onTheWay = made(effects)));
    }
    return entry([...revealed, ...onTheWay.reveals], [...promised, ...onTheWay.promises]);
  };
  return { steps, objections, items, stages, wonPossible, laterMax };
}

/** The best score the stage a drill is in can still reach from its state: `boundFrom` at its place, with what it has earned and has. */
export function boundHere(s: Structure, state: DrillState): number {
  const c = state.context;
  const st = s.stages.get(c.stage)!;
  const p = state.position;
  const r = state.resume;
  const at = p.phase === 'stage' ? `${p.stage}/${p.step}` : p.phase === 'objection' ? `${p.objection}/${p.step}@${r ? `${r.stage}/${r.step}` : ''}` : '';
  let shown = 0;
  let committed = 0;
  for (const id of c.shown) if (st.bit.has(id)) shown |= 1 << st.bit.get(id)!;
  for (const id of c.committed) if (st.bit.has(id)) committed |= 1 << st.bit.get(id)!;
  return st.boundFrom(at, shown, committed, c.revealed, c.promised);
}

type Made = { reveals: string[]; promises: string[] };
/** The facts and promises some of `effects` reveal or make. */
function made(effects: readonly Effects[]): Made {
  const reveals = new Set<string>();
  const promises = new Set<string>();
  for (const e of effects) {
    e.reveals?.forEach((x) => reveals.add(x));
    e.promises?.forEach((x) => promises.add(x));
  }
  return { reveals: [...reveals], promises: [...promises] };
}

const cache = new WeakMap<ScenarioModel, Structure>();
/** `structureOf`, once per model object. */
export function structure(model: ScenarioModel): Structure {
  let s = cache.get(model);
  if (!s) cache.set(model, (s = structureOf(model)));
  return s;
}
