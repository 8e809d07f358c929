import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn, nestingBeyond } from './json-text';

const parses = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

// JSON-ish text: valid documents, then cut, spliced and sprinkled with the characters that matter.
const jsonish = fc.oneof(
  fc.json(),
  fc.tuple(fc.json(), fc.nat(), fc.nat(), fc.constantFrom('', '"', '\\', ',', ':', '}', ']', '{', '[', '-', '0', '.', 'e', 'tru', ' ', '\n', '\u0001', '\\u12', '\\x'))
    .map(([s, at, len, insert]) => s.slice(0, at % (s.length + 1)) + insert + s.slice((at % (s.length + 1)) + (len % 3))),
  fc.string({ unit: fc.constantFrom(...'{}[]":,0123456789-+.eEtrufalsn \\u\n') }),
);

describe('locating the error in JSON text', () => {
  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(jsonish, (s) => {
        expect(jsonErrorOffset(s) === -1).toBe(parses(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the first bad character, or the end when the text stops early', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru')).toBe(9);
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset('{"a": "unterminated')).toBe(19);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('')).toBe(0);
  });

  it('never recurses, so a very deep document is no danger', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(jsonErrorOffset(deep)).toBe(-1);
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
  });

  it('reports lines and columns from 1', () => {
    const text = '{\n  "a": 1,\n  oops\n}';
    expect(lineColumn(text, jsonErrorOffset(text))).toEqual({ line: 3, column: 3 });
    expect(lineColumn('x', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('nesting depth', () => {
  it('finds the bracket that goes past the limit, ignoring brackets inside strings', () => {
    expect(nestingBeyond('[[[]]]', 3)).toBe(-1);
    expect(nestingBeyond('[[[[]]]]', 3)).toBe(3);
    expect(nestingBeyond('{"a": "[[[[[[", "b": {"c": []}}', 3)).toBe(-1);
    expect(nestingBeyond('{"a": "\\"[[[[", "b": [[[]]]}', 3)).toBe(23);
    expect(nestingBeyond('["\\\\", [[[]]]]', 3)).toBe(9);
  });

  it('matches the depth of any JSON value', () => {
    const depth = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(8), (v, limit) => {
        expect(nestingBeyond(JSON.stringify(v), limit) === -1).toBe(depth(v) <= limit);
      }),
      { numRuns: 500 },
    );
  });

  it('scans 100,000 levels without a stack', () => {
    expect(nestingBeyond('['.repeat(100_000), 64)).toBe(64);
  });
});
