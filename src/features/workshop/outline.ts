/**
 * The outline of a scenario's source text, read straight from the YAML (so it is there even while the
 * file does not compile): the ids it defines with their lines (for completion, hover and jumps), and
 * its stages, objections and steps with where their options lead (for the map). Pure and positional:
 * lines are 1-based, as in diagnostics.
 */
import { CONVERSATION_STAGES } from '../../domain/ltc/stages';
import { DEFAULT_CHECKLIST } from '../../domain/ltc/default-checklist';
import { positionedYaml, type PNode, type PositionedYaml } from '../../domain/compiler/positioned-tree';

export type IdKind = 'stage' | 'step' | 'objection' | 'fact' | 'item' | 'promise' | 'surprise' | 'person' | 'lead';

/** An id the file defines (or, for checklist items, the default checklist defines: line 0). */
export interface DefinedId {
  kind: IdKind;
  id: string;
  /** For a step: its stage or objection. */
  container?: string;
  line: number;
  /** The last line of its definition. */
  endLine: number;
}

export interface OutlineOption {
  index: number;
  /** The option's own id, when it has one (else it is numbered from 1). */
  id?: string;
  line: number;
  next?: string;
  stage?: string;
  raises?: string;
  resolves?: boolean;
  ends?: string;
  shows: string[];
  commits: string[];
}

export interface OutlineStep {
  container: string;
  containerKind: 'stage' | 'objection';
  id: string;
  line: number;
  endLine: number;
  options: OutlineOption[];
}

export interface OutlineContainer {
  kind: 'stage' | 'objection';
  id: string;
  start?: string;
  line: number;
  endLine: number;
}

export interface Outline {
  ids: DefinedId[];
  containers: OutlineContainer[];
  steps: OutlineStep[];
  rules: { index: number; at: string; raises: string; line: number }[];
  surprises: { id: string; raises?: string; stages: string[]; line: number }[];
}

type Pair = { key: PNode; value: PNode };

const str = (n: PNode | undefined): string | undefined => (n?.kind === 'scalar' && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined);
const get = (m: PNode | undefined, key: string): PNode | undefined => (m?.kind === 'map' ? m.pairs.find((p) => str(p.key) === key)?.value : undefined);
const items = (n: PNode | undefined): PNode[] => (n?.kind === 'seq' ? n.items : []);
const strings = (n: PNode | undefined): string[] => items(n).map(str).filter((s): s is string => s !== undefined);
const pairs = (m: PNode | undefined): Pair[] => (m?.kind === 'map' ? m.pairs : []);

/** The outline of `text`; never throws (a file that is not YAML gives what could be read). */
export function outlineOf(text: string): Outline {
  return outlineOfTree(positionedYaml(text));
}

