/**
 * The scenario's structure, guards ignored: an over-approximation of what any play can do. Every
 * option counts as offered, every objection a stage can raise (by an option, a rule or a surprise,
 * nested ones too) as raisable from any of its steps, every resolved objection as returning to any
 * step of its stage, and a record as possible anywhere. So what is impossible here is impossible in
 * the drill, and a stage's best score here is an upper bound of its best in the drill: the explorer
 * proves its results by meeting these bounds with real plays (see `explore.ts`).
 *
 * For each stage it computes, per step and per set of the stage's items earned so far, the best stage
 * score still reachable (the admissible bound the best-path search prunes with).
 */
import { CONVERSATION_STAGES, STAGES, type ConversationStageId, type StageId } from '../ltc/stages';
import type { ChecklistItem } from '../ltc/default-checklist';
import type { ScenarioModel, StepGraph } from '../scenario/model';
import { optionCredit, recordCredit } from '../runtime/credit';
import { stageValue } from '../scoring/score';

export interface StageStructure {
  items: ChecklistItem[];
  /** Bit of each of the stage's items in the masks below. */
  bit: Map<string, number>;
  /** The best score of the stage on any path, guards ignored. */
  max: number;
  /** `<container>/<step>` and earned masks → the best score still reachable from there. */
  bound: Map<string, number>;
}

export interface Structure {
  /** Steps some path can reach, guards ignored (`<container>/<step>`). */
  steps: Set<string>;
  objections: Set<string>;
  /** `<stage>:<item>` of the items some option or record can earn in their stage. */
  items: Set<string>;
  stages: Map<StageId, StageStructure>;
  wonPossible: boolean;
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

  for (const stage of STAGES) {
    const stageItems = model.checklist.filter((i) => i.stage === stage);
    const bit = new Map(stageItems.map((i, n) => [i.id, n] as const));
    if (stage === 'leads' || !entered.has(stage)) {
      stages.set(stage, { items: stageItems, bit, max: stage === 'leads' ? 100 : 0, bound: new Map() });
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

    // Nodes: every reachable step of the stage and of its objections; edges: options (and the
    // over-approximations above). Explored with the earned masks.
    type Edge = { to: string[]; shown: number; committed: number };
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
          const to: string[] = [];
          if (o.target.step) to.push(`${graph.id}/${o.target.step}`);
          if (o.target.resolves) to.push(...stageSteps.map((s) => `${stage}/${s}`));
          // Leaving the stage (or the drill) keeps what the option earned: a node without a way on.
          if (o.target.stage || o.target.ends) to.push(EXIT);
          if (o.target.raises) {
            const r = model.objections[o.target.raises];
            if (r && !o.target.stage) to.push(`${r.id}/${r.start}`);
          }
          out.push({ to, shown: maskOf(c.shown), committed: maskOf(c.committed) });
        }
        // Raising any raisable objection, and recording, from anywhere.
        out.push({ to: starts, shown: 0, committed: 0 });
        if (recordShown || recordCommitted) out.push({ to: [ref], shown: recordShown, committed: recordCommitted });
        edges.set(ref, out);
      }
    }
    record.shown.forEach((x) => items.add(`${stage}:${x}`));
    record.committed.forEach((x) => items.add(`${stage}:${x}`));

    // All (node, masks) reachable from the stage's start, then the best value reachable from each.
    const key = (node: string, s: number, c: number) => `${node}|${s}|${c}`;
    const succ = new Map<string, string[]>();
    const own = new Map<string, number>();
    const queue: [string, number, number][] = [[`${stage}/${model.stages[stage].start}`, 0, 0]];
    const seen = new Set([key(...queue[0]!)]);
    for (let i = 0; i < queue.length && seen.size < MAX_MASK_STATES; i++) {
      const [node, s, c] = queue[i]!;
      const k = key(node, s, c);
      own.set(k, value(s, c));
      const next: string[] = [];
      for (const e of edges.get(node) ?? []) for (const to of e.to) {
        const t: [string, number, number] = [to, s | e.shown, c | e.committed];
        const tk = key(...t);
        next.push(tk);
        if (!seen.has(tk)) {
          seen.add(tk);
          queue.push(t);
        }
      }
      succ.set(k, next);
    }
    // Best reachable value: relax until nothing changes (masks only grow, so this settles fast).
    const bound = new Map(own);
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = queue.length - 1; i >= 0; i--) {
        const k = key(...queue[i]!);
        let best = bound.get(k)!;
        for (const t of succ.get(k) ?? []) best = Math.max(best, bound.get(t) ?? 0);
        if (best > bound.get(k)!) {
          bound.set(k, best);
          changed = true;
        }
      }
    }
    let max = 0;
    for (const v of own.values()) max = Math.max(max, v);
    stages.set(stage, { items: stageItems, bit, max, bound });
  }
  return { steps, objections, items, stages, wonPossible };
}

const cache = new WeakMap<ScenarioModel, Structure>();
/** `structureOf`, once per model object. */
export function structure(model: ScenarioModel): Structure {
  let s = cache.get(model);
  if (!s) cache.set(model, (s = structureOf(model)));
  return s;
}
