import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioTemplate } from '../../domain/scenario/template';
import { MAX_VERSIONS, VERSION_INTERVAL_MS, USER_SCENARIO_FORMAT } from '../../domain/user-scenarios/user-scenario';
import { openAttemptsDb, type AttemptsDatabase } from '../attempts/attempts-db';
import { createAttemptRepository } from '../attempts/attempts-repository';
import { createUserScenarioRepository, type UserScenarioRepository } from './user-scenarios-repository';
import { createUserScenariosStore, type IncomingScenarioFile } from './user-scenarios-store';

let dbCount = 0;
const repositories: { close(): void }[] = [];
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  repositories.splice(0).forEach((r) => r.close());
});

function fresh(open?: () => Promise<AttemptsDatabase>) {
  const name = `user-scenarios-test-${++dbCount}`;
  let clock = 1_000_000;
  let keys = 0;
  const make = () => {
    const repository = createUserScenarioRepository({ open: open ?? (() => openAttemptsDb(name)) });
    repositories.push(repository);
    return createUserScenariosStore({ repository, now: () => (clock += 1000), newKey: () => `k${++keys}`, debounceMs: 5 });
  };
  return { name, store: make(), reopen: make, advance: (ms: number) => (clock += ms) };
}

const file = (name: string, text: string | Uint8Array): IncomingScenarioFile => {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, size: bytes.byteLength, bytes: async () => bytes };
};

const good = scenarioTemplate('shared-one', 'en');

describe('the user scenarios store', () => {
  it('creates one from the template, which compiles, and keeps it after a reload', async () => {
    const { store, reopen } = fresh();
    const key = await store.getState().create('zh-CN');
    const [record] = store.getState().records;
    expect(record).toMatchObject({ key, format: USER_SCENARIO_FORMAT, origin: 'template', fileName: 'my-scenario.yaml', meta: { id: 'my-scenario', difficulty: 'intro' } });
    expect(record!.source).toBe(scenarioTemplate('my-scenario', 'zh-CN'));
    expect(record!.versions).toHaveLength(1);
    expect(store.getState().saves).toEqual({});
    // A second one gets an id of its own.
    await store.getState().create('en');
    const again = reopen();
    await again.getState().load();
    expect(again.getState().records.map((r) => r.meta?.id).sort()).toEqual(['my-scenario', 'my-scenario-2']);
  });

  it('imports YAML files; one that does not compile is kept as a draft with its diagnostics', async () => {
    const { store } = fresh();
    const outcomes = await store.getState().importFiles([file('shared-one.yml', good), file('broken.yaml', 'scenario: x\nversion: [\n')]);
    expect(outcomes).toMatchObject([
      { file: 'shared-one.yml', status: 'imported', draft: false, storageError: null },
      { file: 'broken.yaml', status: 'imported', draft: true },
    ]);
    const draft = store.getState().records.find((r) => r.fileName === 'broken.yaml')!;
    expect(draft.meta).toBeNull();
    expect(draft.diagnostics.length).toBeGreaterThan(0);
    expect(draft.diagnostics[0]).toMatchObject({ severity: 'error', file: 'broken.yaml' });
  });

  it('refuses files that are not YAML, too large, empty or not UTF-8, and stores nothing for them', async () => {
    const { store } = fresh();
    const huge: IncomingScenarioFile = { name: 'huge.yaml', size: 3 * 1024 * 1024, bytes: () => Promise.reject(new Error('must not be read')) };
    const outcomes = await store.getState().importFiles([file('notes.txt', good), huge, file('empty.yaml', '  \n'), file('latin1.yaml', new Uint8Array([0x73, 0xe9, 0x0a]))]);
    expect(outcomes.map((o) => (o.status === 'refused' ? o.problem.problem : o.status))).toEqual(['not-yaml', 'too-large', 'empty', 'not-utf8']);
    expect(store.getState().records).toEqual([]);
  });

  it('duplicates a bundled scenario under an id of its own', async () => {
    const { store } = fresh();
    const key = await store.getState().duplicate({ source: good, id: 'shared-one', file: 'scenarios/shared-one.yaml' });
    const record = store.getState().records.find((r) => r.key === key)!;
    expect(record).toMatchObject({ origin: 'bundled', fileName: 'shared-one-copy.yaml', meta: { id: 'shared-one-copy' } });
  });

  it('autosaves edits after a pause, keeps the last versions and restores one', async () => {
    const { store, reopen, advance } = fresh();
    const key = await store.getState().create('en');
    const original = store.getState().records[0]!.source;
    store.getState().edit(key, original.replace('minutes: 10', 'minutes: 12'));
    expect(store.getState().saves[key]).toEqual({ status: 'saving' });
    expect(store.getState().unsaved()).toBe(true);
    await vi.waitFor(() => expect(store.getState().saves[key]).toBeUndefined());
    expect(store.getState().unsaved()).toBe(false);
    expect(store.getState().records[0]!.meta?.minutes).toBe(12);
    expect(store.getState().records[0]!.versions).toHaveLength(2);
    // A burst of typing within the interval is one version; a later edit is another.
    store.getState().edit(key, original.replace('minutes: 10', 'minutes: 13'));
    await store.getState().flush();
    expect(store.getState().records[0]!.versions.map((v) => v.source.includes('minutes: 13'))).toEqual([false, true]);
    advance(VERSION_INTERVAL_MS);
    store.getState().edit(key, 'scenario: [broken');
    await store.getState().flush();
    const edited = store.getState().records[0]!;
    expect(edited.versions).toHaveLength(3);
    expect(edited.meta).toBeNull(); // a draft now
    await store.getState().restore(key, edited.versions[0]!.savedAt);
    const restored = store.getState().records[0]!;
    expect(restored.source).toBe(original);
    expect(restored.meta?.minutes).toBe(10);
    expect(restored.versions.map((v) => v.source)).toEqual([original, expect.stringContaining('minutes: 13'), 'scenario: [broken', original]);
    const again = reopen();
    await again.getState().load();
    expect(again.getState().records[0]).toEqual(restored);
  });

  it('keeps at most the last N versions', async () => {
    const { store, advance } = fresh();
    const key = await store.getState().create('en');
    for (let i = 0; i < MAX_VERSIONS + 5; i++) {
      advance(VERSION_INTERVAL_MS);
      store.getState().edit(key, `${good}\n# edit ${i}\n`);
      await store.getState().flush();
    }
    const versions = store.getState().records[0]!.versions;
    expect(versions).toHaveLength(MAX_VERSIONS);
    expect(versions.at(-1)!.source).toContain(`# edit ${MAX_VERSIONS + 4}`);
  });

  it('shows a storage failure, keeps the text in memory, and stores it once storage works again', async () => {
    const { name, store, reopen } = fresh();
    const key = await store.getState().create('en');
    const text = `${good}\n# not lost\n`;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.getState().edit(key, text);
    await store.getState().flush();
    expect(store.getState().saves[key]).toEqual({ status: 'failed', error: expect.objectContaining({ kind: 'quota' }) });
    expect(store.getState().records[0]!.source).toBe(text);
    expect(store.getState().unsaved()).toBe(true);
    // Another tab (a reload) sees the last stored text: nothing half stored.
    const other = reopen();
    await other.getState().load();
    expect(other.getState().records[0]!.source).not.toBe(text);
    failing.mockRestore();
    await store.getState().retry(key);
    expect(store.getState().saves[key]).toBeUndefined();
    expect(store.getState().unsaved()).toBe(false);
    const after = createUserScenariosStore({ repository: createUserScenarioRepository({ open: () => openAttemptsDb(name) }) });
    await after.getState().load();
    expect(after.getState().records[0]!.source).toBe(text);
  });

  it('reports a damaged record by key, shows the others, and deletes it', async () => {
    const { name, store } = fresh();
    await store.getState().create('en');
    const db = await openAttemptsDb(name);
    await db.put('userScenarios', { key: 'bad', format: USER_SCENARIO_FORMAT, version: 1, source: 42 });
    await db.put('userScenarios', { key: 'future', format: USER_SCENARIO_FORMAT, version: 99 });
    db.close();
    await store.getState().load();
    expect(store.getState().records).toHaveLength(1);
    expect(store.getState().corrupt).toEqual([
      { key: 'bad', error: expect.objectContaining({ key: 'workshop.record.invalid' }) },
      { key: 'future', error: expect.objectContaining({ key: 'workshop.record.future-version' }) },
    ]);
    await store.getState().remove('bad');
    await store.getState().load();
    expect(store.getState().corrupt.map((c) => c.key)).toEqual(['future']);
  });

  it('deletes a scenario', async () => {
    const { store, reopen } = fresh();
    const key = await store.getState().create('en');
    await store.getState().remove(key);
    expect(store.getState().records).toEqual([]);
    const again = reopen();
    await again.getState().load();
    expect(again.getState().records).toEqual([]);
  });

  it('reports a database that cannot be opened, keeping new scenarios in memory', async () => {
    const unavailable = Object.assign(new Error('no'), { name: 'SecurityError' });
    const { store } = fresh(() => Promise.reject(unavailable));
    const key = await store.getState().create('en');
    expect(store.getState().saves[key]).toMatchObject({ status: 'failed', error: { kind: 'unavailable' } });
    await store.getState().load();
    expect(store.getState().records.map((r) => r.key)).toEqual([key]);
    expect(store.getState().storageError).toMatchObject({ kind: 'unavailable' });
  });
});

