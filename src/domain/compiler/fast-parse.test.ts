/// <reference types="vite/client" />
/**
 * The fast path (fast-parse.ts) must be invisible: for every input it accepts, the slow path
 * (`yaml`, as readSource calls it) reports nothing and reads the same value; everything unusual
 * falls back to the slow path, whose diagnostics are the precise ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
// A test may use the CLI's template: it is the known-valid scenario a trainer starts from.
import { scenarioTemplate } from '../scenario/template';
import { compileScenario } from './compile';
import { fastParse } from './fast-parse';
import { MAX_DEPTH, readSource } from './source-document';

// Read by Vite as raw text (byte for byte), so the domain needs no Node built-ins.
const raw = (files: Record<string, string>) => Object.entries(files).map(([path, text]) => ({ name: path.slice(path.indexOf('/', 9) + 1), text }));
const LIBRARY = raw(import.meta.glob<string>('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }));
const FIXTURES = raw(import.meta.glob<string>('../../../test/fixtures/**/*.yaml', { query: '?raw', import: 'default', eager: true }));
const TEMPLATES = [
  { name: 'template (en)', text: scenarioTemplate('fast-en', 'en') },
  { name: 'template (zh-CN)', text: scenarioTemplate('fast-zh', 'zh-CN') },
];

const fast = (text: string) => fastParse(text, MAX_DEPTH);
const slow = (text: string) => readSource('x.yaml', text, undefined, { fastPath: false });

/** Every path into `value`, and past its leaves and to keys it does not have (placed at the nearest ancestor). */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...path, i], out));
    out.push([...path, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
    out.push([...path, 'no-such-key']);
  } else out.push([...path, 0]);
  return out;
}

/** Both readings place every node and every key of the value at the same line and column. */
function expectSamePlaces(a: ReturnType<typeof readSource>, b: ReturnType<typeof readSource>) {
  for (const path of pathsOf(b.value)) {
    expect(a.locate(path), JSON.stringify(path)).toEqual(b.locate(path));
    expect(a.locate(path, true), JSON.stringify(path)).toEqual(b.locate(path, true));
  }
}

/** The contract: when the fast path answers, the slow path finds no problem and the same value. */
function expectSameAsSlow(text: string): boolean {
  const value = fast(text);
  if (value === undefined) return false;
  const reference = slow(text);
  expect(reference.diagnostics, JSON.stringify(text).slice(0, 200)).toEqual([]);
  expect(value, JSON.stringify(text).slice(0, 200)).toStrictEqual(reference.value);
  return true;
}

describe('fast path and slow path agree on every scenario file', () => {
  it('found the files', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(3);
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30);
  });

  it.each([...LIBRARY, ...TEMPLATES])('$name is read the fast way, to the same value', ({ text }) => {
    expect(expectSameAsSlow(text)).toBe(true);
  });

  it.each(FIXTURES)('$name: the same value, or the slow path', ({ text }) => {
    expectSameAsSlow(text);
  });

  it.each([...LIBRARY, ...FIXTURES, ...TEMPLATES])('$name: readSource answers the same both ways, positions included', ({ text }) => {
    const a = readSource('x.yaml', text);
    const b = slow(text);
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(a.value).toStrictEqual(b.value);
    // On the fast path, positions come from the tree of the parser's events, built on first use:
    // every node and every key is placed as the positioned document places it.
    expectSamePlaces(a, b);
    expect(a.at('SC011', ['customer'], { where: 'x', detail: 'y' })).toEqual(b.at('SC011', ['customer'], { where: 'x', detail: 'y' }));
  });

  it('the positioned document is still there on the fast path, built when first asked for', () => {
    const text = scenarioTemplate('fast-doc', 'en');
    const src = readSource('x.yaml', text);
    expect(src.diagnostics).toEqual([]);
    expect(src.doc).not.toBeNull();
    expect(src.doc!.errors).toEqual([]);
    expect(src.doc!.toJS()).toStrictEqual(src.value);
  });

  it('a file with diagnostics gets the same positions by either path', () => {
    const text = scenarioTemplate('fast-pos', 'en').replace('minutes: 10', 'minutes: 10\nminuets: 12');
    expect(fast(text)).toBeDefined();
    const viaFast = compileScenario(text, 'x.yaml');
    expect(viaFast.diagnostics.map((d) => d.code)).toEqual(['SC009']);
    const line = text.split('\n').indexOf('minuets: 12') + 1;
    expect(viaFast.diagnostics[0]).toMatchObject({ line, column: 1, path: 'minuets' });
  });
});