/** The outline of a positioned tree (`positioned-yaml.ts`). */
export function outlineOfTree({ root: top, line: lines }: PositionedYaml): Outline {
  const out: Outline = { ids: [], containers: [], steps: [], rules: [], surprises: [] };
  const root = top ?? undefined;
  const lineOf = (node: PNode) => lines(node.start);
  const endLineOf = (node: PNode | undefined, fallback: number) => (node ? Math.max(fallback, lines(node.end)) : fallback);
  const define = (kind: IdKind, pair: Pair, container?: string) => {
    const id = str(pair.key);
    if (id === undefined) return;
    const line = lineOf(pair.key);
    out.ids.push({ kind, id, line, endLine: endLineOf(pair.value, line), ...(container ? { container } : {}) });
  };

  for (const p of pairs(get(get(root, 'customer'), 'facts'))) define('fact', p);
  for (const p of pairs(get(get(root, 'customer'), 'team'))) define('person', p);
  for (const p of pairs(get(root, 'promises'))) define('promise', p);
  for (const lead of items(get(get(root, 'leads'), 'pool'))) {
    const id = str(get(lead, 'id'));
    if (id) out.ids.push({ kind: 'lead', id, line: lineOf(lead), endLine: endLineOf(lead, lineOf(lead)) });
  }
  for (const item of DEFAULT_CHECKLIST) out.ids.push({ kind: 'item', id: item.id, line: 0, endLine: 0 });
  for (const item of items(get(get(root, 'checklist'), 'add'))) {
    const id = str(get(item, 'id'));
    if (id) out.ids.push({ kind: 'item', id, line: lineOf(item), endLine: endLineOf(item, lineOf(item)) });
  }

  const readGraph = (kind: 'stage' | 'objection', pair: Pair) => {
    const id = str(pair.key);
    if (id === undefined) return;
    define(kind, pair);
    const line = lineOf(pair.key);
    const start = str(get(pair.value, 'start'));
    out.containers.push({ kind, id, line, endLine: endLineOf(pair.value, line), ...(start ? { start } : {}) });
    for (const sp of pairs(get(pair.value, 'steps'))) {
      const stepId = str(sp.key);
      if (stepId === undefined) continue;
      define('step', sp, id);
      const stepLine = lineOf(sp.key);
      const options = get(sp.value, 'options');
      out.steps.push({
        container: id,
        containerKind: kind,
        id: stepId,
        line: stepLine,
        endLine: endLineOf(sp.value, stepLine),
        options: options?.kind === 'seq'
          ? options.items.map((o, index) => {
              const next = str(get(o, 'next'));
              const stage = str(get(o, 'stage'));
              const raises = str(get(o, 'raises'));
              const resolves = get(o, 'resolves');
              const ends = get(o, 'ends');
              const outcome = str(get(ends, 'outcome'));
              const own = str(get(o, 'id'));
              return {
                index,
                ...(own ? { id: own } : {}),
                line: lineOf(o),
                shows: strings(get(o, 'shows')),
                commits: strings(get(o, 'commits')),
                ...(next ? { next } : {}),
                ...(stage ? { stage } : {}),
                ...(raises ? { raises } : {}),
                ...(resolves?.kind === 'scalar' && resolves.value === true ? { resolves: true } : {}),
                ...(ends ? { ends: outcome ?? 'ends' } : {}),
              };
            })
          : [],
      });
    }
  };
  const stages = get(root, 'stages');
  for (const p of pairs(stages)) readGraph('stage', p);
  for (const p of pairs(get(root, 'objections'))) readGraph('objection', p);

  items(get(root, 'rules')).forEach((r, index) => {
    const at = str(get(r, 'at'));
    const raises = str(get(r, 'raises'));
    if (at && raises) out.rules.push({ index, at, raises, line: lineOf(r) });
  });
  for (const p of pairs(get(root, 'surprises'))) {
    const id = str(p.key);
    if (id === undefined) continue;
    define('surprise', p);
    const raises = str(get(p.value, 'raises'));
    const when = get(p.value, 'when');
    const stageList = get(when, 'stage');
    out.surprises.push({ id, line: lineOf(p.key), stages: stageList?.kind === 'seq' ? strings(stageList) : str(stageList) ? [str(stageList)!] : [], ...(raises ? { raises } : {}) });
  }
  return out;
}

/** The stages in their LTC order (those the file defines), then the objections. */
export function orderedContainers(outline: Outline): OutlineContainer[] {
  const order = (c: OutlineContainer) => (c.kind === 'stage' ? (CONVERSATION_STAGES as readonly string[]).indexOf(c.id) : 100);
  return [...outline.containers].sort((a, b) => order(a) - order(b));
}

/** The innermost step (else container) whose definition holds `line`, as a map node id. */
export function nodeAtLine(outline: Outline, line: number): string | undefined {
  const step = outline.steps.find((s) => s.line <= line && line <= s.endLine);
  if (step) return stepNodeId(step.container, step.id);
  const c = outline.containers.find((x) => x.line <= line && line <= x.endLine);
  return c ? containerNodeId(c.id) : undefined;
}

/** The line of a step (`<container>/<step>`) or an option (`<container>/<step>/<id or number>`), 0 when not found. */
export function lineOfRef(outline: Outline, ref: string): number {
  const [container, step, option] = ref.split('/');
  const s = outline.steps.find((x) => x.container === container && x.id === step);
  if (!s) return 0;
  if (option === undefined) return s.line;
  return s.options.find((o) => (o.id ?? String(o.index + 1)) === option)?.line ?? s.line;
}

export const stepNodeId = (container: string, step: string) => `step:${container}/${step}`;
export const containerNodeId = (container: string) => `container:${container}`;
