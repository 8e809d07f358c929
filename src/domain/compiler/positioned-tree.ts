/**
 * A scenario's YAML as a small tree of nodes with their place in the text: built from js-yaml's
 * events when the text is plain (the compiler's fast path, several times faster than `yaml`'s
 * positioned document), else from `yaml`'s document, which reads what it can of a broken file. The
 * two give the same tree for the same plain text (tested on every scenario and fixture). The
 * compiler positions its diagnostics with it, the workshop's outline reads the ids and lines.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import {
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  SCALAR_STYLE_DOUBLE_QUOTED,
  SCALAR_STYLE_FOLDED_BLOCK,
  SCALAR_STYLE_LITERAL_BLOCK,
  SCALAR_STYLE_PLAIN,
  SCALAR_STYLE_SINGLE_QUOTED,
  getScalarValue,
  type Event,
} from 'js-yaml';
import { plainEvents, resolvePlain } from './fast-parse';

/** The deepest nesting read (the compiler refuses deeper documents, see source-document.ts). */
const MAX_DEPTH = 64;

/** A node: `start` is where it begins, `end` where its last character is (offsets into the text). */
export type PNode =
  | { kind: 'map'; start: number; end: number; pairs: { key: PNode; value: PNode }[] }
  | { kind: 'seq'; start: number; end: number; items: PNode[] }
  | { kind: 'scalar'; start: number; end: number; value: unknown };

export interface PositionedYaml {
  root: PNode | null;
  /** The 1-based line of an offset. */
  line(offset: number): number;
}

/** Line and (1-based) column of offsets in `text`. */
export function lineIndex(text: string): { line(offset: number): number; column(offset: number): number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const index = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { line: (offset) => index(offset) + 1, column: (offset) => offset - starts[index(offset)]! + 1 };
}

/** The start of the node at `path` (or, with `key`, of its key), else of the nearest ancestor. */
export function startAt(root: PNode | null, path: readonly (string | number)[], key: boolean): number | undefined {
  let node: PNode | undefined = root ?? undefined;
  let best = node?.start;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (node?.kind === 'map') {
      const pair = node.pairs.find((p) => p.key.kind === 'scalar' && String(p.key.value) === String(seg));
      if (!pair) return best;
      if (last && key) return pair.key.start;
      node = pair.value;
    } else if (node?.kind === 'seq' && typeof seg === 'number') {
      node = node.items[seg];
    } else return best;
    best = node?.start ?? best;
  }
  return best;
}

/** The offset of a block scalar's indicator (`|` or `>`), the first outside a comment from `from`. */
function blockHeader(text: string, from: number, content: number): number {
  for (let i = from; i < content; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ && (i === from || /\s/.test(text[i - 1]!))) {
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      i = eol;
    } else if (c === 124 /* | */ || c === 62 /* > */) return i;
  }
  return content;
}

/** The tree from the parser's events (plain documents only: no alias to follow). */
export function treeFromEvents(text: string, events: Event[]): PNode | null {
  if (!trees.has(events)) trees.set(events, buildTree(text, events));
  return trees.get(events)!;
}
/** Trees already built, by the events they were built from (a tree is never changed by its readers). */
const trees = new WeakMap<Event[], PNode | null>();

function buildTree(text: string, events: Event[]): PNode | null {
  type Open = { node: Extract<PNode, { kind: 'map' | 'seq' }>; key: PNode | null };
  const stack: Open[] = [];
  let root: PNode | null = null;
  const add = (node: PNode) => {
    const top = stack.at(-1);
    if (!top) {
      root = node;
      return;
    }
    if (top.node.kind === 'seq') top.node.items.push(node);
    else if (top.key === null) top.key = node;
    else {
      top.node.pairs.push({ key: top.key, value: node });
      top.key = null;
    }
  };
  /** Where the text after the last node read goes on: a block scalar's header is searched from there. */
  const after = (): number => {
    const top = stack.at(-1);
    if (!top) return 0;
    const last = top.key ?? (top.node.kind === 'seq' ? top.node.items.at(-1) : top.node.pairs.at(-1)?.value);
    return last ? last.end + 1 : top.node.start;
  };
  for (const e of events) {
    if (e.type === EVENT_SCALAR) {
      const raw = getScalarValue(text, e);
      // A node starts where `yaml` says it does: at a quoted scalar's opening quote, at a block
      // scalar's header (`|`, `>-`). An empty value (`key:` with nothing after it) has no extent.
      const quoted = e.style === SCALAR_STYLE_DOUBLE_QUOTED || e.style === SCALAR_STYLE_SINGLE_QUOTED;
      const block = e.style === SCALAR_STYLE_LITERAL_BLOCK || e.style === SCALAR_STYLE_FOLDED_BLOCK;
      const start = quoted ? e.valueStart - 1 : block ? blockHeader(text, after(), e.valueStart) : e.valueStart;
      const end = Math.max(start, e.valueEnd - 1);
      add({ kind: 'scalar', start, end, value: e.style === SCALAR_STYLE_PLAIN ? resolvePlain(raw) : raw });
    } else if (e.type === EVENT_MAPPING || e.type === EVENT_SEQUENCE) {
      const node: Open['node'] = e.type === EVENT_MAPPING ? { kind: 'map', start: e.start, end: e.start, pairs: [] } : { kind: 'seq', start: e.start, end: e.start, items: [] };
      stack.push({ node, key: null });
    } else if (e.type === EVENT_POP) {
      const closed = stack.pop();
      if (!closed) continue;
      const { node } = closed;
      const last = node.kind === 'map' ? node.pairs.at(-1)?.value : node.items.at(-1);
      node.end = Math.max(node.start, last?.end ?? node.start);
      add(node);
      // A collection's end reaches its parent's last value as it closes.
    }
  }
  return root;
}

/** The tree from `yaml`'s document: what could be read of any text. */
function fromDocument(node: unknown): PNode | null {
  const n = node as Node | null;
  if (!n || !n.range) return null;
  const [start, valueEnd] = n.range;
  const end = Math.max(start, valueEnd - 1);
  if (isMap(n)) {
    const pairs: { key: PNode; value: PNode }[] = [];
    for (const p of n.items) {
      const key = fromDocument(p.key);
      if (!key) continue;
      pairs.push({ key, value: fromDocument(p.value) ?? { kind: 'scalar', start: key.end, end: key.end, value: null } });
    }
    return { kind: 'map', start, end: Math.max(start, pairs.at(-1)?.value.end ?? start), pairs };
  }
  if (isSeq(n)) {
    const items = n.items.map(fromDocument).filter((x): x is PNode => x !== null);
    return { kind: 'seq', start, end: Math.max(start, items.at(-1)?.end ?? start), items };
  }
  if (isScalar(n)) return { kind: 'scalar', start, end, value: n.value };
  return null;
}

/** `text` as a positioned tree; never throws. */
export function positionedYaml(text: string): PositionedYaml {
  const events = plainEvents(text, MAX_DEPTH);
  if (events) return { root: treeFromEvents(text, events), line: lineIndex(text).line };
  const counter = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, strict: false });
    return { root: fromDocument(doc.contents), line: (offset) => counter.linePos(offset).line };
  } catch {
    return { root: null, line: () => 1 };
  }
}

/** The slow reading only, for tests that compare the two. */
export function positionedYamlSlow(text: string): PositionedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, strict: false });
  return { root: fromDocument(doc.contents), line: (offset) => counter.linePos(offset).line };
}
