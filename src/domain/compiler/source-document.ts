/**
 * Reads scenario text into a YAML document with source positions, turning every way the text can
 * be unreadable (too big, binary, empty, bad YAML, alias bombs, runaway nesting) into diagnostics.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { makeDiagnostic, type Diagnostic, type DiagnosticArgs } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { Event } from 'js-yaml';
import { plainEvents, valueOfEvents } from './fast-parse';
import { lineIndex, startAt, treeFromEvents, type PNode } from './positioned-tree';

export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
export const MAX_ALIAS_EXPANSIONS = 100;
export const MAX_DEPTH = 64;
const MAX_REPORTED_YAML_ERRORS = 30;

/**
 * A cheap upper estimate of how deep the text nests (flow brackets plus block indentation levels),
 * so that a pathological file is refused before the recursive YAML composer sees it. A bracket only
 * opens a flow collection where a value starts (line start, after ": ", "- ", or inside a flow
 * after "[", "{", ","), so brackets inside plain text are not counted.
 */
export function nestingDepth(text: string, limit: number): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let quote: string | null = null;
  let atLineStart = true;
  let valueStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      atLineStart = true;
      valueStart = true;
      indent = 0;
      if (flow === 0) quote = null;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (atLineStart) {
      if (ch === ' ') {
        indent++;
        continue;
      }
      atLineStart = false;
      if (ch !== '#' && flow === 0) {
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
    }
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (valueStart && (ch === '"' || ch === "'")) {
      quote = ch;
      valueStart = false;
    } else if (valueStart && (ch === '[' || ch === '{')) {
      flow++;
    } else if (flow > 0 && (ch === ']' || ch === '}')) {
      flow--;
      valueStart = false;
    } else if (flow > 0 && ch === ',') {
      valueStart = true;
    } else if (ch === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n') && valueStart) {
      indent++;
      if (flow === 0) indents.push(indent + indents.length);
    } else if (ch === ':' && (text[i + 1] === ' ' || text[i + 1] === '\n' || (flow > 0 && /[[{,]/.test(text[i + 1] ?? '')))) {
      valueStart = true;
    } else valueStart = false;
    const depth = flow + indents.length;
    if (depth > max) max = depth;
    if (max > limit) return max;
  }
  return max;
}

/** Length of `text` in UTF-8 bytes, without allocating. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * True when every line is blank or a comment (no regex: it must stay linear on any input). Lines
 * are taken one at a time, so a scenario is answered at its first line of content.
 */
function onlyComments(text: string): boolean {
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const t = text.slice(start, end).trim();
    if (t !== '' && !t.startsWith('#')) return false;
    start = end + 1;
  }
  return true;
}

export type DocPath = readonly (string | number)[];

export interface SourceDocument {
  file: string;
  text: string;
  doc: Document.Parsed | null;
  value: unknown;
  diagnostics: Diagnostic[];
  /** Line and column of the node at `path` (or of its key), falling back to the nearest ancestor. */
  locate(path: DocPath, key?: boolean): { line: number; column: number };
  /** A diagnostic positioned at `path`. */
  at(code: DiagnosticCode, path: DocPath, args?: DiagnosticArgs, key?: boolean): Diagnostic;
}

/** Renders a document path as `stages.discovery.steps.open-question.options[1].next`. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}


const YAML_CODE_MAP: Record<string, DiagnosticCode> = {
  DUPLICATE_KEY: 'SC006',
  TAB_AS_INDENT: 'SC005',
};

function looksBinary(text: string): boolean {
  // NUL bytes or many replacement characters mean the bytes were not UTF-8 text.
  if (text.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < text.length && i < 65536; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad > 8;
}

/** Depth of a plain JS value, measured without recursion. */
export function valueDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

export interface ReadOptions {
  /** Try the fast parser first (default true); false always takes the slow path (for tests). */
  fastPath?: boolean;
}

/** Options for the positioned parse; the same for the slow path and for positioning a fast parse. */
const parseOptions = (lineCounter: LineCounter) => ({ lineCounter, uniqueKeys: false, prettyErrors: false, strict: true }) as const;

