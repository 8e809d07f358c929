/// <reference types="node" />
/**
 * Hostile and broken input: whatever the bytes, `compileScenario` must answer with diagnostics
 * (never an exception, never SC000 "internal error") and must finish. No test here measures time;
 * the two inputs that could block the event loop for ever are compiled in a child process with a
 * generous limit, so that a regression fails the test instead of hanging the whole run.
 */
// The hang guard below needs a child process; this test only ever runs under Node.
// eslint-disable-next-line no-restricted-imports
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
// A test may use the CLI's template: it is the known-valid scenario a trainer starts from.
import { scenarioTemplate } from '../scenario/template';
import { DIAGNOSTIC_CODES } from '../diagnostics/codes';
import { hasErrors } from '../diagnostics/diagnostic';
import { compileScenario, type CompileResult } from './compile';
import { MAX_ALIAS_EXPANSIONS, MAX_DEPTH, MAX_SOURCE_BYTES } from './source-document';

const template = scenarioTemplate('hostile', 'en');

/** Invariants every answer must satisfy, whatever the input. */
function expectSane(result: CompileResult, file: string): void {
  for (const d of result.diagnostics) {
    expect(d.code, d.message).not.toBe('SC000');
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
    expect(d.severity).toBe(DIAGNOSTIC_CODES[d.code].severity);
    expect(d.file).toBe(file);
    expect(Number.isInteger(d.line) && d.line >= 0).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 0).toBe(true);
    expect(typeof d.message === 'string' && d.message.length > 0).toBe(true);
  }
  // A model exactly when there is no error.
  expect(result.model !== undefined).toBe(!hasErrors(result.diagnostics));
}

function compile(text: string, byteLength?: number, file = 'hostile.yaml'): CompileResult {
  let result: CompileResult | undefined;
  expect(() => {
    result = compileScenario(text, file, byteLength);
  }).not.toThrow();
  expectSane(result!, file);
  return result!;
}

const codes = (r: CompileResult) => r.diagnostics.map((d) => d.code);
const codeSet = (r: CompileResult) => [...new Set(codes(r))].sort();

