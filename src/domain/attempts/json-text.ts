/**
 * Checks on JSON text that `JSON.parse` does not make for us, all without recursion so hostile input
 * cannot overflow the stack: how deeply it nests (checked before parsing, since a very deep document
 * can crash a recursive consumer later), and where exactly a document that fails to parse goes wrong
 * (engines word and position their errors differently; Safari gives no position at all).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Scans brackets outside strings and returns the offset of the first `[` or `{` that opens level
 * `limit + 1`, or -1 when the text never nests deeper than `limit`. Strings are skipped with
 * `indexOf`, so a document that is mostly one long string (an embedded scenario) scans quickly.
 */
export function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) return -1; // unterminated: the parser reports it
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** The offset of the quote that closes the string opening at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let j = open + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const ESCAPABLE = new Set([...'"\\/bfnrtu'].map((ch) => ch.charCodeAt(0)));

/**
 * The offset of the first character where `text` stops being valid JSON (RFC 8259), `text.length`
 * when it ends too early, or -1 when it is valid. Agrees with `JSON.parse` on what is valid.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: number[] = []; // 0 = array, 1 = object
  let i = 0;
  const ws = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  /** Reads a string starting at i (a quote); returns -1 on success (i past it) or the error offset. */
  const string = (): number => {
    for (let j = i + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        i = j + 1;
        return -1;
      }
      if (c < 0x20) return j;
      if (c === BACKSLASH) {
        if (j + 1 >= n) return n;
        const e = text.charCodeAt(++j);
        if (!ESCAPABLE.has(e)) return j;
        if (e === 0x75) {
          for (let h = 1; h <= 4; h++) {
            if (j + h >= n) return n;
            if (!isHex(text.charCodeAt(j + h))) return j + h;
          }
          j += 4;
        }
      }
    }
    return n;
  };
  const digits = (): number => {
    if (i >= n) return n;
    if (!isDigit(text.charCodeAt(i))) return i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    return -1;
  };
  const number = (): number => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (i >= n) return n;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (digits() >= 0) return i >= n ? n : i;
    if (i < n && text.charCodeAt(i) === 0x2e) {
      i++;
      const e = digits();
      if (e >= 0) return e;
    }
    if (i < n && (text.charCodeAt(i) | 0x20) === 0x65) {
      i++;
      if (i < n && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) i++;
      const e = digits();
      if (e >= 0) return e;
    }
    return -1;
  };
  const literal = (word: string): number => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= n) return n;
      if (text.charCodeAt(i) !== word.charCodeAt(k)) return i;
    }
    return -1;
  };

  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      if (i >= n) return n;
      const c = text.charCodeAt(i);
      let err = -1;
      if (c === 0x7b || c === 0x5b) {
        i++;
        ws();
        const close = c === 0x7b ? 0x7d : 0x5d;
        if (i < n && text.charCodeAt(i) === close) i++;
        else {
          stack.push(c === 0x7b ? 1 : 0);
          if (c === 0x7b && (err = key()) >= 0) return err;
          continue;
        }
      } else if (c === QUOTE) err = string();
      else if (c === 0x2d || isDigit(c)) err = number();
      else if (c === 0x74) err = literal('true');
      else if (c === 0x66) err = literal('false');
      else if (c === 0x6e) err = literal('null');
      else return i;
      if (err >= 0) return err;
      expectValue = false;
      continue;
    }
    // After a value: the end, a comma or the container's closing bracket.
    if (!stack.length) return i < n ? i : -1;
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    const inObject = stack[stack.length - 1] === 1;
    if (c === 0x2c) {
      i++;
      if (inObject) {
        ws();
        const err = key();
        if (err >= 0) return err;
      }
      expectValue = true;
    } else if (c === (inObject ? 0x7d : 0x5d)) {
      i++;
      stack.pop();
    } else return i;
  }

  /** An object member's key and colon, leaving i at its value. */
  function key(): number {
    if (i >= n) return n;
    if (text.charCodeAt(i) !== QUOTE) return i;
    const err = string();
    if (err >= 0) return err;
    ws();
    if (i >= n) return n;
    if (text.charCodeAt(i) !== 0x3a) return i;
    i++;
    expectValue = true;
    return -1;
  }
}

/** 1-based line and column (in UTF-16 code units) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
