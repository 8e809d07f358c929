import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tour } from '../../../test/support/load';
import { playPicks } from '../../../test/support/random-play';
import { replay } from '../../domain/runtime/drill';
import { ATTEMPT_VERSION, type AttemptRecord } from '../../domain/attempts/attempt-record';
import { newAttemptRecord, withMoves } from '../../domain/attempts/new-attempt';
import { createAttemptRepository, type AttemptRepository } from './attempts-repository';
import { ATTEMPTS_DB_VERSION, openAttemptsDb } from './attempts-db';
import { recordArb } from '../../domain/attempts/attempt-arbitrary.test-support';
import { scenarioSource } from '../../domain/attempts/scenario-source';

let dbCount = 0;
const repositories: AttemptRepository[] = [];
/** A repository over a fresh database; `reopen` gives a second repository over the same one (a reload). */
function fresh() {
  const name = `attempts-test-${++dbCount}`;
  const make = () => {
    const repo = createAttemptRepository({ open: () => openAttemptsDb(name) });
    repositories.push(repo);
    return repo;
  };
  return { name, repo: make(), reopen: make };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  repositories.splice(0).forEach((r) => r.close());
});

const attempt = (id: string, updatedAt = 1000): AttemptRecord => ({
  ...newAttemptRecord({ id, scenario: { id: 'feature-tour', version: '1.0.0', hash: 'abc123' }, seed: 7, now: 500 }),
  updatedAt,
  moves: [{ type: 'choose', option: 'x/y/1' }],
  times: [1],
  explainBacks: [{ stage: 'discovery', text: 'Ask before you pitch.', skipped: false }],
});

async function putRaw(name: string, value: unknown) {
  const db = await openAttemptsDb(name);
  await db.put('attempts', value);
  db.close();
}

