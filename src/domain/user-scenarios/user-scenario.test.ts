import { describe, expect, it } from 'vitest';
import { compileScenario } from '../compiler/compile';
import { scenarioMeta } from '../scenario/model';
import { scenarioTemplate } from '../scenario/template';
import {
  exportFileName,
  mergeUserScenarios,
  newUserScenario,
  readUserScenario,
  sourceScenarioId,
  USER_SCENARIO_MIGRATIONS,
  withScenarioId,
  withSource,
  type Compiled,
} from './user-scenario';
import { decodeScenarioFile, MAX_SCENARIO_FILE_BYTES } from './scenario-file';
import { MAX_SOURCE_BYTES } from '../compiler/source-document';
import { SOURCE_MAX_BYTES } from '../attempts/scenario-source-schema';

const text = scenarioTemplate('acme-intro', 'en');
const compiledOf = (source: string): Compiled & { hash: string } => {
  const { model, diagnostics } = compileScenario(source, 'acme-intro.yaml');
  return { meta: model ? scenarioMeta(model) : null, diagnostics, hash: model?.hash ?? 'draft' };
};
const record = () => {
  const c = compiledOf(text);
  return newUserScenario({ key: 'k1', fileName: 'acme-intro.yaml', source: text, hash: c.hash, origin: 'template', compiled: c, now: 100 });
};

describe('a user scenario record', () => {
  it('reads back what it writes, and keeps the meta of a source that compiles', () => {
    const r = record();
    expect(readUserScenario(structuredClone(r))).toEqual({ ok: true, record: r, migratedFrom: null });
    expect(r.meta).toMatchObject({ id: 'acme-intro', difficulty: 'intro' });
    expect(exportFileName(r)).toBe('acme-intro.yaml');
  });

  it('refuses what is not one, with the path of the problem', () => {
    expect(readUserScenario(null)).toMatchObject({ ok: false, error: { key: 'workshop.record.not-an-object' } });
    expect(readUserScenario({ ...record(), format: 'x' })).toMatchObject({ ok: false, error: { key: 'workshop.record.not-a-scenario' } });
    expect(readUserScenario(JSON.parse(`{"format":"ltc-user-scenario","version":1,"__proto__":{}}`))).toMatchObject({ ok: false, error: { key: 'workshop.record.unsafe-key' } });
    expect(readUserScenario({ ...record(), version: 2 })).toMatchObject({ ok: false, error: { key: 'workshop.record.future-version' } });
    expect(readUserScenario({ ...record(), versions: 'no' })).toMatchObject({ ok: false, error: { key: 'workshop.record.invalid', path: 'versions' } });
    expect(readUserScenario({ ...record(), diagnostics: [{ ...compiledOf('a: [').diagnostics[0], code: 'SC999' }] })).toMatchObject({
      ok: false,
      error: { path: 'diagnostics.0.code' },
    });
  });

  it('upgrades older versions by named migrations (none yet), and names a missing or failing one', () => {
    expect(USER_SCENARIO_MIGRATIONS).toEqual([]);
    const { version: _v, origin: _o, ...v1 } = record();
    const older = { ...v1, version: 1 };
    const migrations = [{ name: 'add-origin', from: 1, up: (r: Record<string, unknown>) => ({ ...r, origin: 'file' }) }];
    // As if v2 had added `origin`: a v1 record reads with it.
    const read = readUserScenario(older, migrations, 2);
    expect(read).toMatchObject({ ok: true, migratedFrom: 1, record: { origin: 'file' } });
    expect(readUserScenario(older, [], 2)).toMatchObject({ ok: false, error: { key: 'workshop.record.no-migration' } });
    expect(readUserScenario(older, [{ name: 'boom', from: 1, up: () => { throw new Error('x'); } }], 2)).toMatchObject({ ok: false, error: { key: 'workshop.record.migration-failed', args: { migration: 'boom' } } });
  });

  it('a source that stops compiling makes it a draft and keeps the diagnostics', () => {
    const broken = 'scenario: acme-intro\nversion: [\n';
    const c = compiledOf(broken);
    const r = withSource(record(), { source: broken, hash: 'h2', compiled: c, now: 200_000 });
    expect(r.meta).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error' });
    expect(r.fileName).toBe('acme-intro.yaml');
    expect(readUserScenario(r).ok).toBe(true);
  });

  it('merges two copies: the last edited wins, the versions of both are kept', () => {
    const a = record();
    const b = withSource(a, { source: `${text}\n# b\n`, hash: 'hb', compiled: compiledOf(text), now: 500_000 });
    const c = withSource(a, { source: `${text}\n# c\n`, hash: 'hc', compiled: compiledOf(text), now: 400_000 });
    const merged = mergeUserScenarios(c, b);
    expect(merged.source).toBe(b.source);
    expect(merged.versions.map((v) => v.hash)).toEqual([a.hash, 'hc', 'hb']);
  });

  it('finds and replaces the scenario id of a source', () => {
    expect(sourceScenarioId(text)).toBe('acme-intro');
    const copy = withScenarioId(text, 'acme-intro-copy');
    expect(sourceScenarioId(copy)).toBe('acme-intro-copy');
    expect(compileScenario(copy).model?.id).toBe('acme-intro-copy');
  });
});

describe('a scenario file', () => {
  it('may be as large as the compiler and the stored sources allow', () => {
    expect(MAX_SCENARIO_FILE_BYTES).toBe(MAX_SOURCE_BYTES);
    expect(MAX_SCENARIO_FILE_BYTES).toBe(SOURCE_MAX_BYTES);
  });

  it('is decoded as UTF-8 and refused otherwise', () => {
    expect(decodeScenarioFile('a.yaml', new TextEncoder().encode('\uFEFFscenario: a'))).toEqual({ ok: true, text: 'scenario: a' });
    expect(decodeScenarioFile('a.yaml', new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, problem: { problem: 'not-utf8' } });
    expect(decodeScenarioFile('a.json', new Uint8Array([0x61]))).toMatchObject({ ok: false, problem: { problem: 'not-yaml' } });
  });
});