/**
 * Parses `text` (the content of `file`) into a positioned document; never throws.
 *
 * A plain, valid document (the usual case) is read by the fast parser (fast-parse.ts), and the
 * positioned `yaml` document is only built when a diagnostic needs a position (the first call of
 * `locate`, `at` or `doc`). Anything else takes the slow path, which parses with `yaml` up front
 * and turns its errors into diagnostics.
 */
export function readSource(file: string, text: string, byteLength = utf8Length(text), options: ReadOptions = {}): SourceDocument {
  let lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed | null = null;
  /** Set by the fast path: the positioned document is built on first use. */
  let lazy = false;
  let value: unknown = undefined;

  const positioned = (): Document.Parsed | null => {
    if (lazy) {
      lazy = false;
      lines = new LineCounter();
      try {
        doc = parseDocument(text, parseOptions(lines));
      } catch {
        doc = null;
      }
    }
    return doc;
  };
  const posOf = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  /** Set by the fast path: the tree its positions are read from (built on first use). */
  let events: Event[] | undefined;
  let tree: { root: PNode | null; index: ReturnType<typeof lineIndex> } | undefined;
  const locate = (path: DocPath, key = false) => {
    if (events) {
      tree ??= { root: treeFromEvents(text, events), index: lineIndex(text) };
      const offset = startAt(tree.root, path, key);
      return offset === undefined ? { line: 1, column: 1 } : { line: tree.index.line(offset), column: tree.index.column(offset) };
    }
    const d = positioned();
    const range = d ? findRange(d, path, key) : undefined;
    return range ? posOf(range) : { line: 1, column: 1 };
  };
  const at = (code: DiagnosticCode, path: DocPath, args: DiagnosticArgs = {}, key = false) =>
    makeDiagnostic(code, { file, ...locate(path, key), path: formatPath(path) }, args);
  const source: SourceDocument = {
    file,
    text,
    get doc() {
      return positioned();
    },
    value,
    diagnostics,
    locate,
    at,
  };
  const fail = (code: DiagnosticCode, args: DiagnosticArgs = {}, pos = { line: 0, column: 0 }) => {
    diagnostics.push(makeDiagnostic(code, { file, ...pos, path: '' }, args));
    return source;
  };

  if (byteLength > MAX_SOURCE_BYTES) return fail('SC001', { size: byteLength, limit: MAX_SOURCE_BYTES });
  if (looksBinary(text)) return fail('SC002');
  if (onlyComments(text)) return fail('SC003');

  // Fast path: a plain document's value, positions later (and only if a diagnostic needs them).
  // (fastParse bounds its own nesting, measures the depth as valueDepth does, and refuses a
  // document deeper than MAX_DEPTH, which then goes the slow way and is refused below.)
  const plain = options.fastPath === false ? undefined : plainEvents(text, MAX_DEPTH);
  const fast = plain && valueOfEvents(text, plain);
  if (fast !== undefined) {
    lazy = true;
    events = plain;
    source.value = fast;
    return source;
  }

  if (nestingDepth(text, MAX_DEPTH) > MAX_DEPTH) return fail('SC008', { limit: MAX_DEPTH }, { line: 1, column: 1 });

  try {
    // Duplicate keys are found by our own linear pass (the parser's check is quadratic in map size).
    doc = parseDocument(text, parseOptions(lines));
  } catch (e) {
    if (e instanceof RangeError) return fail('SC008', { limit: MAX_DEPTH });
    throw e;
  }
  if (doc.errors.some((e) => /call stack|stack overflow/i.test(e.message))) return fail('SC008', { limit: MAX_DEPTH }, { line: 1, column: 1 });
  const linesWithError = new Set<number>();
  for (const err of doc.errors) {
    if (diagnostics.length >= MAX_REPORTED_YAML_ERRORS) break;
    const code = YAML_CODE_MAP[err.code] ?? 'SC004';
    const pos = posOf(err.pos[0]);
    if (linesWithError.has(pos.line)) continue; // one error per line: the first says what is wrong
    linesWithError.add(pos.line);
    // The parser's own words (English) are passed on as they are; our own cases are named.
    // An indentation error names both columns, when they differ (else something else, say an unclosed bracket, is at fault).
    const measured = err.code === 'BAD_INDENT' ? indentation(text, lines, pos.line) : undefined;
    const indent = measured && measured.column !== measured.above ? measured : undefined;
    const args: DiagnosticArgs =
      err.code === 'MULTIPLE_DOCS'
        ? { problem: 'multiple-documents' }
        : indent
          ? { problem: 'indent', column: indent.column, above: indent.above }
          : { detail: err.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '') };
    diagnostics.push(makeDiagnostic(code, { file, line: pos.line, column: indent ? indent.column : pos.column, path: '' }, args));
  }
  const parsed = doc;
  if (!diagnostics.length) findDuplicateKeys(parsed, (key, offset, first) => diagnostics.push(makeDiagnostic('SC006', { file, ...posOf(offset), path: '' }, { key, first: posOf(first).line })));
  // Duplicate keys still leave a readable document (the last one counts), which the compiler
  // checks on, so that the trainer sees every other problem too.
  if (diagnostics.some((d) => d.code !== 'SC006')) return source;

  try {
    value = parsed.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (e) {
    if (e instanceof RangeError) return fail('SC008', { limit: MAX_DEPTH });
    const unresolved = /unresolved alias.*?:\s*(\S+)/i.exec(String(e));
    if (unresolved) {
      const name = unresolved[1]!;
      const at = text.search(new RegExp(`\\*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
      return fail('SC004', { problem: 'unresolved-alias', alias: name }, at >= 0 ? posOf(at) : { line: 1, column: 1 });
    }
    if (e instanceof ReferenceError || /alias/i.test(String(e))) return fail('SC007', { limit: MAX_ALIAS_EXPANSIONS }, { line: 1, column: 1 });
    throw e;
  }
  if (valueDepth(value, MAX_DEPTH) > MAX_DEPTH) return fail('SC008', { limit: MAX_DEPTH }, { line: 1, column: 1 });
  if (value === null || value === undefined) return fail('SC003');
  source.value = value;
  return source;
}

/**
 * Where a badly indented line starts and where the nearest line above it with content starts
 * (1-based columns); undefined when the line is not indented with spaces.
 */
function indentation(text: string, lines: LineCounter, line: number): { column: number; above: number } | undefined {
  const starts = lines.lineStarts;
  const lineText = (n: number) => text.slice(starts[n - 1], n < starts.length ? starts[n]! - 1 : text.length);
  const lead = (t: string) => t.length - t.trimStart().length;
  const own = lineText(line);
  if (!own.startsWith(' ') || own.trim() === '') return undefined;
  for (let n = line - 1; n >= 1; n--) {
    const t = lineText(n);
    if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
    return { column: lead(own) + 1, above: lead(t) + 1 };
  }
  return undefined;
}

/** Reports every key that appears twice in one map (with where it first appeared), in one pass over the document. */
function findDuplicateKeys(doc: Document.Parsed, report: (key: string, offset: number, first: number) => void) {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first !== undefined) report(key, offset, first);
        else seen.set(key, offset);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
}

/**
 * The document path of the innermost map or list entry around `offset` (for a blank line between
 * two entries: the collection holding them).
 */
export function pathAt(src: SourceDocument, offset: number): DocPath {
  const doc = src.doc;
  const path: (string | number)[] = [];
  let node: unknown = doc?.contents;
  const inside = (r: readonly number[] | undefined | null, end = r?.[2]) => !!r && r[0]! <= offset && offset <= end!;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = (p.key as Node | null)?.range;
        const v = (p.value as Node | null)?.range;
        return !!k && k[0] <= offset && offset <= (v?.[2] ?? k[2]);
      });
      if (!pair) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => inside((item as Node | null)?.range));
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return path;
}

function findRange(doc: Document.Parsed, path: DocPath, key: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === String(seg));
      if (!pair) return best;
      if (last && key) return rangeStart(pair.key) ?? best;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else return best;
    best = rangeStart(node) ?? best;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
