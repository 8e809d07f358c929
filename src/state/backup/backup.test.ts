import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordArb } from '../../domain/attempts/attempt-arbitrary.test-support';
import { scenarioSource } from '../../domain/attempts/scenario-source';
import { newCohort } from '../../domain/cohort/cohort-record';
import { openAttemptsDb } from '../attempts/attempts-db';
import { createAttemptRepository } from '../attempts/attempts-repository';
import { createUserScenarioRepository } from '../user-scenarios/user-scenarios-repository';
import { newUserScenario } from '../../domain/user-scenarios/user-scenario';
import { backupDatabase, checkBackup, makeBackup, previewRestore, restoreBackup } from './backup';

let n = 0;
const databases = () => `backup-test-${++n}`;
const repoOf = (name: string) => createAttemptRepository({ open: () => openAttemptsDb(name) });

afterEach(() => vi.restoreAllMocks());

const attempts = fc.sample(fc.uniqueArray(recordArb, { selector: (r) => r.id, minLength: 3, maxLength: 3 }), { numRuns: 1, seed: 3 })[0]!;
const mine = newUserScenario({ key: 'u1', fileName: 'mine.yaml', source: 'scenario: mine\n', hash: 'hm', origin: 'file', compiled: { meta: null, diagnostics: [] }, now: 5 });
const source = scenarioSource({ hash: 'h1', id: 'tutorial', version: '1', file: 'scenarios/t.yaml', source: 'scenario: tutorial\n' });

/** A browser with three attempts, a source and a cohort; returns its backup file's bytes. */
async function backedUpBrowser() {
  const name = databases();
  const repo = repoOf(name);
  expect(await repo.importAll(attempts, [source])).toEqual({ status: 'stored' });
  await repo.saveCohort({ ...newCohort('c1', 'Spring', 1), attemptIds: [attempts[0]!.id] });
  repo.close();
  const scenarios = createUserScenarioRepository({ open: () => openAttemptsDb(name) });
  expect(await scenarios.put(mine)).toMatchObject({ status: 'saved' });
  scenarios.close();
  backupDatabase(() => openAttemptsDb(name));
  const made = await makeBackup(1_700_000_000_000);
  if ('error' in made) throw new Error(made.error.kind);
  expect(made.counts).toMatchObject({ attempts: 3, sources: 1, cohorts: 1, userScenarios: 1, preferences: 1 });
  return new TextEncoder().encode(made.text);
}

describe('backup and restore between two browsers', () => {
  it('restores everything into an empty browser, and a second restore adds nothing', async () => {
    const bytes = await backedUpBrowser();
    const target = databases();
    backupDatabase(() => openAttemptsDb(target));
    const read = checkBackup(bytes, 'ltc-backup.json');
    if (!read.ok) throw new Error(read.error.key);
    const preview = await previewRestore(read.backup);
    expect(preview).toMatchObject({ status: 'preview', sections: [{ section: 'attempts', added: 3 }, { section: 'sources', added: 1 }, { section: 'cohorts', added: 1 }, { section: 'userScenarios', added: 1 }, { section: 'preferences' }] });
    expect((await repoOf(target).list()).records).toEqual([]);
    expect(await restoreBackup(read.backup)).toMatchObject({
      status: 'restored',
      sections: [
        { section: 'attempts', added: 3, kept: 0 },
        { section: 'sources', added: 1 },
        { section: 'cohorts', added: 1 },
        { section: 'userScenarios', added: 1 },
        { section: 'preferences' },
      ],
    });
    const repo = repoOf(target);
    const list = await repo.list();
    expect(list.records.map((r) => r.id).sort()).toEqual(attempts.map((r) => r.id).sort());
    expect((await repo.listCohorts()).cohorts.map((c) => c.attemptIds)).toEqual([[attempts[0]!.id]]);
    expect(await repo.getSource('h1')).toEqual(source);
    repo.close();
    const scenarios = createUserScenarioRepository({ open: () => openAttemptsDb(target) });
    expect((await scenarios.list()).records).toEqual([mine]);
    scenarios.close();
    expect(await restoreBackup(read.backup)).toMatchObject({
      status: 'restored',
      sections: [
        { section: 'attempts', added: 0, updated: 0, kept: 3 },
        { section: 'sources', added: 0, kept: 1 },
        { section: 'cohorts', added: 0, updated: 0, kept: 1 },
        { section: 'userScenarios', added: 0, updated: 0, kept: 1 },
        { section: 'preferences' },
      ],
    });
    expect((await repoOf(target).list()).records).toHaveLength(3);
  });

  it('writes nothing when the browser refuses part of the write (all or nothing)', async () => {
    const bytes = await backedUpBrowser();
    const target = databases();
    backupDatabase(() => openAttemptsDb(target));
    const read = checkBackup(bytes, 'ltc-backup.json');
    if (!read.ok) throw new Error(read.error.key);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 4) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const result = await restoreBackup(read.backup);
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'quota' } });
    vi.restoreAllMocks();
    const repo = repoOf(target);
    expect((await repo.list()).records).toEqual([]);
    expect((await repo.listCohorts()).cohorts).toEqual([]);
    expect(await repo.getSource('h1')).toBeNull();
    repo.close();
  });
});
