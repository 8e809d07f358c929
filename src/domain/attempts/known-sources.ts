/**
 * A cohort's attempt files carry the same few scenario sources: 1,000 files of one course embed the
 * same scenario 1,000 times, and decoding and parsing that text is most of the work of reading them.
 * `KnownSources` remembers the bytes of each source as a file wrote it (the JSON string, quotes
 * included) and the text they decode to. A later file whose bytes hold exactly the same string in
 * its `source` field is read with that string cut out: only the rest is decoded and parsed, and
 * the remembered text is put back. Identical bytes decode to the identical text, and the string was
 * valid JSON when it was first read, so the result is what reading the whole file would give; the
 * cut is made only where the parse confirms it was the scenario's `source` and nothing else.
 */

/** The value put where the source was cut out: a string no real file holds in its place. */
export const CUT_SOURCE = '\u0000ltc-source-cut';
const CUT_JSON = new TextEncoder().encode(JSON.stringify(CUT_SOURCE));
const KEY = new TextEncoder().encode('"source"');

interface Known {
  /** The source as a JSON string in the file's bytes, quotes included. */
  token: Uint8Array;
  text: string;
  /** The token copied at each of the 8 byte alignments, to compare 8 bytes at a time. */
  aligned: (Uint8Array | undefined)[];
}

/** Where the value of a `"source":` key starts in `bytes` (its opening quote), from `from` on; -1 if none. */
function sourceValueAt(bytes: Uint8Array, from: number): number {
  outer: for (let i = bytes.indexOf(KEY[0]!, from); i >= 0 && i + KEY.length < bytes.length; i = bytes.indexOf(KEY[0]!, i + 1)) {
    for (let k = 1; k < KEY.length; k++) if (bytes[i + k] !== KEY[k]) continue outer;
    // Inside another string the key's quotes would be escaped.
    if (i > 0 && bytes[i - 1] === 0x5c) continue;
    let j = i + KEY.length;
    while (j < bytes.length && (bytes[j] === 0x20 || bytes[j] === 0x0a || bytes[j] === 0x0d || bytes[j] === 0x09)) j++;
    if (bytes[j] !== 0x3a) continue;
    j++;
    while (j < bytes.length && (bytes[j] === 0x20 || bytes[j] === 0x0a || bytes[j] === 0x0d || bytes[j] === 0x09)) j++;
    if (bytes[j] === 0x22) return j;
  }
  return -1;
}

/**
 * Whether `a` holds `known.token` at `at`: eight bytes at a time where both line up, read as float64
 * (the fastest compare there is here). That is exact: a JSON string's bytes hold no control
 * characters, so no eight of the token read as ±0 (the one case where unequal bits compare equal);
 * eight that read as NaN never compare equal, and the file is then only read the slow way.
 */
function holdsToken(a: Uint8Array, at: number, known: Known): boolean {
  const n = known.token.length;
  if (at + n > a.length) return false;
  const start = a.byteOffset + at;
  const align = start % 8;
  let b = known.aligned[align];
  if (!b) {
    b = new Uint8Array(new ArrayBuffer(n + 16), align, n);
    b.set(known.token);
    known.aligned[align] = b;
  }
  const head = Math.min(n, (8 - align) % 8);
  for (let i = 0; i < head; i++) if (a[at + i] !== b[i]) return false;
  const words = Math.floor((n - head) / 8);
  if (words) {
    const wa = new Float64Array(a.buffer, start + head, words);
    const wb = new Float64Array(b.buffer, b.byteOffset + head, words);
    const unrolled = words & ~3;
    let i = 0;
    for (; i < unrolled; i += 4) if (wa[i] !== wb[i] || wa[i + 1] !== wb[i + 1] || wa[i + 2] !== wb[i + 2] || wa[i + 3] !== wb[i + 3]) return false;
    for (; i < words; i++) if (wa[i] !== wb[i]) return false;
  }
  for (let i = head + words * 8; i < n; i++) if (a[at + i] !== b[i]) return false;
  return true;
}

export class KnownSources {
  private entries: Known[] = [];
  constructor(private readonly max = 8) {}

  /**
   * `bytes` with a known source cut out (replaced by `CUT_SOURCE` as a JSON string) and the text to
   * put back; null when the file holds no known source where one is looked for.
   */
  cut(bytes: Uint8Array): { rest: Uint8Array; text: string } | null {
    if (!this.entries.length) return null;
    for (let at = sourceValueAt(bytes, 0); at >= 0; at = sourceValueAt(bytes, at + 1)) {
      for (const known of this.entries) {
        if (!holdsToken(bytes, at, known)) continue;
        const rest = new Uint8Array(bytes.length - known.token.length + CUT_JSON.length);
        rest.set(bytes.subarray(0, at), 0);
        rest.set(CUT_JSON, at);
        rest.set(bytes.subarray(at + known.token.length), at + CUT_JSON.length);
        return { rest, text: known.text };
      }
    }
    return null;
  }

  /** Remembers the source `text` as `bytes` wrote it, when it is there as the value of a `source` key. */
  learn(bytes: Uint8Array, text: string, decode: (b: Uint8Array) => string) {
    if (this.entries.some((k) => k.text === text)) return;
    for (let at = sourceValueAt(bytes, 0); at >= 0; at = sourceValueAt(bytes, at + 1)) {
      const end = closingQuote(bytes, at);
      if (end < 0) return;
      const token = bytes.slice(at, end + 1);
      let value: unknown;
      try {
        value = JSON.parse(decode(token));
      } catch {
        continue;
      }
      if (value !== text) continue;
      this.entries.unshift({ token, text, aligned: [] });
      if (this.entries.length > this.max) this.entries.pop();
      return;
    }
  }
}

/** The offset of the quote that closes the JSON string opening at `open`, or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  for (let j = bytes.indexOf(0x22, open + 1); j >= 0; j = bytes.indexOf(0x22, j + 1)) {
    let backslashes = 0;
    for (let k = j - 1; bytes[k] === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
  return -1;
}

/**
 * Whether `CUT_SOURCE` is in `value` exactly once, as `scenario.source` (checked without
 * recursion). Anything else means the cut was not the scenario's source: read the file whole.
 */
export function cutIsTheSource(value: unknown): boolean {
  const scenario = (value as { scenario?: { source?: unknown } } | null)?.scenario;
  if (!scenario || scenario.source !== CUT_SOURCE) return false;
  let seen = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === CUT_SOURCE) seen++;
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === CUT_SOURCE) return false;
        stack.push(child);
      }
    }
  }
  return seen === 1;
}
