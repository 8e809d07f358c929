/**
 * The outline of a scenario's source text, read straight from the YAML (so it is there even while the
 * file does not compile): the ids it defines with their lines (for completion, hover and jumps), and
 * its stages, objections and steps with where their options lead (for the map). Pure and positional:
 * lines are 1-based, as in diagnostics.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { CONVERSATION_STAGES } from '../../domain/ltc/stages';
import { DEFAULT_CHECKLIST } from '../../domain/ltc/default-checklist';

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

type Lines = (offset: number) => number;

const str = (n: unknown): string | undefined => (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined);
const get = (m: unknown, key: string): unknown => (isMap(m) ? m.items.find((p) => str(p.key) === key)?.value : undefined);
const strings = (n: unknown): string[] => (isSeq(n) ? n.items.map(str).filter((s): s is string => s !== undefined) : []);
const pairs = (m: unknown): Pair[] => (isMap(m) ? (m as YAMLMap).items : []);

function lineOf(lines: Lines, node: unknown): number {
  const range = (node as Node | null)?.range;
  return range ? lines(range[0]) : 0;
}
function endLineOf(lines: Lines, node: unknown, fallback: number): number {
  const range = (node as Node | null)?.range;
  // range[1] is where the value ends (its trailing newline included): the line before, unless on it.
  return range ? Math.max(fallback, lines(Math.max(range[0], range[1] - 1))) : fallback;
}

/** The outline of `text`; never throws (a file that is not YAML gives what could be read). */
export function outlineOf(text: string): Outline {
  const out: Outline = { ids: [], containers: [], steps: [], rules: [], surprises: [] };
  let doc;
  const counter = new LineCounter();
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, strict: false });
  } catch {
    return out;
  }
  const lines: Lines = (offset) => counter.linePos(offset).line;
  const root = doc.contents;
  const define = (kind: IdKind, pair: Pair, container?: string) => {
    const id = str(pair.key);
    if (id === undefined) return;
    const line = lineOf(lines, pair.key);
    out.ids.push({ kind, id, line, endLine: endLineOf(lines, pair.value, line), ...(container ? { container } : {}) });
  };

  for (const p of pairs(get(get(root, 'customer'), 'facts'))) define('fact', p);
  for (const p of pairs(get(get(root, 'customer'), 'team'))) define('person', p);
  for (const p of pairs(get(root, 'promises'))) define('promise', p);
  const pool = get(get(root, 'leads'), 'pool');
  if (isSeq(pool)) for (const lead of pool.items) {
    const id = str(get(lead, 'id'));
    if (id) out.ids.push({ kind: 'lead', id, line: lineOf(lines, lead), endLine: endLineOf(lines, lead, lineOf(lines, lead)) });
  }
  for (const item of DEFAULT_CHECKLIST) out.ids.push({ kind: 'item', id: item.id, line: 0, endLine: 0 });
  const added = get(get(root, 'checklist'), 'add');
  if (isSeq(added)) for (const item of added.items) {
    const id = str(get(item, 'id'));
    if (id) out.ids.push({ kind: 'item', id, line: lineOf(lines, item), endLine: endLineOf(lines, item, lineOf(lines, item)) });
  }

  const readGraph = (kind: 'stage' | 'objection', pair: Pair) => {
    const id = str(pair.key);
    if (id === undefined) return;
    define(kind, pair);
    const line = lineOf(lines, pair.key);
    const start = str(get(pair.value, 'start'));
    out.containers.push({ kind, id, line, endLine: endLineOf(lines, pair.value, line), ...(start ? { start } : {}) });
    for (const sp of pairs(get(pair.value, 'steps'))) {
      const stepId = str(sp.key);
      if (stepId === undefined) continue;
      define('step', sp, id);
      const stepLine = lineOf(lines, sp.key);
      const options = get(sp.value, 'options');
      out.steps.push({
        container: id,
        containerKind: kind,
        id: stepId,
        line: stepLine,
        endLine: endLineOf(lines, sp.value, stepLine),
        options: isSeq(options)
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
                line: lineOf(lines, o),
                shows: strings(get(o, 'shows')),
                commits: strings(get(o, 'commits')),
                ...(next ? { next } : {}),
                ...(stage ? { stage } : {}),
                ...(raises ? { raises } : {}),
                ...(isScalar(resolves) && resolves.value === true ? { resolves: true } : {}),
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

  const rules = get(root, 'rules');
  if (isSeq(rules)) rules.items.forEach((r, index) => {
    const at = str(get(r, 'at'));
    const raises = str(get(r, 'raises'));
    if (at && raises) out.rules.push({ index, at, raises, line: lineOf(lines, r) });
  });
  for (const p of pairs(get(root, 'surprises'))) {
    const id = str(p.key);
    if (id === undefined) continue;
    define('surprise', p);
    const raises = str(get(p.value, 'raises'));
    const when = get(p.value, 'when');
    const stageList = get(when, 'stage');
    out.surprises.push({ id, line: lineOf(lines, p.key), stages: isSeq(stageList) ? strings(stageList) : str(stageList) ? [str(stageList)!] : [], ...(raises ? { raises } : {}) });
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
