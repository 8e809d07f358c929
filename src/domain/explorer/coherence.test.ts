/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { playForWrongLines } from '../../../test/support/coherence-play';
import { compileScenario } from '../compiler/compile';
import { readSource } from '../compiler/source-document';
import type { ScenarioModel } from '../scenario/model';
import { initial, step } from '../runtime/engine';
import { coherence, coherenceDiagnostics, describeMoves } from './coherence';

const FIXTURES = import.meta.glob<string>(['../../../test/fixtures/coherence/*.yaml', '../../../test/fixtures/diagnostics/SC04[23]-*.yaml'], { query: '?raw', import: 'default', eager: true });
const fixture = (name: string) => Object.entries(FIXTURES).find(([p]) => p.endsWith(`/${name}`))![1];
const model = (text: string): ScenarioModel => {
  const r = compileScenario(text, 'x.yaml');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.model!;
};

describe('the coherence search', () => {
  it('reports a line that assumes a meeting proposed, reached by a way on which it was not, with that way', () => {
    const text = fixture('SC042-meeting-never-proposed.yaml');
    const r = coherence(model(text));
    expect(r.bounded).toBe(false);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ kind: 'assumes', section: 'stages', container: 'first-contact', step: 'agreed', failed: { test: 'promised', value: 'meeting' } });
    expect(f.variant).toBeUndefined();
    // Requirements first, the objection, back to the answer: the shortest way there.
    expect(describeMoves(f.moves)).toBe('first-contact/start/2 → no-time/first/1');
    const [d] = coherenceDiagnostics(r, readSource('x.yaml', text));
    expect(d).toMatchObject({ code: 'SC042', severity: 'warning', path: 'stages.first-contact.steps.agreed.assumes' });
    expect(d!.line).toBe(text.split('\n').findIndex((l) => l.includes('assumes: { promised')) + 1);
  });

  it('the path it gives is real: played from the expert lead plan it says the line without the promise', () => {
    const m = model(fixture('SC042-meeting-never-proposed.yaml'));
    const f = coherence(m).findings[0]!;
    let s = step(m, initial(m, f.seed), { type: 'leads.submit', plan: { profile: ['right-size'], grades: { first: 'A', second: 'C', third: 'B' }, pursue: ['first'], record: ['contact'] } });
    for (const move of f.moves) s = step(m, s as never, move);
    const ctx = (s as { context: { promised: string[]; transcript: { kind: string; step?: string }[] } }).context;
    expect(ctx.promised).not.toContain('meeting');
    expect(ctx.transcript.at(-1)).toMatchObject({ kind: 'customer', step: 'agreed' });
  });

  it('is clean when the line has a variant for the other case', () => {
    const r = coherence(model(fixture('meeting-with-variant.yaml')));
    expect(r.checked).toBe(2);
    expect(r.findings).toEqual([]);
    expect(r.bounded).toBe(false);
  });

  it('reports a step whose variants all have a "when" and none holds on some way there', () => {
    const r = coherence(model(fixture('SC043-no-variant-holds.yaml')));
    expect(r.findings.map((f) => [f.kind, f.step, describeMoves(f.moves)])).toEqual([['silent', 'agreed', 'first-contact/start/2 → no-time/first/1']]);
  });

  it('searches nothing in a scenario with nothing to check, and says when its budget cut the search', () => {
    const text = fixture('SC042-meeting-never-proposed.yaml');
    const plain = model(text.replace('        assumes: { promised: [meeting] }\n', ''));
    expect(coherence(plain)).toMatchObject({ checked: 0, states: 0, findings: [], bounded: false });
    const cut = coherence(model(text), { maxStates: 1 });
    expect(cut.bounded).toBe(true);
    expect(coherenceDiagnostics(cut, readSource('x.yaml', text)).map((d) => d.code)).toContain('SC044');
  });

  it('changes nothing in play: the same moves give the same state with or without "assumes"', () => {
    const text = fixture('meeting-with-variant.yaml');
    const a = model(text);
    const b = model(text.replace(/^ *(- )?assumes: .*\n/gm, (l) => (l.includes('- ') ? l.replace(/assumes: .*/, '').replace(/- $/, '-') : '')).replace(/-\s*\n\s*text:/g, '- text:'));
    const plan = { profile: ['right-size'], grades: { first: 'A' as const, second: 'C' as const, third: 'B' as const }, pursue: ['first'], record: ['contact'] };
    for (const moves of [['first-contact/start/1', 'first-contact/agreed/1'], ['first-contact/start/2', 'no-time/first/1', 'first-contact/agreed/1']]) {
      const play = (m: ScenarioModel) => moves.reduce((s, option) => step(m, s as never, { type: 'choose', option }) as never, step(m, initial(m, 1), { type: 'leads.submit', plan }));
      const context = (m: ScenarioModel) => ({ ...(play(m) as { context: { scenario: object } }).context, scenario: null });
      expect(JSON.stringify(context(b))).toBe(JSON.stringify(context(a)));
    }
  });

  it('misses nothing random play finds: every wrong line a play says is among its findings', () => {
    for (const name of ['SC042-meeting-never-proposed.yaml', 'SC043-no-variant-holds.yaml', 'meeting-with-variant.yaml']) {
      const m = model(fixture(name));
      const found = new Set(coherence(m).findings.map((f) => `${f.container}/${f.step}:${f.kind === 'silent' ? 'silent' : (f.variant ?? 'assumes')}`));
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 30 }), (picks) => {
          for (const wrong of playForWrongLines(m, 1, picks)) expect(found, `${name}: ${wrong}`).toContain(wrong);
        }),
        { numRuns: 60 },
      );
    }
  });
});