describe('the database upgrade to version 3', () => {
  /** A database as version 2 of the app left it, with an attempt, a source and a cohort. */
  async function versionTwo(name: string) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 2);
      request.onupgradeneeded = () => {
        const db = request.result;
        const store = db.createObjectStore('attempts', { keyPath: 'id' });
        store.createIndex('by-scenario', 'scenario.id');
        store.createIndex('by-updated', 'updatedAt');
        db.createObjectStore('sources', { keyPath: 'hash' }).put({ format: 'ltc-scenario-source', version: 1, hash: 'h1', id: 's', scenarioVersion: '1', file: 's.yaml', source: 'x' });
        db.createObjectStore('cohorts', { keyPath: 'id' });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
  }

  it('adds the user scenarios to a version 2 database and keeps what was there', async () => {
    const name = `user-scenarios-test-${++dbCount}`;
    await versionTwo(name);
    const attempts = createAttemptRepository({ open: () => openAttemptsDb(name) });
    repositories.push(attempts);
    expect(await attempts.getSource('h1')).toMatchObject({ hash: 'h1', source: 'x' });
    const repository: UserScenarioRepository = createUserScenarioRepository({ open: () => openAttemptsDb(name) });
    repositories.push(repository);
    const store = createUserScenariosStore({ repository });
    await store.getState().create('en');
    const db = await openAttemptsDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(['attempts', 'cohorts', 'sources', 'userScenarios']);
    expect(db.version).toBe(3);
    expect(await db.count('userScenarios')).toBe(1);
    db.close();
  });

  it('upgrades a version 1 database straight to version 3', async () => {
    const name = `user-scenarios-test-${++dbCount}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('attempts', { keyPath: 'id' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const db = await openAttemptsDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(['attempts', 'cohorts', 'sources', 'userScenarios']);
    db.close();
  });
});