describe('scalars resolve as in the YAML 1.2 core schema of `yaml`', () => {
  const scalars = [
    'yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'tRUE',
    '~', 'null', 'Null', 'NULL', 'nULL', '', '0o17', '0O17', '0x1F', '0X1F', '-0x1F', '+0x1F', '0b101', '017', '0017', '-0', '+5', '1_000',
    '12:30', '2001-01-01', '1.', '.5', '-.5', '1.50', '1e3', '1E-3', '1e999', '-1e999', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', '-.nan',
    '9007199254740993', '0.1e', '1.2.3', '=', '<<', '"1"', "'true'", '"~"',
  ];
  it.each(scalars)('%s', (scalar) => {
    const text = `value: ${scalar}\nlist: [${scalar}]\n`;
    expect(expectSameAsSlow(text)).toBe(true);
  });

  it('yes/no/on/off stay strings, numbers and booleans are typed', () => {
    expect(fast('a: yes\nb: no\nc: on\nd: off\ne: 0o17\nf: .inf\ng: ~\nh: true\ni: 0x1F\n')).toStrictEqual({
      a: 'yes', b: 'no', c: 'on', d: 'off', e: 15, f: Number.POSITIVE_INFINITY, g: null, h: true, i: 31,
    });
  });

  it('"<<" is a plain key, as YAML 1.2 has no merge keys', () => {
    expect(expectSameAsSlow('<<: { a: 1 }\nb: 2\n')).toBe(true);
    expect(fast('<<: { a: 1 }\nb: 2\n')).toStrictEqual({ '<<': { a: 1 }, b: 2 });
  });

  it('number and boolean keys become strings; "__proto__" and "constructor" are plain keys', () => {
    expect(expectSameAsSlow('1: a\n0x10: b\ntrue: c\n1.50: d\n')).toBe(true);
    const value = fast('__proto__: 1\nconstructor: 2\ntoString: 3\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(expectSameAsSlow('__proto__: 1\nconstructor: 2\ntoString: 3\n')).toBe(true);
  });
});

describe('anything unusual takes the slow path', () => {
  it.each([
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['an alias to nothing', 'a: *nowhere\n'],
    ['a merge key', 'base: &b { x: 1 }\nc:\n  <<: *b\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !thing 1\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['a duplicate key in a flow map', 'a: { x: 1, x: 2 }\n'],
    ['a duplicate key spelled two ways', '1: a\n"1": b\n'],
    ['a tab in the indentation', 'a:\n\tb: 1\n'],
    ['a tab after a colon', 'a:\t1\n'],
    ['a syntax error', 'a: [1, 2\nb: 3\n'],
    ['an unterminated quote', 'a: "open\nb: 1\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a quoted text continued at a lower indentation', 'a:\n  b: "one\ntwo"\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['an indented document marker', '  ---\nno: b\n'],
    ['a null key', '~: 1\nb: 2\n'],
    ['an empty key', ': 1\nb: 2\n'],
    ['a list as a key', '? [a, b]\n: 1\n'],
    ['a map as a key', '? { a: 1 }\n: 1\n'],
    ['a key longer than YAML allows', `${'k'.repeat(2000)}: 1\n`],
    ['a multi-line key', '"a\n b": 1\n'],
    ['a byte-order mark', '\ufeffa: 1\n'],
    ['a lone CR line break', 'a: 1\rb: 2\n'],
    ['an explicit indentation indicator', 'a: |2\n   x\n'],
    ['a kept block scalar ending in spaces', 'a: |+\n\n  '],
    ['a scalar at the top level', 'just text\n'],
    ['a number at the top level', '42\n'],
    ['null at the top level', 'null\n'],
    ['an empty document', '---\n'],
    ['nesting deeper than the limit', `a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`],
  ])('%s', (_, text) => {
    expect(fast(text)).toBeUndefined();
  });

  it('within the depth limit is fast', () => {
    expect(fast(`a: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`)).toBeDefined();
  });

  it('a leading document marker and Windows line endings are fine', () => {
    const text = scenarioTemplate('fast-crlf', 'en');
    expect(expectSameAsSlow(`---\n${text}`)).toBe(true);
    expect(expectSameAsSlow(text.replace(/\n/g, '\r\n'))).toBe(true);
  });

  it('the slow path gives the precise diagnostics for what the fast path refuses', () => {
    const template = scenarioTemplate('fast-fallback', 'en');
    const duplicate = template.replace('minutes: 10', 'minutes: 10\nminutes: 20');
    expect(compileScenario(duplicate).diagnostics.map((d) => d.code)).toEqual(['SC006']);
    const tab = template.replace('\n  rhythm:', '\n\trhythm:');
    expect(compileScenario(tab).diagnostics.map((d) => d.code)).toContain('SC005');
    expect(compileScenario('a: [1, 2\nb: 3\n').diagnostics.map((d) => d.code)).toContain('SC004');
  });
});

describe('properties: whenever the fast path answers, it answers as the slow path', () => {
  const styles: YAML.ToStringOptions[] = [
    {},
    { lineWidth: 20, minContentWidth: 5 },
    { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 15 },
    { defaultStringType: 'QUOTE_SINGLE', lineWidth: 15 },
    { blockQuote: 'folded', lineWidth: 20 },
    { blockQuote: 'literal' },
    { collectionStyle: 'flow', lineWidth: 20 },
    { indent: 4, indentSeq: false },
  ];

  it('random values written in every YAML style', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(styles.length - 1), (value, style) => {
        const text = YAML.stringify(value, styles[style]);
        if (expectSameAsSlow(text)) expectSamePlaces(readSource('x.yaml', text), slow(text));
        expectSameAsSlow(text.replace(/\n/g, '\r\n'));
      }),
      { numRuns: 400 },
    );
  });

  it('random texts with line breaks, quotes and indentation', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '  ', '\n', '\n\n', ' \n', ':', '#', '-', '"', "'", '\\', '中'), maxLength: 40 });
    const key = fc.stringMatching(/^[a-z][a-z-]{0,5}$/);
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.dictionary(key, text))), fc.nat(styles.length - 1), (value, style) => {
        expectSameAsSlow(YAML.stringify(value, styles[style]));
      }),
      { numRuns: 400 },
    );
  });

  it('random sequences of YAML tokens', () => {
    const token = fc.constantFrom(
      ' ', '  ', '\n', '\n  ', '\r\n', '\t', '-', '- ', ':', ': ', '? ', ',', '[', ']', '{', '}', '"', "'", '#', ' #c', '|', '>', '|-', '>+', '|2',
      '&a ', '*a', '!!str ', '%', '---', '...', ' ---', '~', 'null', 'true', 'yes', '1', '0x1f', '0o17', '1e999', '.nan', 'a', 'k', 'a: b', '中', '\ufeff', '\\n',
    );
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }), (tokens) => void expectSameAsSlow(tokens.join(''))), { numRuns: 3000 });
  });

  it('small edits of a valid scenario', () => {
    const template = scenarioTemplate('fast-edit', 'en');
    const lines = template.split('\n');
    const edit = fc.constantFrom('"', "'", ':', ': ', '- ', '#', '{', '}', '[', ']', ',', '|', '>', '\n', '\n  ', ' ', '  ', '', '---', '&x ', '*x', '? ');
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(80), edit, fc.boolean(), (line, column, insert, remove) => {
        const copy = [...lines];
        const l = copy[line]!;
        const at = Math.min(column, l.length);
        copy[line] = l.slice(0, at) + insert + l.slice(remove ? at + 1 : at);
        expectSameAsSlow(copy.join('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
