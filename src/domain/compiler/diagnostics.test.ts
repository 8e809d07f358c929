/// <reference types="vite/client" />
/**
 * One failing fixture per diagnostic code (test/fixtures/diagnostics/SC0NN-*.yaml), or a generated
 * input where a fixture cannot be stored (SC001 too large, SC002 binary). Each must yield its code,
 * at the right place, with the registry's severity and a message that names what is wrong.
 * Assertions are on codes, args and positions, never on the exact wording (except "Did you mean").
 */
import { describe, expect, it } from 'vitest';
// A test may use the CLI's template: it is the known-valid scenario a trainer starts from.
import { scenarioTemplate } from '../scenario/template';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { compileScenario, fileNameDiagnostics, type CompileResult } from './compile';
import { MAX_ALIAS_EXPANSIONS, MAX_DEPTH, MAX_SOURCE_BYTES, readSource } from './source-document';
import { dealDiagnostics } from '../explorer/deal-diagnostics';
import { explore } from '../explorer/explore';
import { coherence, coherenceDiagnostics } from '../explorer/coherence';

// Read by Vite as raw text (byte for byte: tabs, NULs and all), so the domain needs no Node built-ins.
const FIXTURES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../../../test/fixtures/diagnostics/*.yaml', { query: '?raw', import: 'default', eager: true })).map(
    ([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text],
  ),
);
const fixtureFiles = Object.keys(FIXTURES).sort();
const readFixture = (name: string): string => {
  const text = FIXTURES[name];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
};

type Code = Exclude<DiagnosticCode, 'SC000'>;

interface Expectation {
  /** Generated input for codes that cannot sensibly be stored as a fixture. */
  generate?: () => { text: string; byteLength?: number };
  /**
   * Where the diagnostic must point: the first match of this text (after the fixture's comment
   * header); `⟨` marks the exact character within it (default: the start). Optionally the n-th match.
   */
  at?: string;
  occurrence?: number;
  /** The problem is noticed up to this many lines after `at` (YAML syntax errors). */
  linesAfter?: number;
  /** Segments the diagnostic's `path` must contain; omitted for problems with no place in the document. */
  path?: string[];
  /** Args the diagnostic must carry (a subset). */
  args?: Record<string, string | number>;
  /** Texts the message must contain: the offending id, key or value. */
  names?: string[];
  /** Other codes the fixture's one mistake unavoidably brings along. */
  companions?: Code[];
}

/** A deterministic pseudo-random generator, so the "binary" input is the same on every run. */
function bytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

const bigText = () => {
  const text = scenarioTemplate('too-big', 'en') + `# ${'pasted log line '.repeat(200_000)}\n`;
  return { text, byteLength: new TextEncoder().encode(text).length };
};

