/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../compiler/compile';
import { DIAGNOSTIC_CODES, messageKeySuffixes, type DiagnosticCode } from './codes';
import { makeDiagnostic } from './diagnostic';
import { allDiagnosticMessageKeys, diagnosticMessageKey } from './message-key';

const FIXTURES = import.meta.glob<string>('../../../test/fixtures/diagnostics/*.yaml', { query: '?raw', import: 'default', eager: true });
const at = { file: 'x.yaml', line: 1, column: 1, path: '' };
const key = (code: DiagnosticCode, args = {}) => diagnosticMessageKey(makeDiagnostic(code, at, args));

describe('the message key of a diagnostic', () => {
  it('is its code, or its code and the variant its arguments call for', () => {
    expect(key('SC012', { id: 'folow-up', where: 'a.next' })).toEqual({ key: 'diagnostics.SC012', args: { id: 'folow-up', where: 'a.next' } });
    expect(key('SC012', { id: 'folow-up', where: 'a.next', suggestion: 'follow-up' }).key).toBe('diagnostics.SC012_suggestion');
    expect(key('SC009', { key: 'x', where: '', allowed: 'a, b' }).key).toBe('diagnostics.SC009_top');
    expect(key('SC009', { key: 'x', where: '', allowed: 'a, b', suggestion: 'a' }).key).toBe('diagnostics.SC009_top_suggestion');
    expect(key('SC022', { id: 'be-hasty', kind: 'pitfall', stage: 'signing' }).key).toBe('diagnostics.SC022_pitfall');
    expect(key('SC022', { id: 'confirm-terms', kind: 'key-action', stage: 'signing' }).key).toBe('diagnostics.SC022_keyAction');
    expect(key('SC019', { id: 's', where: 'objections.o', problem: 'no-way-on', objection: 1 }).key).toBe('diagnostics.SC019_noWayOn_objection');
    expect(key('SC020', { stage: 'collection' }).key).toBe('diagnostics.SC020_cash');
    expect(key('SC011', { where: 'difficulty', problem: 'type', expected: 'text', found: 'number', value: 3 }).key).toBe('diagnostics.SC011_typeNumber');
    expect(key('SC035', { where: 'contract.terms.x', test: 'shown', id: 'confirm-terms', implicit: 1 }).key).toBe('diagnostics.SC035_implicit');
  });

  it('passes a list argument as a list', () => {
    expect(key('SC027', { option: '1', where: 'stages.discovery.steps.a', keys: 'next, stage, ends' }).args.keys).toEqual(['next', 'stage', 'ends']);
  });

  it('falls back to the English message for a variant no template knows', () => {
    const d = makeDiagnostic('SC011', at, { where: 'x', problem: 'from-the-future' });
    expect(diagnosticMessageKey(d)).toEqual({ key: 'diagnostics.untranslated', args: { message: d.message } });
    expect(diagnosticMessageKey({ code: 'SC999' as DiagnosticCode, args: {}, message: 'Something new.' })).toEqual({ key: 'diagnostics.untranslated', args: { message: 'Something new.' } });
  });

  it('is one of the keys the registry lists, for every diagnostic of every failing fixture', () => {
    const keys = new Set(allDiagnosticMessageKeys());
    const seen = new Set<string>();
    for (const [path, text] of Object.entries(FIXTURES)) {
      for (const d of compileScenario(text, path).diagnostics) {
        const k = diagnosticMessageKey(d).key;
        expect(keys.has(k) && k !== 'diagnostics.untranslated', `${path}: ${k}`).toBe(true);
        seen.add(d.code);
      }
    }
    // All but SC000, SC001, SC002 (generated inputs) and SC039, SC041–SC044 (found by the CLI, from the file name and the explorer).
    expect(seen.size).toBeGreaterThanOrEqual(Object.keys(DIAGNOSTIC_CODES).length - 8);
  });

  it('lists every variant of every code once', () => {
    const keys = allDiagnosticMessageKeys();
    expect(new Set(keys).size).toBe(keys.length);
    for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) expect(messageKeySuffixes(code).length).toBeGreaterThan(0);
  });
});
