/**
 * The scenario map as plain data: a node per stage, objection, step, surprise and ending; an edge per
 * way the conversation can move (an option's `next` or `stage`, an objection raised by an option, a
 * rule or a surprise, an objection resolved back to where it was raised, an ending). Steps no path
 * reaches (guards ignored), dead ends (no option leads anywhere) and steps holding an error are
 * flagged. Pure: the map component lays it out and draws it.
 */
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';
import { containerNodeId, orderedContainers, stepNodeId, type Outline, type OutlineStep } from './outline';

export type MapNodeKind = 'stage' | 'objection' | 'step' | 'surprise' | 'ending';
export type MapEdgeKind = 'next' | 'stage' | 'raises' | 'returns' | 'rule' | 'surprise' | 'ends' | 'start';

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  label: string;
  /** The stage or objection a step belongs to. */
  container?: string;
  line: number;
  unreachable: boolean;
  deadEnd: boolean;
  errors: number;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  kind: MapEdgeKind;
  /** Key actions shown and pitfalls committed (ids), for an option's edge. */
  shows: string[];
  commits: string[];
}

export interface ScenarioMap {
  nodes: MapNode[];
  edges: MapEdge[];
}

const endingNodeId = (outcome: string) => `ending:${outcome}`;
const surpriseNodeId = (id: string) => `surprise:${id}`;

/** The map of `outline`, with the errors of `diagnostics` placed on the steps that hold them. */
export function buildScenarioMap(outline: Outline, diagnostics: readonly Pick<Diagnostic, 'line' | 'severity'>[] = []): ScenarioMap {
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const containers = orderedContainers(outline);
  const byId = new Map(containers.map((c) => [c.id, c]));
  const stepsOf = new Map<string, OutlineStep[]>();
  for (const s of outline.steps) stepsOf.set(s.container, [...(stepsOf.get(s.container) ?? []), s]);
  const stepExists = (container: string, step: string | undefined) => !!step && !!stepsOf.get(container)?.some((s) => s.id === step);
  const startOf = (container: string) => {
    const c = byId.get(container);
    return c && stepExists(container, c.start) ? stepNodeId(container, c.start!) : undefined;
  };
  const errorLines = diagnostics.filter((d) => d.severity === 'error').map((d) => d.line);
  const errorsIn = (from: number, to: number) => errorLines.filter((l) => l >= from && l <= to).length;

  // Reachability, guards ignored: from the first stage's start along every target.
  const adjacency = new Map<string, string[]>();
  const link = (from: string, to: string) => adjacency.set(from, [...(adjacency.get(from) ?? []), to]);
  const edge = (source: string, target: string | undefined, kind: MapEdgeKind, shows: string[] = [], commits: string[] = []) => {
    if (!target) return;
    edges.push({ id: `e${edges.length}`, source, target, kind, shows, commits });
    if (kind !== 'returns') link(source, target);
  };
  const raisedBy = new Map<string, string[]>(); // objection → steps that raise it (where it returns to)
  const endings = new Set<string>();

  for (const c of containers) {
    const id = containerNodeId(c.id);
    nodes.push({ id, kind: c.kind, label: c.id, line: c.line, unreachable: false, deadEnd: false, errors: 0 });
    edge(id, startOf(c.id), 'start');
  }
  for (const s of outline.steps) {
    const from = stepNodeId(s.container, s.id);
    let leads = false;
    for (const o of s.options) {
      if (o.next && stepExists(s.container, o.next)) {
        edge(from, stepNodeId(s.container, o.next), 'next', o.shows, o.commits);
        leads = true;
      }
      if (o.stage && byId.has(o.stage)) {
        edge(from, startOf(o.stage) ?? containerNodeId(o.stage), 'stage', o.shows, o.commits);
        leads = true;
      }
      if (o.raises && byId.has(o.raises)) {
        edge(from, startOf(o.raises) ?? containerNodeId(o.raises), 'raises', o.shows, o.commits);
        raisedBy.set(o.raises, [...(raisedBy.get(o.raises) ?? []), from]);
        leads = true;
      }
      if (o.ends) {
        endings.add(o.ends);
        edge(from, endingNodeId(o.ends), 'ends', o.shows, o.commits);
        leads = true;
      }
      if (o.resolves) leads = true;
    }
    nodes.push({ id: from, kind: 'step', label: s.id, container: s.container, line: s.line, unreachable: false, deadEnd: !leads, errors: errorsIn(s.line, s.endLine) });
  }
  // An objection resolved goes back to where it was raised (drawn, not needed to reach anything).
  for (const s of outline.steps) {
    if (s.containerKind !== 'objection') continue;
    for (const o of s.options) if (o.resolves) for (const back of raisedBy.get(s.container) ?? []) edge(stepNodeId(s.container, s.id), back, 'returns', o.shows, o.commits);
  }
  for (const r of outline.rules) if (byId.has(r.at) && byId.has(r.raises)) edge(containerNodeId(r.at), startOf(r.raises) ?? containerNodeId(r.raises), 'rule');
  for (const x of outline.surprises) {
    const id = surpriseNodeId(x.id);
    nodes.push({ id, kind: 'surprise', label: x.id, line: x.line, unreachable: false, deadEnd: false, errors: 0 });
    const at = x.stages.length ? x.stages : containers.filter((c) => c.kind === 'stage').map((c) => c.id);
    for (const stage of at) if (byId.has(stage)) link(containerNodeId(stage), id);
    if (x.raises && byId.has(x.raises)) edge(id, startOf(x.raises) ?? containerNodeId(x.raises), 'surprise');
  }
  for (const outcome of endings) nodes.push({ id: endingNodeId(outcome), kind: 'ending', label: outcome, line: 0, unreachable: false, deadEnd: false, errors: 0 });

  // A stage is entered through its start step; a step reached puts the drill in its stage (its rules and surprises).
  for (const s of outline.steps) link(stepNodeId(s.container, s.id), containerNodeId(s.container));
  const first = startOf('first-contact') ?? (containers[0] ? startOf(containers[0].id) : undefined);
  const seen = new Set<string>(first ? [first] : []);
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++) for (const to of adjacency.get(queue[i]!) ?? []) if (!seen.has(to)) {
    seen.add(to);
    queue.push(to);
  }
  if (first) for (const n of nodes) if (n.kind === 'step' || n.kind === 'stage' || n.kind === 'objection') n.unreachable = !seen.has(n.id);
  return { nodes, edges };
}
