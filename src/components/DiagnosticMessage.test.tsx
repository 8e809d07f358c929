// @vitest-environment jsdom
/// <reference types="vite/client" />
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../test/support/i18n';
import { compileScenario } from '../domain/compiler/compile';
import type { DiagnosticCode } from '../domain/diagnostics/codes';
import { makeDiagnostic, type Diagnostic } from '../domain/diagnostics/diagnostic';
import { allDiagnosticMessageKeys, diagnosticMessageKey } from '../domain/diagnostics/message-key';
import { DiagnosticMessage } from './DiagnosticMessage';

const FIXTURES = import.meta.glob<string>('../../test/fixtures/diagnostics/*.yaml', { query: '?raw', import: 'default', eager: true });
/** Every diagnostic of every failing fixture, by fixture name. */
const fixtures = Object.entries(FIXTURES).map(([path, text]) => {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return { file, diagnostics: compileScenario(text, file).diagnostics };
});
const one = (file: string, code: string): Diagnostic => fixtures.find((f) => f.file === file)!.diagnostics.find((d) => d.code === code)!;
const fromFixtures = fixtures.flatMap((f) => f.diagnostics);

/** Arguments for every variant that no failing fixture shows. */
const W = { where: 'stages.discovery.steps.ask' };
const SAMPLES: [DiagnosticCode, Record<string, string | number>][] = [
  ['SC000', { detail: 'x is undefined' }],
  ['SC001', { size: 3_000_000, limit: 2_097_152 }],
  ['SC002', {}],
  ['SC004', { problem: 'multiple-documents' }],
  ['SC004', { problem: 'unresolved-alias', alias: 'base' }],
  ['SC004', { problem: 'indent', column: 14, above: 13 }],
  ['SC006', { key: 'call', first: 12 }],
  ['SC006', { key: 'call' }],
  ['SC039', { name: 'my-file.yaml', id: 'my-scenario', expected: 'my-scenario.yaml' }],
  ['SC041', { kind: 'term', id: 'price', count: 3, won: 40 }],
  ['SC041', { kind: 'approval', id: 'finance', count: 3, won: 40 }],
  ['SC041', { kind: 'invoice', id: '', count: 3, won: 40 }],
  ...(
    [
      ['trust', '>= 40'],
      ['revealed', 'pains'],
      ['not-revealed', 'pains'],
      ['not-promised', 'meeting'],
      ['recorded', 'pains'],
      ['shown', 'confirm-terms'],
      ['committed', 'be-hasty'],
      ['reached', 'discovery/ask'],
      ['stage', 'negotiation, signing'],
    ] as const
  ).map(([kind, value]): [DiagnosticCode, Record<string, string>] => ['SC042', { where: 'stages.discovery.steps.ask.assumes', assumed: `{ ${kind}: [${value}] }`, kind, value, path: 'first-contact/start/2 → wait 3' }]),
  ['SC042', { where: 'stages.first-contact.steps.agreed.assumes', assumed: '{ promised: [meeting] }', kind: 'promised', value: 'meeting', path: 'first-contact/start/2 → no-time/first/1' }],
  ['SC043', { where: 'stages.first-contact.steps.agreed.customer', kind: 'trust', value: '>= 60', path: 'first-contact/start/2 → no-time/first/1' }],
  ['SC044', { states: 200000, checked: 12 }],
  ['SC009', { key: 'titel', where: '', allowed: 'scenario, title', suggestion: 'title' }],
  ['SC009', { key: 'frobs', where: '', allowed: 'scenario, title' }],
  ['SC009', { key: 'frobs', ...W, allowed: 'customer, options' }],
  ['SC010', { key: 'title', where: '' }],
  ...(['not-text', 'not-lines', 'not-condition'] as const).map((problem): [DiagnosticCode, Record<string, string>] => ['SC011', { ...W, problem }]),
  ['SC011', { where: '', problem: 'not-a-map' }],
  ['SC011', { ...W, problem: 'bad-key', key: 'Hello there' }],
  ['SC011', { ...W, problem: 'forbidden-key', key: '__proto__' }],
  ['SC011', { ...W, problem: 'bad-id', value: 'Budget Cycle' }],
  ['SC011', { ...W, problem: 'bad-meter-test', value: 'high' }],
  ['SC011', { ...W, problem: 'bad-step', value: 'invoice' }],
  ['SC011', { ...W, problem: 'too-few', minimum: 1 }],
  ['SC011', { ...W, problem: 'other', detail: 'Invalid input' }],
  ['SC011', { where: 'minutes', problem: 'not-allowed', value: 'easy', allowed: 'intro, advanced', suggestion: 'intro' }],
  ['SC011', { where: 'minutes', problem: 'type', expected: 'whole-number', found: 'text', value: 'ten' }],
  ['SC011', { where: 'minutes', problem: 'type', expected: 'number', found: 'number', value: 1.5 }],
  ['SC011', { where: 'options', problem: 'type', expected: 'list', found: 'boolean', value: 'true' }],
  ['SC011', { where: 'options', problem: 'type', expected: 'list', found: 'map' }],
  ['SC011', { where: 'customer', problem: 'type', expected: 'map', found: 'list' }],
  ['SC011', { where: 'title', problem: 'type', expected: 'text', found: 'null' }],
  ...(['SC012', 'SC013', 'SC014', 'SC015', 'SC016', 'SC025'] as const).flatMap((code): [DiagnosticCode, Record<string, string>][] => [
    [code, { id: 'x', ...W }],
    [code, { id: 'x', ...W, suggestion: 'y' }],
  ]),
  ['SC017', { id: 'signing', where: 'objections.signing', scope: 'objection-and-stage' }],
  ['SC017', { id: 'confirm-terms', where: 'checklist.add', scope: 'default-checklist' }],
  ['SC017', { id: 'ask', ...W, scope: 'options' }],
  ['SC019', { id: 'ask', where: 'stages.discovery', problem: 'no-way-on', objection: '' }],
  ['SC019', { id: 'first', where: 'objections.price', problem: 'no-way-on', objection: 1 }],
  ['SC019', { id: 'first', where: 'objections.price', problem: 'no-options', objection: 1 }],
  ['SC020', { stage: 'collection' }],
  ['SC022', { id: 'be-hasty', kind: 'pitfall', stage: 'signing' }],
  ['SC038', { ...W, name: 'weekday', placeholder: '{weekday}', problem: 'no-calendar' }],
  ['SC026', { option: '2', where: 'objections.price.steps.first', objection: 1 }],
  ['SC027', { option: 'freeze', where: 'surprises', keys: 'raises, ends' }],
  ['SC028', { where: 'stages.signing.steps.a.options[0].commits[0]', problem: 'wrong-list', id: 'confirm-terms', kind: 'key-action', list: 'shows' }],
  ['SC028', { where: 'stages.signing.steps.a.options[0].shows[0]', problem: 'wrong-list', id: 'be-hasty', kind: 'pitfall', list: 'commits' }],
  ['SC028', { where: 'objections.price.steps.a.options[0]', problem: 'stage-in-objection' }],
  ['SC028', { where: 'stages.signing.steps.a.options[0]', problem: 'resolves-outside-objection' }],
  ['SC028', { where: 'surprises.freeze', problem: 'surprise-wins' }],
  ['SC030', { kind: 'lead', id: 'x', where: 'leads.customer-lead' }],
  ...(['profile-criterion', 'record-field'] as const).flatMap((kind): [DiagnosticCode, Record<string, string>][] => [
    ['SC030', { kind, id: 'x', where: 'leads.profile.ideal' }],
    ['SC030', { kind, id: 'x', where: 'leads.profile.ideal', suggestion: 'y' }],
  ]),
  ['SC034', { problem: 'one-grade' }],
  ['SC035', { where: 'contract.terms.pack', test: 'shown', id: 'prepare-documents', implicit: 1 }],
  ...(['shown', 'committed', 'promised', 'recorded'] as const).map((test): [DiagnosticCode, Record<string, string>] => ['SC035', { where: 'payment.invoice.sent', test, id: 'x' }]),
];
const samples = SAMPLES.map(([code, args]) => makeDiagnostic(code, { file: 'x.yaml', line: 1, column: 1, path: '' }, args));