/** Deterministic pseudo-random bytes. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe('alias bombs', () => {
  const laughs = (levels: number, width: number) => {
    const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
    return lines.join('\n') + '\n';
  };

  it('"billion laughs" with nested anchors gives SC007', () => {
    const r = compile(laughs(9, 9));
    expect(codes(r)).toEqual(['SC007']);
    expect(r.diagnostics[0]!.args).toMatchObject({ limit: MAX_ALIAS_EXPANSIONS });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it('an alias bomb hidden in an otherwise valid scenario gives SC007', () => {
    const r = compile(template + laughs(7, 10).replace(/^l/gm, 'x-l'));
    expect(codes(r)).toEqual(['SC007']);
  });

  it('a few aliases are fine (no SC007)', () => {
    const text = replaceOnce(template, "author: ''", "author: &who Trainer\nx-note: *who");
    expect(codes(compile(text))).not.toContain('SC007');
  });

  it('an alias to an undefined anchor (a typo) is a syntax error at the alias, not "too many aliases"', () => {
    const r = compile('scenario: x\ntitle: *nowhere\n');
    expect(r.model).toBeUndefined();
    expect(codes(r)).not.toContain('SC007');
    expect(r.diagnostics[0]).toMatchObject({ code: 'SC004', line: 2 });
    expect(r.diagnostics[0]!.message).toContain('nowhere');
  });

  it('a self-referencing anchor does not loop', () => {
    const r = compile('scenario: &a [*a]\n');
    expect(r.model).toBeUndefined();
  });
});

describe('size', () => {
  it('a 20 MB file gives SC001 with the size passed in', () => {
    const text = template + `# ${'x'.repeat(20 * 1024 * 1024)}\n`;
    const byteLength = new TextEncoder().encode(text).length;
    const r = compile(text, byteLength);
    expect(codes(r)).toEqual(['SC001']);
    expect(r.diagnostics[0]!.args).toEqual({ size: byteLength, limit: MAX_SOURCE_BYTES });
    expect(r.diagnostics[0]!.line).toBe(0);
  });

  it('a 20 MB file gives SC001 without a byte length too', () => {
    expect(codes(compile(template + `# ${'x'.repeat(20 * 1024 * 1024)}\n`))).toEqual(['SC001']);
  });

  it('the byte length passed in is what counts (an empty text of 3 MB on disk)', () => {
    expect(codes(compile('', 3 * 1024 * 1024))).toEqual(['SC001']);
  });

  it('without a byte length, the limit is on UTF-8 bytes, not UTF-16 code units', () => {
    // 1.2 million Chinese characters: 3.6 MB of UTF-8, but only 1.2 million JavaScript characters.
    const text = replaceOnce(template, "author: ''", `author: "${'中'.repeat(1_200_000)}"`);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(MAX_SOURCE_BYTES);
    expect(codes(compile(text))).toEqual(['SC001']);
  });
});

describe('deep nesting', () => {
  const deep = 20_000;
  const expectTooDeep = (text: string) => {
    const r = compile(text);
    expect(codes(r)).toEqual(['SC008']);
    expect(r.diagnostics[0]!.args).toMatchObject({ limit: MAX_DEPTH });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
    expect(r.diagnostics[0]!.column).toBeGreaterThanOrEqual(1);
  };

  it(`${deep} flow sequences [[[…]]]`, () => expectTooDeep('['.repeat(deep) + ']'.repeat(deep) + '\n'));
  it(`${deep} unclosed flow sequences`, () => expectTooDeep('['.repeat(deep) + '\n'));
  it(`${deep} flow maps {a: {a: …}}`, () => expectTooDeep('a: ' + '{a: '.repeat(deep) + '1' + '}'.repeat(deep) + '\n'));
  it(`${deep} flow sequences inside a valid scenario's title`, () =>
    expectTooDeep(replaceOnce(template, 'title: { en: "New scenario", zh-CN: "新场景" }', `title: ${'['.repeat(deep)}${']'.repeat(deep)}`)));

  it('block maps, each level indented one more space, up to 2 MB', () => {
    let text = '';
    for (let i = 0; text.length + i + 3 < 2_000_000; i++) text += `${' '.repeat(i)}k:\n`;
    expect(text.length).toBeLessThan(MAX_SOURCE_BYTES);
    expectTooDeep(text);
  });

  it(`${deep} block sequences on one line: - - - … x`, () => expectTooDeep('- '.repeat(deep) + 'x\n'));
  it(`${deep} block sequences of maps on one line: - - - … k: v`, () => expectTooDeep('- '.repeat(deep) + 'k: v\n'));
  it(`${deep} explicit block map keys on one line: ? ? ? … x`, () => expectTooDeep('? '.repeat(deep) + 'x\n'));

  it('nesting just inside the limit is not SC008', () => {
    const r = compile(replaceOnce(template, "author: ''", `author: ''\nx-deep: ${'['.repeat(MAX_DEPTH - 8)}${']'.repeat(MAX_DEPTH - 8)}`));
    expect(codes(r)).not.toContain('SC008');
    expect(codes(r)).toContain('SC009');
  });

  const bar = '['.repeat(MAX_DEPTH + 6);
  it.each([
    ['a plain text', `    narration: Progress ${bar}\n`],
    ['a block-scalar text', `    narration: |\n      Progress ${bar}\n`],
    ['a quoted text', `    narration: "Progress ${bar}"\n`],
  ])('brackets inside %s are not nesting (no SC008)', (_, narration) => {
    const text = replaceOnce(template, '  first-contact:\n    start: start\n', `  first-contact:\n    start: start\n${narration}`);
    const r = compile(text);
    expect(codes(r)).not.toContain('SC008');
    // A one-language narration in a two-language file: only the SC023 warning.
    expect(codeSet(r)).toEqual(['SC023']);
    expect(r.model).toBeDefined();
  });
});

describe('not text', () => {
  it('random bytes decoded as UTF-8 give SC002', () => {
    for (const seed of [1, 2, 3]) {
      const r = compile(new TextDecoder().decode(randomBytes(8192, seed)));
      expect(codes(r)).toEqual(['SC002']);
      expect(r.diagnostics[0]!.line).toBe(0);
    }
  });

  it('a text with NUL bytes gives SC002', () => {
    expect(codes(compile('scenario: x\u0000\nversion: 1\n'))).toEqual(['SC002']);
    expect(codes(compile(template.replace('scenario: hostile', 'scenario: host\u0000ile')))).toEqual(['SC002']);
  });

  it('a binary file with a text-looking header (PNG) gives SC002', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(2048, 7)]);
    expect(codes(compile(new TextDecoder().decode(png)))).toEqual(['SC002']);
  });

  it('a few stray bytes never throw', () => {
    for (let seed = 1; seed <= 50; seed++) compile(new TextDecoder().decode(randomBytes(1 + (seed % 24), seed)));
  });
});

describe('empty', () => {
  it.each([
    ['an empty file', ''],
    ['only spaces and newlines', '  \n\n   \n'],
    ['only tabs and newlines', '\t\n\t\t\n'],
    ['only comments', '# a scenario\n# to be written\n'],
    ['only comments, no final newline', '# a scenario\n   # to be written'],
    ['a document marker', '---\n'],
    ['a document marker and end', '---\n...\n'],
    ['null', 'null\n'],
    ['~', '~\n'],
  ])('%s gives SC003', (_, text) => {
    const r = compile(text);
    expect(codes(r)).toEqual(['SC003']);
  });
});

describe('YAML mistakes', () => {
  it('tabs used for indentation give SC005 at the tab', () => {
    const text = replaceOnce(template, '\n  rhythm: deliberate', '\n\trhythm: deliberate');
    const line = text.split('\n').findIndex((l) => l.startsWith('\t')) + 1;
    const r = compile(text);
    const d = r.diagnostics.find((x) => x.code === 'SC005');
    expect(d).toBeDefined();
    expect(d!.line).toBe(line);
    expect(d!.column).toBe(1);
  });

  it('duplicate keys give SC006 naming the key, at the second one', () => {
    const text = replaceOnce(template, 'minutes: 10', 'minutes: 10\nminutes: 20');
    const r = compile(text);
    expect(codes(r)).toEqual(['SC006']);
    expect(r.diagnostics[0]!.args).toEqual({ key: 'minutes', first: text.split('\n').indexOf('minutes: 10') + 1 });
    expect(r.diagnostics[0]!.line).toBe(text.split('\n').indexOf('minutes: 20') + 1);
  });

  it('a number written as a map with a toString key is a wrong value, not a crash', () => {
    const r = compile(replaceOnce(template, 'minutes: 10', 'minutes: { toString: 0, valueOf: 1 }'));
    expect(codes(r)).toEqual(['SC011']);
  });

  it('duplicate keys in a flow map give SC006 naming the key', () => {
    const text = replaceOnce(template, 'start: { trust: 40,', 'start: { trust: 40, trust: 45,');
    const r = compile(text);
    expect(codes(r)).toEqual(['SC006']);
    expect(r.diagnostics[0]!.args).toEqual({ key: 'trust', first: text.split('\n').findIndex((l) => l.includes('trust: 40, trust: 45')) + 1 });
  });

  it.each([
    ['a string', 'hello world\n'],
    ['a number', '42\n'],
    ['a boolean', 'true\n'],
    ['a list', '- scenario: x\n- title: y\n'],
    ['a JSON array', JSON.stringify([{ scenario: 'x' }])],
    ['a block scalar', '|\n  scenario: x\n'],
  ])('%s at the top level gives SC011 for the whole file', (_, text) => {
    const r = compile(text);
    expect(codes(r)).toEqual(['SC011']);
    expect(r.diagnostics[0]!).toMatchObject({ path: '', line: 1, column: 1 });
  });

  it('a JSON file of the right shape compiles (JSON is YAML)', () => {
    const json = JSON.stringify(YAML.parse(template), null, 2);
    const r = compile(json);
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.id).toBe('hostile');
  });

  it('a JSON file with wrong shapes gives positioned SC010/SC011 diagnostics', () => {
    const json = JSON.stringify(
      {
        scenario: 'JSON Scenario',
        version: 1,
        title: ['a', 'b'],
        difficulty: 'hard',
        minutes: 'ten',
        languages: 'en',
        customer: { start: [1, 2, 3], facts: [] },
        leads: { pool: {} },
        stages: { discovery: 'todo' },
      },
      null,
      2,
    );
    const r = compile(json);
    expect(r.model).toBeUndefined();
    expect(codeSet(r)).toEqual(expect.arrayContaining(['SC010', 'SC011']));
    for (const d of r.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
    const wrong = (path: string) => r.diagnostics.find((d) => d.code === 'SC011' && d.path === path);
    for (const path of ['scenario', 'version', 'title', 'difficulty', 'minutes', 'languages']) expect(wrong(path), path).toBeDefined();
    expect(wrong('minutes')!.line).toBe(json.split('\n').findIndex((l) => l.includes('"minutes"')) + 1);
  });

  it.each([
    ['a double quote in a block map', 'scenario: x\ntitle: "New scenario\nversion: 1\n'],
    ['a single quote in a block map', "scenario: x\ntitle: 'New scenario\nversion: 1\n"],
    ['a double quote at the end of the file', 'scenario: x\ntitle: "New scenario'],
  ])('an unterminated quote (%s) gives SC004', (_, text) => {
    const r = compile(text);
    expect(codes(r)).toContain('SC004');
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it('an unterminated quote inside a valid scenario gives SC004', () => {
    const r = compile(replaceOnce(template, 'title: { en: "New scenario",', 'title: { en: "New scenario,'));
    expect(codes(r)).toContain('SC004');
  });

  it('several documents in one file give a diagnostic, not a model', () => {
    const r = compile(template + '---\nscenario: another\n');
    expect(codes(r)).toEqual(['SC004']);
  });

  it('a byte-order mark and Windows line endings are fine', () => {
    expect(compile('\ufeff' + template).diagnostics).toEqual([]);
    expect(compile(template.replace(/\n/g, '\r\n')).diagnostics).toEqual([]);
  });
});

describe('extremely long lines', () => {
  it('a 1.5 MB text on one line in a valid scenario compiles', () => {
    const r = compile(replaceOnce(template, "author: ''", `author: "${'a'.repeat(1_500_000)}"`));
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.author).toHaveLength(1_500_000);
  });

  it('1.5 MB of brackets inside a quoted text are not nesting', () => {
    const r = compile(replaceOnce(template, "author: ''", `author: "${'['.repeat(1_500_000)}"`));
    expect(r.diagnostics).toEqual([]);
  });

  it('a 1.9 MB line of one word is a single value: SC011', () => {
    expect(codes(compile('x'.repeat(1_900_000)))).toEqual(['SC011']);
  });

  it('a key longer than YAML allows gives SC004', () => {
    expect(codes(compile('k'.repeat(100_000) + ': 1\n'))).toContain('SC004');
  });

  it('a long line of compact mappings "a: b: a: b: …" gives a diagnostic', () => {
    const r = compile('a: b: '.repeat(20_000));
    expect(r.model).toBeUndefined();
    expect(['SC004', 'SC008']).toContain(r.diagnostics[0]!.code);
  });

  it('a long line of commas, colons and brackets in a flow map gives a diagnostic', () => {
    const r = compile(`title: { ${'a: [b, {c: d}], '.repeat(5_000)} }\n`);
    expect(r.model).toBeUndefined();
  });
});

describe('keys named like JavaScript object internals', () => {
  // YAML keys become object keys: "constructor", "toString", "__proto__" must be plain unknown keys/ids.
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('an unknown top-level key "%s" gives SC009', (key) => {
    const r = compile(replaceOnce(template, "author: ''", `author: ''\n${key}: 1`));
    expect(codes(r)).toEqual(['SC009']);
    expect(r.diagnostics[0]!.args).toMatchObject({ key });
  });

  it.each(['constructor', 'toString'])('an unknown key "%s" in customer or stages gives SC009', (key) => {
    expect(codes(compile(replaceOnce(template, '  rhythm: deliberate', `  rhythm: deliberate\n  ${key}: 1`)))).toEqual(['SC009']);
    expect(codes(compile(replaceOnce(template, 'stages:\n', `stages:\n  ${key}: { start: a, steps: {} }\n`)))).toContain('SC009');
  });

  it('"next: constructor" is an unknown step (SC012)', () => {
    const text = replaceOnce(template, 'commits: [read-from-script, no-tailoring]\n            effects: { trust: -5 }\n            stage: discovery', 'commits: [read-from-script, no-tailoring]\n            effects: { trust: -5 }\n            next: constructor');
    const r = compile(text);
    expect(codes(r)).toContain('SC012');
    expect(r.diagnostics.find((d) => d.code === 'SC012')!.args).toMatchObject({ id: 'constructor' });
  });

  it('"start: constructor" is an unknown step (SC012)', () => {
    const r = compile(replaceOnce(template, '  first-contact:\n    start: start', '  first-contact:\n    start: constructor'));
    expect(codes(r)).toContain('SC012');
  });

  it('"__proto__" is not a valid objection id', () => {
    const objection = `objections:\n  __proto__: { label: x, start: a, steps: { a: { customer: x, options: [ { rep: x, resolves: true } ] } } }\n`;
    const r = compile(template + objection);
    expect(r.model).toBeUndefined();
    expect(codes(r)).toContain('SC011');
  });
});

describe('inputs that could block the compiler for ever', () => {
  // Compiled in a child process: a synchronous hang blocks the event loop, which no vitest timeout can
  // stop. LIMIT_MS is not a performance budget (these compile in well under a second when sound); it
  // only turns a hang (exponential or super-quadratic work) into a failure instead of a stuck run.
  const compileModule = new URL('./compile.ts', import.meta.url).href;
  const LIMIT_MS = 15_000;

  function compileInChild(text: string): { finished: boolean; model?: boolean; codes?: string[] } {
    const script = [
      "import { readFileSync } from 'node:fs';",
      `const { compileScenario } = await import(${JSON.stringify(compileModule)});`,
      "const r = compileScenario(readFileSync(0, 'utf8'), 'child.yaml');",
      'process.stdout.write(JSON.stringify({ model: r.model !== undefined, codes: r.diagnostics.map((d) => d.code) }));',
    ].join('\n');
    // `--import tsx` resolves from the working directory: vitest runs at the project root.
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      input: text,
      encoding: 'utf8',
      timeout: LIMIT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.signal || child.error) return { finished: false };
    if (child.status !== 0) throw new Error(child.stderr);
    return { finished: true, ...(JSON.parse(child.stdout) as { model: boolean; codes: string[] }) };
  }

  it('the child process compiles the template (the harness works)', () => {
    expect(compileInChild(template)).toEqual({ finished: true, model: true, codes: [] });
  }, LIMIT_MS + 10_000);

  it('a scenario that starts with 40 comment lines compiles', () => {
    const header = Array.from({ length: 40 }, (_, i) => `# Change log, entry ${i + 1}: adjusted the wording.\n`).join('');
    expect(compileInChild(header + template)).toEqual({ finished: true, model: true, codes: [] });
  }, LIMIT_MS + 10_000);

  it('a scenario that starts with a ##### banner compiles', () => {
    const banner = `${'#'.repeat(80)}\n# Precision ERP\n${'#'.repeat(80)}\n`;
    expect(compileInChild(banner + template)).toEqual({ finished: true, model: true, codes: [] });
  }, LIMIT_MS + 10_000);

  it('a 1.6 MB map of 150,000 unknown keys (under the size limit) gives SC009s', () => {
    const text = Array.from({ length: 150_000 }, (_, i) => `k${i}: 1\n`).join('');
    expect(text.length).toBeLessThan(MAX_SOURCE_BYTES);
    const result = compileInChild(text);
    expect(result.finished).toBe(true);
    expect(result.model).toBe(false);
    expect(result.codes).toContain('SC009');
  }, LIMIT_MS + 10_000);
});

// --- properties ------------------------------------------------------------------------------------

/** Characters and tokens that exercise the YAML parser rather than plain text. */
const yamlToken = fc.constantFrom(
  ' ', '  ', '\n', '\t', '-', '- ', ':', ': ', '? ', ',', '[', ']', '{', '}', '"', "'", '#', '|', '>', '&a ', '*a', '!', '!!str ',
  '%', '@', '`', '---', '...', '~', 'null', 'true', '1', '-1', '0x1f', '1e999', '.nan', 'a', 'scenario', 'stages', 'steps',
  'options', 'next', 'constructor', '__proto__', '中', '\u0085', '\u2028', '\ufeff', '\r',
);

