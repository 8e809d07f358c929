// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileScenario } from '../compiler/compile';
import { attemptFromFile, readAttemptFile } from '../attempts/attempt-file';
import { verifyAttemptFile } from '../attempts/verify-attempt-file';
import { attemptFixture, attemptFixtureNames, scenarioSource } from '../../../test/support/attempt-files';
import { loadModel } from '../../../test/support/load';
import { reportAttempt } from './attempt-report';
import { attemptStatements } from './statements';
import { attemptsFromStatements } from './statements-to-attempts';
import { packageDescriptor, PACKAGE_STANDARDS, type PackageDescription } from './manifests';
import { statementId } from './xapi-profile';

const actor = { objectType: 'Agent' as const, account: { homePage: 'https://training.example.org', name: 'li-na' } };

function fixture(name: string) {
  const file = attemptFixture(name);
  const model = loadModel(`scenarios/${file.scenario.id}.yaml`);
  const record = attemptFromFile(file, null);
  const expert = attemptFixture(`${model.id}.expert.json`).attempt;
  const statements = attemptStatements(model, record, reportAttempt(model, record, { seed: expert.seed, moves: expert.moves }), { actor });
  return { file, model, record, statements };
}

describe('statements and back', () => {
  it('gives the same statements, ids included, every time', () => {
    const a = fixture('precision-erp.losing.json').statements;
    const b = fixture('precision-erp.losing.json').statements;
    expect(b).toEqual(a);
    expect(a[2]!.id).toBe(statementId(fixture('precision-erp.losing.json').record.id, 'move/1'));
  });

  it('rebuilds each attempt from its statements in any order, with duplicates and other statements, and it verifies', () => {
    const all = attemptFixtureNames().map(fixture);
    const statements = all.flatMap((a) => a.statements);
    const foreign = { id: '11111111-2222-4333-8444-555555555555', actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://example.org/video' } };
    const sources = new Map(all.map((a) => [a.file.scenario.hash, { file: a.file.scenario.file, source: scenarioSource(`scenarios/${a.file.scenario.id}.yaml`) }]));
    fc.assert(
      fc.property(fc.shuffledSubarray([...statements, ...statements.slice(0, 20), foreign], { minLength: statements.length + 21 }), (shuffled) => {
        const rebuilt = attemptsFromStatements(shuffled, (h) => sources.get(h) ?? null, 1);
        expect(rebuilt).toHaveLength(all.length);
        for (const { record } of all) {
          const back = rebuilt.find((r) => r.attemptId === record.id);
          if (!back?.ok) throw new Error(`${record.id}: ${back?.ok === false ? back.problem : 'missing'}`);
          expect(back.file.attempt.moves).toEqual(record.moves);
          expect(back.file.attempt.score).toEqual(record.score);
        }
      }),
      { numRuns: 5 },
    );
    for (const r of attemptsFromStatements(statements, (h) => sources.get(h) ?? null, 1)) {
      if (!r.ok) throw new Error(r.problem);
      const read = readAttemptFile(JSON.stringify(r.file), 'lrs.json');
      if (!read.ok) throw new Error(read.error.key);
      const verified = verifyAttemptFile(read.file, { fileName: 'lrs.json', compile: compileScenario, now: 1 });
      expect(verified.ok && verified.flags).toEqual([]);
    }
  });

  it('keeps only the moves received without a gap, and names attempts of unknown scenarios', () => {
    const { statements, record } = fixture('retail-saas-rollout.expert.json');
    const without5 = statements.filter((s) => s.context?.extensions?.['https://w3id.org/ltc-sales-simulator/xapi/extensions/move-index'] !== 5);
    const source = { file: 'x.yaml', source: scenarioSource('scenarios/retail-saas-rollout.yaml') };
    const [partial] = attemptsFromStatements(without5, () => source, 1);
    expect(partial?.ok && partial.file.attempt.moves).toEqual(record.moves.slice(0, 4));
    expect(partial?.ok && partial.file.attempt.status).toBe('in-progress');
    expect(attemptsFromStatements(statements, () => null, 1)[0]).toMatchObject({ ok: false, problem: 'scenario-unknown' });
  });
});

describe('package descriptors', () => {
  const d: PackageDescription = {
    title: { en: 'Sales & <negotiation>', 'zh-CN': '销售' },
    scenarios: [
      { id: 'precision-erp', version: '1.0.0', hash: 'abc123', title: { en: 'ERP "upgrade"' }, summary: { en: 'x' }, passMark: 60 },
      { id: 'retail-saas-rollout', version: '1.0.0', hash: 'def456', title: { en: 'Retail' }, summary: { en: 'y' }, passMark: 70 },
    ],
    files: ['index.html', 'assets/index-1.js', 'assets/a&b.css'],
    launch: 'index.html',
  };
  // The browser's XML parser (jsdom's here): a descriptor that is not well-formed gives a parsererror.
  type Doc = { getElementsByTagName(n: string): ArrayLike<{ getAttribute(a: string): string | null; textContent: string | null; getElementsByTagName(n: string): ArrayLike<{ textContent: string | null }> }>; documentElement: { textContent: string | null } };
  const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(xml: string, type: string): Doc } };
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');

  it('are well-formed XML with the schema version, launch, mastery score and every file', () => {
    for (const standard of PACKAGE_STANDARDS) {
      const doc = parse(packageDescriptor(standard, d));
      expect(doc.getElementsByTagName('parsererror'), standard).toHaveLength(0);
      const text = doc.documentElement.textContent ?? '';
      if (standard === 'cmi5') {
        const aus = Array.from(doc.getElementsByTagName('au'));
        expect(aus.map((a) => [a.getAttribute('masteryScore'), a.getElementsByTagName('url')[0]!.textContent])).toEqual([
          ['0.60', 'index.html?scenario=precision-erp'],
          ['0.70', 'index.html?scenario=retail-saas-rollout'],
        ]);
      } else {
        expect(doc.getElementsByTagName('schemaversion')[0]!.textContent).toBe(standard === 'scorm12' ? '1.2' : '2004 4th Edition');
        expect(Array.from(doc.getElementsByTagName('item')).map((i) => i.getAttribute('parameters'))).toEqual(['?scenario=precision-erp', '?scenario=retail-saas-rollout']);
        expect(Array.from(doc.getElementsByTagName('file')).map((f) => f.getAttribute('href'))).toEqual(expect.arrayContaining(d.files as string[]));
        if (standard === 'scorm12') expect(Array.from(doc.getElementsByTagName('adlcp:masteryscore')).map((m) => m.textContent)).toEqual(['60', '70']);
        else expect(Array.from(doc.getElementsByTagName('imsss:minNormalizedMeasure')).map((m) => m.textContent)).toEqual(['0.60', '0.70']);
      }
      // Titles arrive as written, markup characters and all.
      expect(text).toContain('ERP "upgrade"');
      expect(text).toContain('Sales & <negotiation>');
    }
  });
});
