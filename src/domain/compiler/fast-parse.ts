/**
 * A fast path for reading scenario YAML: js-yaml (a conformant YAML 1.2 parser, several times
 * faster than `yaml`'s positioned documents) parses the plain value, with scalars resolved exactly
 * as `yaml`'s core schema resolves them. It only answers for plain, well-formed documents; for
 * anything unusual (anchors, aliases, tags, directives, tabs, several documents, complex or null
 * keys, a byte-order mark, lone CR line breaks, any parse error) it answers `undefined`, and
 * readSource takes the slow path through `yaml`, whose errors are positioned diagnostics.
 *
 * Contract (tested in fast-parse.test.ts on every scenario and fixture, and on generated input):
 * whenever `fastParse` returns a value, `yaml`'s parseDocument (as readSource calls it) reports no
 * error and no duplicate key, and its `toJS()` is deep-equal to that value.
 */
import {
  defineMappingTag,
  defineScalarTag,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  NOT_RESOLVED,
  parseEvents,
  constructFromEvents,
  Schema,
  seqTag,
  strTag,
  type Event,
} from 'js-yaml';

// --- the `yaml` package's core schema (yaml/dist/schema/core), resolver for resolver ---------------

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const loadOnly = () => false;

const nullTag = defineScalarTag<null>('tag:yaml.org,2002:null', {
  implicit: true,
  implicitFirstChars: ['', '~', 'n', 'N'],
  resolve: (s) => (NULL.test(s) ? null : NOT_RESOLVED),
  identify: loadOnly,
});

const boolTag = defineScalarTag<boolean>('tag:yaml.org,2002:bool', {
  implicit: true,
  implicitFirstChars: ['t', 'T', 'f', 'F'],
  resolve: (s) => (BOOL.test(s) ? s[0] === 't' || s[0] === 'T' : NOT_RESOLVED),
  identify: loadOnly,
});

const intTag = defineScalarTag<number>('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: ['-', '+', ...'0123456789'],
  resolve: (s) => {
    if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
    return NOT_RESOLVED;
  },
  identify: loadOnly,
});

const floatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...'0123456789'],
  resolve: (s) => {
    if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
    return NOT_RESOLVED;
  },
  identify: loadOnly,
});

/**
 * Maps as plain objects, keyed like `yaml`'s toJS: a string, number or boolean key becomes
 * `String(key)`. A null key (which `yaml` turns into "") or a collection key (which `yaml`
 * stringifies as YAML) is refused, so the document goes the slow way.
 */
const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') return 'only scalar keys take the fast path';
    const k = String(key);
    if (k === '__proto__') Object.defineProperty(map, k, { value, enumerable: true, configurable: true, writable: true });
    else map[k] = value;
    return '';
  },
  has: (map, key) => Object.hasOwn(map, String(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[String(key)],
  identify: loadOnly,
});

const SCHEMA = new Schema([strTag, seqTag, mapTag, nullTag, boolTag, intTag, floatTag]);

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Text features that send a document the slow way before any parsing: where the two parsers are
 * known to differ, or where the slow path's diagnostics are wanted.
 */
function plainText(text: string): boolean {
  if (text.includes('\t') || text.includes('\ufeff')) return false;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  if (text.charCodeAt(0) === 37 /* % */ || text.includes('\n%')) return false;
  // Document markers, also indented ones: only a leading "---" line is taken the fast way.
  const body = text.startsWith('---\n') ? 4 : text.startsWith('---\r\n') ? 5 : 0;
  for (const marker of ['---', '...']) {
    for (let i = text.indexOf(marker, body); i >= 0; i = text.indexOf(marker, i + 3)) {
      let j = i - 1;
      while (j >= 0 && text.charCodeAt(j) === 32) j--;
      if (j < 0 || text.charCodeAt(j) === 10) return false;
    }
  }
  // Block scalars with an explicit indentation indicator (|2, >1-, |+2).
  for (const indicator of ['|', '>']) {
    for (let i = text.indexOf(indicator); i >= 0; i = text.indexOf(indicator, i + 1)) {
      const next = text.charCodeAt(i + 1);
      if (isDigit(next) || ((next === 43 || next === 45) /* + - */ && isDigit(text.charCodeAt(i + 2)))) return false;
    }
  }
  // A last line of spaces without a line break (kept by "|+" differently).
  const last = text.slice(text.lastIndexOf('\n') + 1);
  return last === '' || last.trim() !== '';
}