const EXPECTATIONS: Record<Code, Expectation> = {
  SC001: { generate: bigText, args: { limit: MAX_SOURCE_BYTES }, names: [String(MAX_SOURCE_BYTES)] },
  SC002: { generate: () => ({ text: new TextDecoder().decode(bytes(4096)) }) },
  SC003: {},
  SC004: { at: '⟨company: { name: Swift Freight', linesAfter: 1 },
  SC005: { at: '\trhythm' },
  // The rest of the file is checked too; the second "follow-up" counts, and the first one's key action is left unearned.
  SC006: { at: 'follow-up:', occurrence: 2, args: { key: 'follow-up', first: 79 }, names: ['follow-up', 'line 79'], companions: ['SC022'] },
  SC007: { args: { limit: MAX_ALIAS_EXPANSIONS }, names: [String(MAX_ALIAS_EXPANSIONS)] },
  SC008: { args: { limit: MAX_DEPTH }, names: [String(MAX_DEPTH)] },
  SC009: {
    at: 'effect:',
    path: ['open-question', 'options', 'effect'],
    args: { key: 'effect', suggestion: 'effects' },
    names: ['effect'],
  },
  SC010: { at: 'follow-up:', path: ['discovery', 'follow-up'], args: { key: 'customer' }, names: ['customer', 'follow-up'] },
  SC011: { at: 'beginner', path: ['difficulty'], names: ['beginner'] },
  SC012: {
    at: 'folow-up',
    path: ['open-question', 'options', 'next'],
    args: { id: 'folow-up', suggestion: 'follow-up' },
    names: ['folow-up'],
  },
  SC013: {
    at: 'negociation',
    path: ['presentation', 'demo', 'options', 'stage'],
    args: { id: 'negociation', suggestion: 'negotiation' },
    names: ['negociation'],
  },
  SC014: {
    at: 'price-to-high',
    path: ['negotiation', 'price', 'options', 'raises'],
    args: { id: 'price-to-high', suggestion: 'price-too-high' },
    names: ['price-to-high'],
    companions: ['SC021'],
  },
  SC015: { at: 'pain]', path: ['open-question', 'effects', 'reveals'], args: { id: 'pain', suggestion: 'pains' }, names: ['pain'] },
  SC016: {
    at: 'listen-activly',
    path: ['follow-up', 'options', 'shows'],
    args: { id: 'listen-activly', suggestion: 'listen-actively' },
    names: ['listen-activly'],
    companions: ['SC022'],
  },
  SC017: { at: 'corner-shop', occurrence: 2, path: ['leads', 'pool', 'id'], args: { id: 'corner-shop' }, names: ['corner-shop'] },
  SC018: { at: 'budget:', path: ['discovery', 'budget'], args: { id: 'budget', start: 'open-question' }, names: ['budget'] },
  SC019: { at: 'wrap-up:', path: ['discovery', 'wrap-up'], args: { id: 'wrap-up' }, names: ['wrap-up'] },
  SC020: { at: '\n  ⟨presentation:', path: ['stages', 'presentation'], args: { to: 'negotiation' }, names: ['presentation', 'negotiation'] },
  SC021: { at: 'price-too-high:', path: ['objections', 'price-too-high'], args: { id: 'price-too-high' }, names: ['price-too-high'] },
  // The item is missing from every option: it has no place in the document to point at.
  SC022: { args: { id: 'solve-blockers', kind: 'key-action', stage: 'collection' }, names: ['solve-blockers'] },
  SC023: { at: 'rep: ⟨{ en: "Walk me through', path: ['discovery', 'options', 'rep'], args: { locale: 'zh-CN' }, names: ['zh-CN', 'rep'] },
  SC024: { at: 'chance: ⟨30', path: ['surprises', 'cfo-on-holiday', 'chance'], args: { value: 30, min: 0, max: 1 }, names: ['chance', '30'] },
  SC025: {
    at: 'discount-15',
    path: ['negotiation', 'effects', 'promises'],
    args: { id: 'discount-15', suggestion: 'discount-10' },
    names: ['discount-15'],
  },
  // The message must say which step the option belongs to ("price"), not just the stage.
  SC026: { at: '⟨rep: Fine, 10% off.', path: ['negotiation', 'price', 'options'], args: { option: '2' }, names: ['price'] },
  SC027: { at: '⟨rep: Walk me through', path: ['discovery', 'open-question', 'options'], args: { option: '1' }, names: ['open-question', 'next', 'stage'] },
  SC028: { at: 'ends: { outcome: won }', path: ['signing', 'contract', 'options', 'ends'], names: ['won', 'contract'] },
  SC029: {
    at: 'create-win-win]',
    path: ['presentation', 'demo', 'shows'],
    args: { id: 'create-win-win', itemStage: 'negotiation', stage: 'presentation' },
    names: ['create-win-win'],
  },
  SC030: { at: 'swfit', path: ['leads', 'customer-lead'], args: { kind: 'lead', id: 'swfit', suggestion: 'swift' }, names: ['swfit'] },
  SC031: { at: '\n⟨checklist:', path: ['checklist'], args: { stage: 'collection' }, names: ['collection'] },
  SC032: { at: 'title: ⟨{ en:', path: ['title'], args: { locale: 'zh-CN' }, names: ['zh-CN', 'title'] },
  // Collection has no won ending: SC020 (collection does not lead on to cash collected) comes along.
  SC033: { companions: ['SC020'] },
  SC034: { at: '⟨pool:', path: ['leads', 'pool'], names: ['2'] },
  SC035: {
    at: 'purchase-order] }',
    path: ['payment', 'approvals', 'purchase-order', 'done', 'revealed'],
    args: { test: 'revealed', id: 'purchase-order' },
    names: ['purchase-order'],
  },
  SC036: { at: 'trust: ">= 50"', path: ['contract', 'terms', 'price', 'agreed'], args: { test: 'trust' }, names: ['trust', 'contract.terms.price.agreed'] },
  SC037: { at: '"2025-02-30"', path: ['calendar', 'start'], args: { value: '2025-02-30' }, names: ['2025-02-30', 'YYYY-MM-DD'] },
  SC038: { at: 'Send the contract over, {today}', path: ['signing', 'customer'], args: { name: 'today', problem: 'unknown' }, names: ['{today}', '{date}'] },
  // Only the CLI and the library, which read files from disk, check file names (fileNameDiagnostics).
  SC039: { generate: () => ({ text: scenarioTemplate('my-scenario', 'en') }), args: { name: 'SC039-generated.yaml', id: 'my-scenario', expected: 'my-scenario.yaml' }, names: ['my-scenario.yaml'] },
  // Found by the explorer (the CLI's check and the workshop run it on a file that compiles).
  // The template with a hasty signing that still leads on to the money.
  SC041: { generate: () => ({ text: scenarioTemplate('my-scenario', 'en').replace(/ends: \{ outcome: lost, reason: \{ en: "Their legal team[^\n]*/, 'stage: collection') }), path: ['contract', 'terms'], args: { kind: 'term' }, names: ['won'] },
  SC040: { at: '"That is more than we pay now. Zhou Min:', path: ['negotiation', 'customer'], args: { name: 'Zhou Min' }, names: ['Zhou Min'] },
  SC045: { at: 'narration: ⟨Thursday', path: ['discovery', 'open-question', 'narration'], args: { text: 'Thursday' }, names: ['Thursday'] },
  SC046: { at: 'narration: ⟨Two days later', path: ['discovery', 'follow-up', 'narration'], args: { stated: 2, passed: 0 }, names: ['stages.discovery.steps.open-question.options[0]'] },
  // Found by the explorer's coherence search (the CLI's check runs it on a file that compiles).
  SC042: {
    at: 'assumes: { promised',
    path: ['first-contact', 'agreed', 'assumes'],
    args: { assumed: '{ promised: [meeting] }', kind: 'promised', value: 'meeting', path: 'first-contact/start/2 → no-time/first/1' },
    names: ['meeting', 'first-contact/start/2'],
  },
  SC043: { at: 'customer:\n          - when: { promised', path: ['first-contact', 'agreed', 'customer'], args: { path: 'first-contact/start/2 → no-time/first/1' }, names: ['first-contact/start/2'] },
  // The search cut at 5 states (its budget in a big scenario), on SC042's fixture.
  SC044: {
    generate: () => ({ text: readFixture('SC042-meeting-never-proposed.yaml') }),
    args: { states: 5 },
    names: ['5'],
    companions: ['SC042'],
  },
};

/** Codes whose problem concerns the whole file, so line and column are 0. */
const WHOLE_FILE: Code[] = ['SC001', 'SC002', 'SC003'];

const allCodes = Object.keys(DIAGNOSTIC_CODES).filter((c): c is Code => c !== 'SC000');

function fixtureFor(code: Code): string | undefined {
  const files = fixtureFiles.filter((f) => f.startsWith(`${code}-`));
  if (files.length > 1) throw new Error(`${code} has ${files.length} fixtures: ${files.join(', ')}`);
  return files[0];
}

function inputFor(code: Code): { file: string; text: string; byteLength?: number } {
  const generate = EXPECTATIONS[code].generate;
  if (generate) return { file: `${code}-generated.yaml`, ...generate() };
  const file = fixtureFor(code);
  if (!file) throw new Error(`${code} has no fixture in test/fixtures/diagnostics/ and no generated input`);
  return { file, text: readFixture(file) };
}

function compile(text: string, file: string, byteLength?: number): CompileResult {
  const compiled = compileScenario(text, file, byteLength);
  const result = file.startsWith('SC039')
    ? { ...compiled, diagnostics: [...compiled.diagnostics, ...fileNameDiagnostics(file, text)] }
    : file.startsWith('SC041') && compiled.model
      ? { ...compiled, diagnostics: [...compiled.diagnostics, ...dealDiagnostics(explore(compiled.model), readSource(file, text))] }
      : /^SC04[234]/.test(file) && compiled.model
        ? { ...compiled, diagnostics: [...compiled.diagnostics, ...coherenceDiagnostics(coherence(compiled.model, file.startsWith('SC044') ? { maxStates: 5 } : {}), readSource(file, text))] }
        : compiled;
  expect(result.diagnostics.map((d) => d.code)).not.toContain('SC000');
  return result;
}

/** 1-based line and column of `at` in `text`, searched after the leading comment header. */
function positionOf(text: string, at: string, occurrence = 1): { line: number; column: number } {
  const header = /^(#.*\n)*/.exec(text)![0].length;
  const marker = Math.max(0, at.indexOf('⟨'));
  const needle = at.replace('⟨', '');
  let index = header - 1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the fixture`);
  }
  const offset = index + marker;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.line}:${d.column} ${d.path}`).join('\n');

describe('every diagnostic code has a failing fixture', () => {
  it('every registry code except SC000 has exactly one fixture or a generated case', () => {
    const missing = allCodes.filter((code) => !EXPECTATIONS[code].generate && !fixtureFor(code));
    expect(missing).toEqual([]);
    expect(Object.keys(EXPECTATIONS).sort()).toEqual([...allCodes].sort());
  });

  it('every fixture is named after a registry code and short name', () => {
    for (const f of fixtureFiles) {
      expect(f).toMatch(/^SC0\d\d-[a-z0-9-]+\.yaml$/);
      expect(allCodes).toContain(f.slice(0, 5));
    }
  });

  it('every fixture says at the top what is wrong with it', () => {
    for (const f of fixtureFiles) expect(readFixture(f)).toMatch(new RegExp(`^# ${f.slice(0, 5)} \\S`));
  });
});

describe.each(allCodes)('%s', (code) => {
  const expected = EXPECTATIONS[code];
  const entry = DIAGNOSTIC_CODES[code];

  it(`is reported (${entry.title}) with its position, path, severity and message`, () => {
    const { file, text, byteLength } = inputFor(code);
    const { diagnostics } = compile(text, file, byteLength);
    const d = diagnostics.find((x) => x.code === code);
    expect(d, `no ${code} among:\n${summary(diagnostics)}`).toBeDefined();
    if (!d) return;

    expect(d.severity).toBe(entry.severity);
    expect(d.file).toBe(file);
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.message).not.toMatch(/undefined|\[object Object\]|NaN/);

    if (WHOLE_FILE.includes(code)) {
      expect(d.line).toBe(0);
      expect(d.column).toBe(0);
    } else {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
    if (expected.at) {
      const want = positionOf(text, expected.at, expected.occurrence);
      if (expected.linesAfter) {
        expect(d.line).toBeGreaterThanOrEqual(want.line);
        expect(d.line).toBeLessThanOrEqual(want.line + expected.linesAfter);
      } else {
        expect({ line: d.line, column: d.column }).toEqual(want);
      }
    }
    if (expected.path) {
      expect(d.path).not.toBe('');
      for (const segment of expected.path) expect(d.path).toContain(segment);
    }
    if (expected.args) expect(d.args).toMatchObject(expected.args);
    for (const name of expected.names ?? []) expect(d.message).toContain(name);
  });

  if (!expected.generate) {
    it('its fixture has no other problem than that one (and its unavoidable companions)', () => {
      const { file, text } = inputFor(code);
      const { diagnostics } = compile(text, file);
      const allowed = new Set<string>([code, ...(expected.companions ?? [])]);
      const others = diagnostics.filter((d) => !allowed.has(d.code));
      expect(others, summary(others)).toEqual([]);
    });
  }
});

describe('generated whole-file problems', () => {
  it('SC001 reports the size that was passed in', () => {
    const { text, byteLength } = bigText();
    const { diagnostics } = compile(text, 'big.yaml', byteLength);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SC001', args: { size: byteLength, limit: MAX_SOURCE_BYTES } });
  });

  it('SC002 for text with NUL bytes (a UTF-16 or binary file read as UTF-8)', () => {
    const utf16 = Array.from('scenario: x\n', (ch) => `${ch}\u0000`).join('');
    expect(compile(utf16, 'utf16.yaml').diagnostics.map((d) => d.code)).toEqual(['SC002']);
  });
});

describe('all problems at once', () => {
  it('a file with 5 independent mistakes yields all 5 codes in one compile', () => {
    const text = [
      ['difficulty: intro', 'difficulty: easy'], // SC011
      ['minutes: 10', 'minutes: 900'], // SC024
      ['customer-lead: first', 'customer-lead: frist'], // SC030
      ['effects: { trust: 5, reveals: [pains] }', 'effects: { trust: 5, reveals: [pain] }'], // SC015
      ['effects: { trust: -5 }', 'effect: { trust: -5 }'], // SC009 (the first bad option's)
    ].reduce((t, [from, to]) => {
      expect(t).toContain(from);
      return t.replace(from!, to!);
    }, scenarioTemplate('five-mistakes', 'en'));
    const { model, diagnostics } = compile(text, 'five-mistakes.yaml');
    expect(model).toBeUndefined();
    const codes = new Set(diagnostics.map((d) => d.code));
    for (const code of ['SC009', 'SC011', 'SC015', 'SC024', 'SC030'] as const) expect(codes, summary(diagnostics)).toContain(code);
    expect(diagnostics.find((d) => d.code === 'SC009')?.args).toMatchObject({ key: 'effect', suggestion: 'effects' });
    expect(diagnostics.find((d) => d.code === 'SC011')?.path).toBe('difficulty');
    expect(diagnostics.find((d) => d.code === 'SC015')?.args).toMatchObject({ id: 'pain', suggestion: 'pains' });
    expect(diagnostics.find((d) => d.code === 'SC024')?.args).toMatchObject({ value: 900 });
    expect(diagnostics.find((d) => d.code === 'SC030')?.args).toMatchObject({ id: 'frist', suggestion: 'first' });
    // Sorted by position: the CLI prints them top to bottom.
    const lines = diagnostics.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('"Did you mean" suggestions', () => {
  const suggestionIn = (fixture: string, code: Code) => {
    const { diagnostics } = compile(readFixture(fixture), fixture);
    return diagnostics.find((d) => d.code === code);
  };

  it('for a typo in a step id', () => {
    const d = suggestionIn('SC012-next-typo.yaml', 'SC012');
    expect(d?.args.suggestion).toBe('follow-up');
    expect(d?.message).toContain('Did you mean "follow-up"?');
  });

  it('for a typo in a fact id', () => {
    const d = suggestionIn('SC015-reveals-typo.yaml', 'SC015');
    expect(d?.args.suggestion).toBe('pains');
    expect(d?.message).toContain('Did you mean "pains"?');
  });

  it('for a typo in a checklist id', () => {
    const d = suggestionIn('SC016-shows-typo.yaml', 'SC016');
    expect(d?.args.suggestion).toBe('listen-actively');
    expect(d?.message).toContain('Did you mean "listen-actively"?');
  });

  it('for a typo in a key', () => {
    const d = suggestionIn('SC009-effect-typo.yaml', 'SC009');
    expect(d?.args.suggestion).toBe('effects');
    expect(d?.message).toContain('Did you mean "effects"?');
  });

  it('for a typo in a stage id', () => {
    const { diagnostics } = compile(readFixture('SC013-stage-typo.yaml'), 'SC013-stage-typo.yaml');
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('Did you mean "negotiation"?');
  });

  it('no suggestion for an id that is nothing like any declared one', () => {
    const text = readFixture('SC012-next-typo.yaml').replace('            next: folow-up', '            next: pricing-slides');
    const d = compile(text, 'x.yaml').diagnostics.find((x) => x.code === 'SC012');
    expect(d?.args).toMatchObject({ id: 'pricing-slides' });
    expect(d?.args.suggestion).toBeUndefined();
    expect(d?.message).not.toContain('Did you mean');
  });
});

describe('translations of a step\'s customer line', () => {
  // The most common text of all: a step's `customer` line. The template is bilingual (en, zh-CN).
  const line = 'customer: { en: "What do you want to know?", zh-CN: "你想了解什么？" }';

  it('SC023 when the customer line lacks a declared language', () => {
    const text = scenarioTemplate('x', 'en').replace(line, 'customer: { en: "What do you want to know?" }');
    const d = compile(text, 'x.yaml').diagnostics.find((x) => x.code === 'SC023');
    expect(d, 'no SC023 for stages.discovery.steps.start.customer').toBeDefined();
    expect(d?.path).toContain('discovery');
    expect(d?.args).toMatchObject({ locale: 'zh-CN' });
  });

  it('SC032 when the customer line has a language the file does not declare', () => {
    const text = scenarioTemplate('x', 'en')
      .replace('languages: [en, zh-CN]', 'languages: [en]')
      .replace(/, zh-CN: "[^"]*"/g, '')
      .replace('customer: { en: "What do you want to know?" }', line);
    const d = compile(text, 'x.yaml').diagnostics.find((x) => x.code === 'SC032');
    expect(d, 'no SC032 for stages.discovery.steps.start.customer').toBeDefined();
    expect(d?.args).toMatchObject({ locale: 'zh-CN' });
  });
});

describe('conditions that test key actions, pitfalls and steps', () => {
  const guarded = (when: string) =>
    scenarioTemplate('x', 'en').replace(
      "- rep: { en: \"Let us confirm scope, price and payment dates first.\"",
      `- when: ${when}\n            rep: { en: "Let us confirm scope, price and payment dates first."`,
    );

  it('accept known ids of the right kind', () => {
    const text = guarded('{ shown: [tailor-solution], committed: [push-sale-early], reached: [discovery/start] }');
    expect(text).toContain('reached: [discovery/start]');
    expect(compile(text, 'x.yaml').diagnostics).toEqual([]);
  });

  it('SC016 with a suggestion for an unknown key action or pitfall', () => {
    const { diagnostics } = compile(guarded('{ shown: [tailor-solutions], committed: [push-sale-erly] }'), 'x.yaml');
    expect(diagnostics.map((d) => [d.code, d.args.id, d.args.suggestion])).toEqual([
      ['SC016', 'tailor-solutions', 'tailor-solution'],
      ['SC016', 'push-sale-erly', 'push-sale-early'],
    ]);
    expect(diagnostics[0]!.path).toBe('stages.signing.steps.start.options[0].when.shown[0]');
  });

  it('SC028 for a pitfall tested with "shown" or a key action with "committed"', () => {
    const { diagnostics } = compile(guarded('{ shown: [push-sale-early], committed: [tailor-solution] }'), 'x.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['SC028', 'SC028']);
    expect(diagnostics[0]!.message).toContain('committed');
    expect(diagnostics[1]!.message).toContain('shown');
  });

  it('SC012 with a suggestion for an unknown step', () => {
    const { diagnostics } = compile(guarded('{ reached: [discovery/strat] }'), 'x.yaml');
    expect(diagnostics.map((d) => [d.code, d.args.id, d.args.suggestion])).toEqual([['SC012', 'discovery/strat', 'discovery/start']]);
  });
});