const i18n = initTestI18n('en');
const translate = (d: Diagnostic, lng: 'en' | 'zh-CN') => {
  const { key, args } = diagnosticMessageKey(d);
  return i18n.getFixedT(lng)(key, args as Record<string, unknown>) as string;
};
const shown = (d: Diagnostic) => render(<DiagnosticMessage diagnostic={d} />).container.textContent;

afterEach(cleanup);
afterAll(async () => {
  await i18n.changeLanguage('en');
});

describe('diagnostic templates', () => {
  it('exist for every code and variant of the registry, in both languages, and nothing else', () => {
    for (const lng of ['en', 'zh-CN'] as const) {
      const missing = allDiagnosticMessageKeys().filter((key) => typeof i18n.getResource(lng, 'translation', key) !== 'string');
      expect(missing, lng).toEqual([]);
      const section = i18n.getResource(lng, 'translation', 'diagnostics') as Record<string, unknown>;
      const known = new Set(allDiagnosticMessageKeys().map((k) => k.slice('diagnostics.'.length)));
      expect(Object.keys(section).filter((k) => k !== 'valueKind' && !known.has(k)), lng).toEqual([]);
    }
  });

  it('are shown below for every variant, by a failing fixture or a sample', () => {
    const shownKeys = new Set([...fromFixtures, ...samples].map((d) => diagnosticMessageKey(d).key));
    expect(allDiagnosticMessageKeys().filter((k) => !shownKeys.has(k) && k !== 'diagnostics.untranslated')).toEqual([]);
  });

  it('say in English exactly what the command line says', () => {
    // The one difference: a list of keys is formatted as a list (without the quotes around each).
    for (const d of [...fromFixtures, ...samples].filter((x) => x.code !== 'SC027')) expect(translate(d, 'en'), `${d.code} ${JSON.stringify(d.args)}`).toBe(d.message);
    const sc027 = one('SC027-next-and-stage.yaml', 'SC027');
    expect(translate(sc027, 'en')).toBe('Option 1 in stages.discovery.steps.open-question has both next and stage. Keep one.');
  });

  it('say it in Chinese, with every argument in place and no placeholder or key left', () => {
    for (const d of [...fromFixtures, ...samples]) {
      const text = translate(d, 'zh-CN');
      // Paths in the document start with "stages." too: only what is not a path must be free of keys.
      const paths = Object.entries(d.args).filter(([k, v]) => k === 'where' || (typeof v === 'string' && /^(stages|objections|surprises)\./.test(v)));
      const prose = paths.reduce((out, [, v]) => out.split(String(v || '\u0000')).join(''), text);
      expect(prose, d.code).not.toMatch(/{{|}}|\$t\(|diagnostics\.|stages\.[a-z]/);
      expect(text, d.code).toMatch(/[\u4e00-\u9fff]/);
      // Whatever the English names (ids, keys, suggestions, places), the Chinese names too.
      const en = translate(d, 'en');
      for (const name of ['id', 'key', 'suggestion', 'where', 'value', 'test', 'locale'] as const) {
        const arg = d.args[name];
        if (arg !== undefined && arg !== '' && en.includes(String(arg))) expect(text, `${d.code} ${name}`).toContain(String(arg));
      }
    }
  });
});

describe('<DiagnosticMessage>', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows a diagnostic in English', () => {
    expect(shown(one('SC012-next-typo.yaml', 'SC012'))).toBe('Unknown step "folow-up" in "stages.discovery.steps.open-question.options[0].next". Did you mean "follow-up"?');
    expect(shown(one('SC011-wrong-difficulty.yaml', 'SC011'))).toBe('difficulty: "beginner" is not allowed; use one of intro, intermediate, advanced.');
  });

  it('shows diagnostics in Chinese, with the stage names in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(shown(one('SC012-next-typo.yaml', 'SC012'))).toBe('“stages.discovery.steps.open-question.options[0].next”中有未知的步骤“folow-up”。是不是想写“follow-up”？');
    expect(shown(one('SC020-stage-goes-back.yaml', 'SC020'))).toBe('“方案呈现”阶段没有任何路径通往“商务谈判”。请添加一个带“stage: negotiation”的选项。');
    expect(shown(one('SC022-key-action-never-shown.yaml', 'SC022'))).toBe(
      '没有任何选项能展示关键动作“solve-blockers”（回款催收）。请在该阶段某个选项的“shows”中加上它，或用“checklist.remove”移除它。',
    );
    expect(shown(one('SC035-approval-never-done.yaml', 'SC035'))).toBe(
      '“payment.approvals.purchase-order.done”永远不会成立：场景里没有任何东西能让“revealed: [purchase-order]”成立，所以它会一直显示为未完成。请在某个选项或突发事件的“effects”中揭示“purchase-order”，或修改条件。',
    );
    expect(shown(one('SC027-next-and-stage.yaml', 'SC027'))).toBe('stages.discovery.steps.open-question 中的选项 1 同时有 next和stage。只保留一个。');
  });
});