/** Longest mapping key taken the fast way (`yaml` refuses implicit keys over 1024 characters). */
const MAX_KEY_SOURCE = 256;

/**
 * Checks the event stream: one document, no directives, no anchor, alias or tag anywhere, and every
 * mapping key a short one-line scalar. Returns the deepest collection nesting (the top-level map
 * or list is depth 1, as in readSource's valueDepth), or -1 when the document must go the slow way.
 */
function plainDepth(text: string, events: Event[]): number {
  let documents = 0;
  let depth = 0;
  // Per open container: -1 for a sequence or the document, else the number of mapping events so far.
  const open: number[] = [];
  for (const e of events) {
    const top = open.length - 1;
    const isKey = top >= 0 && open[top]! >= 0 && open[top]! % 2 === 0;
    if (e.type === EVENT_POP) {
      open.pop();
      continue;
    }
    if (top >= 0 && open[top]! >= 0) open[top]!++;
    if (e.type === EVENT_DOCUMENT) {
      if (++documents > 1 || e.directives.length) return -1;
      open.push(-1);
    } else if (e.type === EVENT_ALIAS) return -1;
    else {
      if (e.anchorStart !== -1 || e.tagStart !== -1) return -1;
      if (e.type === EVENT_SCALAR) {
        if (isKey) {
          if (e.valueEnd - e.valueStart > MAX_KEY_SOURCE) return -1;
          const lineBreak = text.indexOf('\n', e.valueStart);
          if (lineBreak !== -1 && lineBreak < e.valueEnd) return -1;
        }
      } else {
        if (isKey) return -1;
        open.push(e.type === EVENT_MAPPING ? 0 : -1);
        if (open.length - 1 > depth) depth = open.length - 1;
      }
    }
  }
  return documents === 1 ? depth : -1;
}

/**
 * The parser's events for `text` when it is a plain, valid YAML document (one document, no anchor,
 * alias, tag or directive, short one-line keys) nested at most `maxDepth` collections deep; else
 * `undefined`. Offsets in the events index `text`. Never throws.
 */
export function plainEvents(text: string, maxDepth: number): Event[] | undefined {
  // The same text is often read twice in a row (the workshop compiles it, then outlines it).
  if (last && last.text === text && last.maxDepth === maxDepth) return last.events;
  let events: Event[] | undefined;
  if (plainText(text)) {
    try {
      const parsed = parseEvents(text, { maxDepth: maxDepth + 1 });
      const depth = plainDepth(text, parsed);
      events = depth < 0 || depth > maxDepth ? undefined : parsed;
    } catch {
      events = undefined;
    }
  }
  last = { text, maxDepth, events };
  return events;
}
/** The last text read by `plainEvents`, and what it gave (events are never changed by their readers). */
let last: { text: string; maxDepth: number; events: Event[] | undefined } | null = null;

/** A plain (unquoted) scalar's value as `yaml`'s core schema resolves it: null, a boolean, a number or the text. */
export function resolvePlain(s: string): unknown {
  for (const tag of [nullTag, boolTag, intTag, floatTag]) {
    const v: unknown = tag.resolve(s, false, tag.tagName);
    if (v !== NOT_RESOLVED) return v;
  }
  return s;
}

/**
 * The plain value of `text` when it is a plain, valid YAML document whose top level is a map or a
 * list, nested at most `maxDepth` collections deep; `undefined` when the slow path must decide.
 * Never throws.
 */
export function fastParse(text: string, maxDepth: number): object | undefined {
  const events = plainEvents(text, maxDepth);
  return events && valueOfEvents(text, events);
}

/** The plain value of a plain document's events (from `plainEvents`), or `undefined`. Never throws. */
export function valueOfEvents(text: string, events: Event[]): object | undefined {
  try {
    const docs = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
    const value = docs[0];
    return docs.length === 1 && value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}
