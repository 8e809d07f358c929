import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tour } from '../../../test/support/load';
import { playPicks } from '../../../test/support/random-play';
import { score } from '../../domain/scoring/score';
import { newAttemptRecord, withMoves } from '../../domain/attempts/new-attempt';
import { createAttemptRepository } from './attempts-repository';
import { openAttemptsDb } from './attempts-db';
import { createAttemptsStore, resumeInfo } from './use-attempts';

const model = tour();
let dbCount = 0;
function setup(open?: () => ReturnType<typeof openAttemptsDb>) {
  const name = `use-attempts-test-${++dbCount}`;
  let clock = 10_000;
  const make = () =>
    createAttemptsStore({ repository: createAttemptRepository({ open: open ?? (() => openAttemptsDb(name)) }), now: () => ++clock });
  return { store: make(), reload: make, name };
}

const start = (id = 'a1', seed = 3) => newAttemptRecord({ id, scenario: model, seed, now: 5_000 });

describe('the attempts library', () => {
  it('says when every save sent so far has landed (before another tab takes an attempt over)', async () => {
    const { store, reload } = setup();
    const live = playPicks(model, 3, [0, 1, 2, 0]);
    // Sent without waiting, as the drill session does after each move.
    for (let n = 1; n <= live.context().log.length; n++) void store.getState().saveProgress(withMoves(start(), live.context().log.slice(0, n), 5));
    await store.getState().settled();
    const found = await reload().getState().find('a1');
    expect(found.status === 'found' && found.record.moves).toEqual(live.context().log);
  });

  it('saves progress and finds it again after a reload, ready to continue', async () => {
    const { store, reload } = setup();
    const live = playPicks(model, 3, [0, 1, 2, 0]);
    const record = { ...withMoves(start(), live.context().log, 5), freeText: [{ turn: 1, text: 'my own words' }] };
    const result = await store.getState().saveProgress(record);
    expect(result.status).toBe('saved');
    expect(store.getState().records).toEqual([{ ...record, updatedAt: 10_001 }]);

    const again = reload();
    await again.getState().load();
    const { records, loaded, storageError } = again.getState();
    expect({ loaded, storageError }).toEqual({ loaded: true, storageError: null });
    expect(records).toEqual([{ ...record, updatedAt: 10_001 }]);
    expect(resumeInfo(records[0]!, model)).toEqual({ kind: 'continue' });
  });

  it('finishes an attempt with its score summary', async () => {
    const { store } = setup();
    const live = playPicks(model, 9, Array.from({ length: 40 }, (_, i) => i));
    const moves = live.context().log;
    const full = score(model, { seed: 9, moves });
    await store.getState().finish(withMoves(start('f', 9), moves, 5), full);
    const [saved] = store.getState().records;
    expect(saved).toMatchObject({ status: full.outcome?.outcome === 'abandoned' ? 'abandoned' : 'finished' });
    expect(saved?.score?.overall.score).toBe(full.overall.score);
    expect(saved?.score?.stages.map((s) => s.stage)).toEqual(full.stages.map((s) => s.stage));
    expect(resumeInfo(saved!, model)).toEqual({ kind: 'finished' });
  });

  it('says when the scenario changed since the attempt, or is another one', () => {
    const record = start();
    const changed = { ...model, version: '9.9.9', hash: 'different' };
    expect(resumeInfo(record, changed)).toEqual({
      kind: 'scenario-changed',
      saved: { version: model.version, hash: model.hash },
      current: { version: '9.9.9', hash: 'different' },
    });
    expect(resumeInfo(record, { ...model, id: 'other' })).toEqual({ kind: 'other-scenario' });
  });

  it('shows a storage failure and keeps the drill in progress', async () => {
    const { store } = setup(() => Promise.reject(new DOMException('private mode', 'InvalidStateError')));
    const record = withMoves(start(), playPicks(model, 3, [1, 1]).context().log, 5);
    expect((await store.getState().saveProgress(record)).status).toBe('memory-only');
    expect(store.getState().storageError).toMatchObject({ kind: 'unavailable', key: 'attempts.storage.unavailable' });
    expect(store.getState().records.map((r) => r.moves)).toEqual([record.moves]);
    await store.getState().load();
    expect(store.getState().records.map((r) => r.id)).toEqual(['a1']);
    store.getState().dismissStorageError();
    expect(store.getState().storageError).toBeNull();
  });

  it('lists a corrupt record apart and discards it, leaving the others', async () => {
    const { store, name } = setup();
    await store.getState().saveProgress(start('ok'));
    const db = await openAttemptsDb(name);
    await db.put('attempts', { id: 'broken', format: 'ltc-attempt', version: 1 });
    db.close();
    await store.getState().load();
    expect(store.getState().corrupt.map((c) => c.id)).toEqual(['broken']);
    await store.getState().discard('broken');
    await store.getState().load();
    expect(store.getState()).toMatchObject({ corrupt: [], records: [expect.objectContaining({ id: 'ok' })] });
  });

  it('reports an invalid attempt instead of throwing', async () => {
    const { store } = setup();
    const result = await store.getState().saveProgress({ ...start(), seed: Number.NaN });
    expect(result.status).toBe('invalid');
    expect(store.getState().invalid).toMatchObject({ key: 'attempts.record.invalid', path: 'seed' });
    expect(store.getState().records).toEqual([]);
  });
});