describe('the attempts repository', () => {
  it('stores an attempt and gives it back after a reload', async () => {
    const { repo, reopen } = fresh();
    expect(await repo.save(attempt('a'))).toEqual({ status: 'saved', record: attempt('a') });
    await repo.save(attempt('b', 2000));
    const again = reopen();
    expect(await again.get('a')).toEqual({ status: 'found', record: attempt('a'), storageError: null });
    expect(await again.get('nope')).toEqual({ status: 'missing', storageError: null });
    expect(await again.list()).toEqual({ records: [attempt('b', 2000), attempt('a')], corrupt: [], storageError: null });
  });

  it('refuses an invalid attempt and stores nothing', async () => {
    const { repo } = fresh();
    const bad = { ...attempt('a'), seed: 1.5 };
    expect(await repo.save(bad)).toMatchObject({ status: 'invalid', error: { key: 'attempts.record.invalid', path: 'seed' } });
    expect((await repo.list()).records).toEqual([]);
  });

  it('reports a corrupt record by id, loads the others, and lets it be discarded', async () => {
    const { name, repo } = fresh();
    await repo.save(attempt('good'));
    await putRaw(name, { id: 'garbage', hello: 'world' });
    await putRaw(name, { ...attempt('half'), moves: 'not a list' });
    const list = await repo.list();
    expect(list.records).toEqual([attempt('good')]);
    expect(list.corrupt).toEqual([
      { id: 'garbage', error: expect.objectContaining({ key: 'attempts.record.not-an-attempt' }) },
      { id: 'half', error: expect.objectContaining({ key: 'attempts.record.invalid', path: 'moves' }) },
    ]);
    expect(await repo.get('half')).toMatchObject({ status: 'corrupt', error: { path: 'moves' } });
    expect(await repo.discard('garbage')).toEqual({ storageError: null });
    expect((await repo.list()).corrupt.map((c) => c.id)).toEqual(['half']);
  });

  it('refuses a record from a newer version of the app, leaving it stored', async () => {
    const { name, repo, reopen } = fresh();
    await putRaw(name, { ...attempt('future'), version: ATTEMPT_VERSION + 1, newField: true });
    const list = await repo.list();
    expect(list.corrupt).toEqual([{ id: 'future', error: expect.objectContaining({ key: 'attempts.record.future-version' }) }]);
    expect((await reopen().list()).corrupt).toHaveLength(1);
  });

  it('keeps the attempt in memory and says so when storage is full, then stores it when it can', async () => {
    const { repo, reopen } = fresh();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await repo.save(attempt('a'));
    expect(result).toMatchObject({ status: 'memory-only', record: attempt('a'), error: { kind: 'quota', key: 'attempts.storage.quota' } });
    expect((await repo.list()).records).toEqual([attempt('a')]);
    expect(await repo.get('a')).toMatchObject({ status: 'found', record: attempt('a') });
    expect((await reopen().list()).records).toEqual([]);

    put.mockRestore();
    expect((await repo.save(attempt('b', 3000))).status).toBe('saved');
    expect((await reopen().list()).records).toEqual([attempt('b', 3000), attempt('a')]);
  });

  it('works from memory when IndexedDB cannot be opened (private mode, disabled)', async () => {
    const repo = createAttemptRepository({ open: () => Promise.reject(new DOMException('no', 'InvalidStateError')) });
    expect(await repo.save(attempt('a'))).toMatchObject({ status: 'memory-only', error: { kind: 'unavailable' } });
    expect(await repo.list()).toEqual({ records: [attempt('a')], corrupt: [], storageError: expect.objectContaining({ kind: 'unavailable' }) });
    expect(await repo.discard('a')).toMatchObject({ storageError: { kind: 'unavailable' } });
    expect((await repo.list()).records).toEqual([]);
  });

  it('works from memory when the browser has no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const repo = createAttemptRepository();
    expect(await repo.save(attempt('a'))).toMatchObject({ status: 'memory-only', error: { kind: 'unavailable' } });
    expect(await repo.get('a')).toMatchObject({ status: 'found', storageError: { kind: 'unavailable' } });
  });

  it('reports a database blocked by another tab', async () => {
    const blocked = Object.assign(new Error('blocked'), { name: 'BlockedError' });
    const repo = createAttemptRepository({ open: () => Promise.reject(blocked) });
    expect(await repo.save(attempt('a'))).toMatchObject({ status: 'memory-only', error: { kind: 'blocked' } });
  });

  it('lets another tab upgrade the database instead of blocking it, then reports it cannot reopen', async () => {
    const { name, repo } = fresh();
    await repo.save(attempt('a'));
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, ATTEMPTS_DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the repository did not let go'));
    });
    upgraded.close();
    expect(await repo.save(attempt('b'))).toMatchObject({ status: 'memory-only', error: { kind: 'unavailable', name: 'VersionError' } });
    expect((await repo.list()).records.map((r) => r.id)).toEqual(['b']);
  });

  it('gives back any valid attempt unchanged', async () => {
    const { repo, reopen } = fresh();
    await fc.assert(
      fc.asyncProperty(recordArb, async (record) => {
        expect(await repo.save(record)).toEqual({ status: 'saved', record });
        const list = await reopen().list();
        expect(list.records.find((r) => r.id === record.id)).toEqual(record);
        expect(list.corrupt).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('resumes a stored attempt in progress at exactly the same point', async () => {
    const model = tour();
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.array(fc.nat(20), { maxLength: 25 }), async (seed, picks) => {
        const live = playPicks(model, seed, picks);
        const { repo, reopen } = fresh();
        const record = withMoves(newAttemptRecord({ id: 'live', scenario: model, seed, now: 1 }), live.context().log, 2);
        expect((await repo.save(record)).status).toBe('saved');
        const stored = await reopen().get('live');
        if (stored.status !== 'found') throw new Error(`not found: ${stored.status}`);
        const { drill, rejectedAt } = replay(model, stored.record.seed, stored.record.moves);
        expect(rejectedAt).toBeNull();
        expect(drill.context()).toEqual(live.context());
        expect(drill.moves()).toEqual(live.moves());
      }),
      { numRuns: 25 },
    );
  });
});

describe('imports and scenario sources', () => {
  const source = (hash: string) => scenarioSource({ hash, id: 'feature-tour', version: '1.0.0', file: 'feature-tour.yaml', source: 'scenario: feature-tour\n' });

  it('stores imported attempts and their sources together', async () => {
    const { repo, reopen } = fresh();
    expect(await repo.importAll([attempt('x'), attempt('y', 2000)], [source('abc123')])).toEqual({ status: 'stored' });
    const again = reopen();
    expect((await again.list()).records.map((r) => r.id)).toEqual(['y', 'x']);
    expect(await again.getSource('abc123')).toEqual(source('abc123'));
    expect(await again.getSource('nope')).toBeNull();
  });

  it('stores nothing when one attempt of the import is invalid', async () => {
    const { repo } = fresh();
    const result = await repo.importAll([attempt('x'), { ...attempt('y'), seed: 'seven' } as never], [source('abc123')]);
    expect(result).toMatchObject({ status: 'invalid', index: 1, error: { path: 'seed' } });
    expect((await repo.list()).records).toEqual([]);
    expect(await repo.getSource('abc123')).toBeNull();
  });

  it('stores nothing when storage fails half-way through an import', async () => {
    const { repo } = fresh();
    let puts = 0;
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    expect(await repo.importAll([attempt('x'), attempt('y'), attempt('z')], [])).toMatchObject({ status: 'failed', error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect((await repo.list()).records).toEqual([]);
  });

  it('ignores an unreadable stored source', async () => {
    const { name, repo } = fresh();
    const db = await openAttemptsDb(name);
    await db.put('sources', { hash: 'bad', format: 'something-else' });
    db.close();
    expect(await repo.getSource('bad')).toBeNull();
  });

  it('upgrades a version 1 database, keeping its attempts', async () => {
    const name = `attempts-test-${++dbCount}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('attempts', { keyPath: 'id' });
        store.createIndex('by-scenario', 'scenario.id');
        store.createIndex('by-updated', 'updatedAt');
        store.put({ ...attempt('old'), version: 1, times: undefined, trainee: undefined, imported: undefined, coaching: undefined });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const repo = createAttemptRepository({ open: () => openAttemptsDb(name) });
    repositories.push(repo);
    const list = await repo.list();
    expect(list.corrupt).toEqual([]);
    expect(list.records).toEqual([{ ...attempt('old'), times: [null], trainee: '', imported: null, coaching: null }]);
    expect((await repo.saveSource(source('h1'))).storageError).toBeNull();
    expect(await repo.getSource('h1')).toEqual(source('h1'));
  });
});
