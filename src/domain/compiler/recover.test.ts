/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import TUTORIAL from '../../../scenarios/first-deal-tutorial.yaml?raw';
import { compileScenario } from './compile';

/**
 * Applies `edits` (each: a unique piece of the text → its replacement, and which line of the
 * replacement is the wrong one, 0 by default); returns the text and the 1-based line of each
 * mistake. Edits must not change the number of lines before later ones.
 */
function seed(text: string, edits: [string, string, number?][]): { text: string; lines: number[] } {
  let out = text;
  const lines: number[] = [];
  for (const [from, to, wrong = 0] of edits) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`not unique in the tutorial: ${from}`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
    lines.push(out.slice(0, at).split('\n').length + wrong);
  }
  return { text: out, lines };
}

describe('one check shows every problem, also around YAML syntax errors', () => {
  it('reports twelve typical mistakes in one run, each at its line, and nothing the syntax errors made up', () => {
    const { text, lines } = seed(TUTORIAL, [
      ['          - id: leading-question\n            rep:', '          - id: leading-question\n\trep:', 1], // SC005 tab
      ['en: "(Lin\'s note', 'en: "(Lin"s note'], // SC004 quoting
      ['            reply: { en: "Ha, you\'ve done', '             reply: { en: "Ha, you\'ve done'], // SC004 indentation
      ['            effects: { reveals: [studio-work] }\n            next: call', '            effects: { reveals: [studio-work] }\n            next: cal', 1], // SC012 unknown step
      ['shows: [design-question-list]', 'shows: [design-questions-list]'], // SC016 unknown key action
      ['effects: { trust: 5, reveals: [decision-chain] }', 'effects: { trust: 500, reveals: [decision-chain] }'], // SC024 range
      ['effects: { trust: 5, reveals: [budget-cycle, payment-process] }', 'effects: { trust: 5, reveals: [budget-cycle, payment-proces] }'], // SC015 unknown fact
      ['  rhythm: fast', '  rythm: fast'], // SC009 unknown key
      ['max-pursue: 2', 'max-pursue: 20'], // SC024 range
      ['customer-lead: maple-ink', 'customer-lead: mapel-ink'], // SC030 unknown lead
      ['  name: { en: Lin Xiao, zh-CN: 林晓 }', '  name: { en: Lin Xiao }'], // SC023 translation
      ['shows: [tailor-solution, highlight-value]', 'shows: [tailor-solution, highlight-value]\n            commits: [hard-sell-x]', 1], // SC016 unknown pitfall
    ]);
    const ds = compileScenario(text, 'seeded.yaml').diagnostics;
    const found = ds.map((d) => `${d.code}@${d.line}`);
    const expected = ['SC005', 'SC004', 'SC004', 'SC012', 'SC016', 'SC024', 'SC015', 'SC009', 'SC024', 'SC030', 'SC023', 'SC016'].map((code, i) => `${code}@${lines[i]!}`);
    // The misspelt key action leaves the real one unearned (a true consequence, at the checklist);
    // the misspelt key leaves its real one missing (at its map).
    const customerLine = text.split('\n').indexOf('customer:') + 1;
    expect(found.sort()).toEqual([...expected, 'SC022@7', `SC010@${customerLine}`].sort());
  });

  it('a tab does not make later correct lines errors, and is placed where it belongs', () => {
    const { text, lines } = seed(TUTORIAL, [['          - id: leading-question\n            rep:', '          - id: leading-question\n\trep:', 1]]);
    const ds = compileScenario(text, 'tab.yaml').diagnostics;
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([['SC005', lines[0], 1]]);
  });

  it('points an indentation error at the column where the line starts, and says where the line above starts', () => {
    const { text, lines } = seed(TUTORIAL, [['            reply: { en: "Ha, you\'ve done', '             reply: { en: "Ha, you\'ve done']]);
    const [d, ...rest] = compileScenario(text, 'indent.yaml').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'SC004', line: lines[0], column: 14, args: { problem: 'indent', column: 14, above: 13 } });
  });

  it('names the line of the first of two steps with the same id, and checks the rest of the file', () => {
    const { text } = seed(TUTORIAL, [['shows: [design-question-list]', 'shows: [design-questions-list]']]);
    // The first-contact step "call" pasted a second time below itself.
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l === '      call:');
    let end = first + 1;
    while (end < lines.length && (lines[end] === '' || lines[end]!.startsWith('        '))) end++;
    lines.splice(end, 0, ...lines.slice(first, end));
    const ds = compileScenario(lines.join('\n'), 'dup.yaml').diagnostics;
    const sc006 = ds.find((d) => d.code === 'SC006');
    expect(sc006).toMatchObject({ line: end + 1, args: { key: 'call', first: first + 1 } });
    expect(sc006!.message).toContain(`first on line ${first + 1}`);
    expect(ds.map((d) => d.code)).toContain('SC016');
  });

  it('never compiles a repaired copy into a model', () => {
    const { text } = seed(TUTORIAL, [['          - id: leading-question\n            rep:', '          - id: leading-question\n\trep:']]);
    expect(compileScenario(text, 'tab.yaml').model).toBeUndefined();
  });
});