describe('properties: arbitrary input never breaks the compiler', () => {
  const runs = { numRuns: 200 };

  it('random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void compile(s)), runs);
  });

  it('random full-Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void compile(s)), runs);
  });

  it('random sequences of YAML tokens', () => {
    fc.assert(fc.property(fc.array(yamlToken, { maxLength: 120 }).map((t) => t.join('')), (s) => void compile(s)), runs);
  });

  it('random JSON values, as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        compile(YAML.stringify(v));
        compile(JSON.stringify(v));
      }),
      runs,
    );
  });

  it('random JSON values under the keys of a scenario', () => {
    const keys = Object.keys(YAML.parse(template) as object);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys, 'objections', 'rules', 'surprises', 'promises', 'checklist', 'cadence', 'pass-mark'), fc.jsonValue({ maxDepth: 5 })), (v) => void compile(YAML.stringify(v))),
      runs,
    );
  });
});

// --- mutations of a valid scenario -----------------------------------------------------------------

/** The template with the optional sections too (promises, objections, rules, surprises…), so that mutations reach them. */
const rich = replaceOnce(
  template,
  'commits: [concede-too-fast, waver-position]\n            effects: { trust: -5 }',
  'commits: [concede-too-fast, waver-position]\n            effects: { trust: -5, promises: [discount-10] }\n            raises: too-expensive',
) + `promises:
  discount-10: { label: { en: "10% off", zh-CN: "九折" } }
objections:
  too-expensive:
    label: { en: Too expensive, zh-CN: 太贵了 }
    start: first
    steps:
      first:
        customer: { en: It costs too much., zh-CN: 太贵了。 }
        options:
          - rep: { en: Let us look at the value., zh-CN: 我们看看价值。 }
            resolves: true
          - rep: { en: Then we are done., zh-CN: 那就算了。 }
            ends: { outcome: lost, reason: { en: The rep gave up., zh-CN: 销售放弃了。 } }
rules:
  - { at: presentation, when: { interest: "< 20" }, raises: too-expensive }
surprises:
  budget-freeze:
    label: { en: Budget freeze, zh-CN: 预算冻结 }
    chance: 0.2
    when: { stage: [signing], not-promised: [discount-10], revealed: [pains] }
    narration: { en: Finance froze all budgets., zh-CN: 财务冻结了所有预算。 }
    effects: { interest: -10 }
cadence: { waits: [1, 3, 7] }
pass-mark: { overall: 60, stages: { negotiation: 70 } }
`;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function allPaths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...allPaths(v, [...prefix, k])]);
}

function parentOf(root: Json, path: Path): Json {
  let node = root;
  for (const seg of path.slice(0, -1)) node = (node as Record<string | number, Json>)[seg]!;
  return node;
}

const ids = ['start', 'discovery', 'pains', 'discount-10', 'too-expensive', 'first', 'collection', 'listen-actively', 'constructor', 'toString', '__proto__', 'Start', 'start ', ''];

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'rename-value', 'rename-key', 'typo'),
  pick: fc.nat(),
  value: fc.jsonValue({ maxDepth: 3 }),
  name: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 12 })),
  at: fc.nat(),
});

function mutate(root: Json, m: typeof mutation extends fc.Arbitrary<infer T> ? T : never): void {
  const paths = allPaths(root);
  if (!paths.length) return;
  const path = paths[m.pick % paths.length]!;
  const parent = parentOf(root, path) as Record<string | number, Json> & Json[];
  const key = path[path.length - 1]!;
  const current = parent[key];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'replace':
      parent[key] = m.value as Json;
      break;
    case 'rename-value':
      if (typeof current === 'string') parent[key] = m.name;
      break;
    case 'rename-key':
      if (!Array.isArray(parent)) {
        const entries = Object.entries(parent as Record<string, Json>).map(([k, v]): [string, Json] => [k === key ? m.name : k, v]);
        for (const k of Object.keys(parent)) delete parent[k];
        for (const [k, v] of entries) Object.defineProperty(parent, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'typo':
      if (typeof current === 'string' && current.length) {
        const i = m.at % current.length;
        parent[key] = current.slice(0, i) + current.slice(i + 1);
      }
      break;
  }
}

describe('properties: mutations of a valid scenario', () => {
  it('the scenario mutated below is valid to begin with', () => {
    const r = compile(rich);
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.model!.objections)).toEqual(['too-expensive']);
  });

  it('deleting keys, replacing values and renaming ids never throws and never gives SC000', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const doc = YAML.parse(rich) as Json;
        for (const m of mutations) mutate(doc, m);
        const r = compile(YAML.stringify(doc));
        // Either a model, or at least one error saying why not.
        expect(r.model !== undefined || hasErrors(r.diagnostics)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('renaming a referenced id is always caught (never a model with a dangling reference)', () => {
    const references = allPaths(YAML.parse(rich) as Json).filter((p) => {
      const last = p[p.length - 1];
      const owner = typeof last === 'number' ? p[p.length - 2] : last;
      return ['next', 'raises', 'customer-lead', 'reveals', 'promises', 'shows', 'commits', 'revealed', 'not-promised', 'ideal'].includes(String(owner)) && typeof last !== 'string' || ['next', 'raises', 'customer-lead'].includes(String(last));
    });
    expect(references.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.nat(), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), (pick, name) => {
        const doc = YAML.parse(rich) as Json;
        const path = references[pick % references.length]!;
        const parent = parentOf(doc, path) as Record<string | number, Json>;
        const key = path[path.length - 1]!;
        fc.pre(typeof parent[key] === 'string' && parent[key] !== name && !YAML.stringify(doc).includes(`${name}:`) && !ids.includes(name) && !['first', 'second', 'third', 'start'].includes(name));
        parent[key] = name;
        const r = compile(YAML.stringify(doc));
        expect(r.model, `${path.join('.')} = ${name}`).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
