import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newAttemptRecord } from '../../domain/attempts/new-attempt';
import { createAttemptRepository } from '../attempts/attempts-repository';
import { openAttemptsDb } from '../attempts/attempts-db';
import { createAttemptsStore } from '../attempts/use-attempts';
import { fromBytes } from './import-files';
import { createReviewStore } from './review-store';

// No bundled library in unit tests: every model comes from the sources kept with the attempts.
vi.mock('../scenario-library', () => ({ bundledScenarios: () => [], loadScenario: () => Promise.reject(new Error('no library')) }));

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/attempts');
const file = (name: string) => fromBytes(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
const text = (name: string, content: string) => fromBytes(name, new TextEncoder().encode(content));

let dbCount = 0;
function setup() {
  const name = `review-test-${++dbCount}`;
  const make = () => {
    const repository = createAttemptRepository({ open: () => openAttemptsDb(name) });
    const attempts = createAttemptsStore({ repository, now: () => 50_000 });
    let n = 0;
    const review = createReviewStore({ attempts, repository, now: () => 60_000, newId: () => `cohort-${++n}` });
    return { attempts, review, repository };
  };
  return { ...make(), reload: make };
}

afterEach(() => vi.restoreAllMocks());

describe('importing attempt files', () => {
  it('stores the good files, names the refused one, analyses and groups what came in', async () => {
    const { review, reload } = setup();
    const cohort = await review.getState().createCohort('  March cohort ');
    expect(cohort?.name).toBe('March cohort');
    const outcomes = await review.getState().importFiles(
      [file('first-deal-tutorial.expert.json'), text('broken.json', '{"format": "ltc-attempt-file", "vers'), file('first-deal-tutorial.losing.json')],
      cohort!.id,
    );
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['first-deal-tutorial.expert.json', 'imported'],
      ['broken.json', 'refused'],
      ['first-deal-tutorial.losing.json', 'imported'],
    ]);
    expect(outcomes[1]).toMatchObject({ error: { key: 'attemptFile.read.truncated', args: { file: 'broken.json' } } });
    const ids = outcomes.flatMap((o) => ('attemptId' in o ? [o.attemptId] : []));
    expect(Object.keys(review.getState().analyses).sort()).toEqual([...ids].sort());
    expect(review.getState().analyses[ids[0]!]).toMatchObject({ outcome: 'won', trainee: expect.any(String) });
    expect(review.getState().cohorts[0]!.attemptIds).toEqual(ids);
    expect(review.getState().lastImport).toEqual(outcomes);

    // After a reload: the attempts, their scenario source and the cohort are all there, and analyse again.
    const again = reload();
    await again.attempts.getState().load();
    await again.review.getState().load();
    const stored = again.attempts.getState().records;
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(stored.every((r) => r.imported?.at === 60_000)).toBe(true);
    expect(again.review.getState().cohorts.map((c) => c.attemptIds)).toEqual([ids]);
    await again.review.getState().analyse(stored);
    expect(again.review.getState().unanalysable).toEqual([]);
    expect(again.review.getState().analyses[ids[1]!]).toEqual(review.getState().analyses[ids[1]!]);
  });

  it('keeps a retry’s origin and the trainee’s unsent words, from new files and old ones alike', async () => {
    const { review, reload } = setup();
    const retry = JSON.parse(readFileSync(join(FIXTURES, 'precision-erp.expert.json'), 'utf8'));
    retry.attempt = { ...retry.attempt, id: 'li-na-retry', retryOf: { attempt: 'li-na-first', turn: 5 }, draft: { kind: 'say-first', turn: retry.attempt.moves.length + 1, text: '先问付款流程。' } };
    const v1 = fromBytes('old.json', new Uint8Array(readFileSync(join(FIXTURES, '../attempts-v1/precision-erp.losing.json'))));
    const outcomes = await review.getState().importFiles([text('retry.json', JSON.stringify(retry)), v1], null);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const again = reload();
    await again.attempts.getState().load();
    const byId = new Map(again.attempts.getState().records.map((r) => [r.id, r]));
    expect(byId.get('li-na-retry')).toMatchObject({ retryOf: { attempt: 'li-na-first', turn: 5 }, draft: { kind: 'say-first', text: '先问付款流程。' } });
    expect(byId.get('precision-erp-losing-0001')).toMatchObject({ retryOf: null, draft: null });
  });

  it('stores nothing when every file is bad', async () => {
    const { review, attempts, reload } = setup();
    const outcomes = await review.getState().importFiles([text('a.json', '[]'), text('b.json', ''), text('c.json', '{"__proto__": {}}')], null);
    expect(outcomes.map((o) => o.status)).toEqual(['refused', 'refused', 'refused']);
    expect(attempts.getState().records).toEqual([]);
    const again = reload();
    await again.attempts.getState().load();
    expect(again.attempts.getState().records).toEqual([]);
  });

  it('stores nothing, and says so, when storage fails', async () => {
    const { review, reload } = setup();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const outcomes = await review.getState().importFiles([file('first-deal-tutorial.expert.json'), text('x.json', 'nope')], null);
    expect(outcomes.map((o) => o.status)).toEqual(['not-stored', 'refused']);
    expect(review.getState().storageError).toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    const again = reload();
    await again.attempts.getState().load();
    expect(again.attempts.getState().records).toEqual([]);
  });

  it('brings a coach’s feedback back to the trainee’s own attempt instead of importing a copy', async () => {
    const { review, attempts } = setup();
    const raw = JSON.parse(readFileSync(join(FIXTURES, 'first-deal-tutorial.losing.json'), 'utf8'));
    const own = { ...newAttemptRecord({ id: raw.attempt.id, scenario: raw.scenario, seed: raw.attempt.seed, now: raw.attempt.createdAt }), moves: raw.attempt.moves, times: raw.attempt.times, status: raw.attempt.status };
    await attempts.getState().update(own);
    const coaching = { coach: 'Li Na', feedback: 'Ask about payment before signing.', comments: [{ turn: 3, text: 'Too pushy here.', at: 70_000 }], ratings: [], updatedAt: 70_000 };
    const outcomes = await review.getState().importFiles([text('back.json', JSON.stringify({ ...raw, attempt: { ...raw.attempt, coaching } }))], null);
    expect(outcomes).toEqual([{ file: 'back.json', status: 'feedback', attemptId: own.id, coach: 'Li Na' }]);
    const records = attempts.getState().records;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: own.id, imported: null, coaching });
    // The same file again changes nothing.
    expect((await review.getState().importFiles([text('back.json', JSON.stringify({ ...raw, attempt: { ...raw.attempt, coaching } }))], null))[0]!.status).toBe('unchanged');
  });

  it('removes attempts from this browser and from their cohorts', async () => {
    const { review, attempts } = setup();
    const cohort = await review.getState().createCohort('A');
    const [a, b] = (await review.getState().importFiles([file('first-deal-tutorial.expert.json'), file('first-deal-tutorial.losing.json')], cohort!.id)).map((o) => ('attemptId' in o ? o.attemptId : ''));
    await review.getState().removeAttempts([a!]);
    expect(attempts.getState().records.map((r) => r.id)).toEqual([b]);
    expect(review.getState().cohorts[0]!.attemptIds).toEqual([b]);
    expect(review.getState().analyses[a!]).toBeUndefined();
  });
});

describe('cohorts', () => {
  it('are created, renamed, filled and deleted, and survive a reload', async () => {
    const { review, reload } = setup();
    const c = (await review.getState().createCohort('Week 12'))!;
    await review.getState().renameCohort(c.id, 'Week 12 – east');
    await review.getState().setMembers(c.id, ['x', 'y', 'x'], true);
    await review.getState().setMembers(c.id, ['y'], false);
    const again = reload();
    await again.review.getState().load();
    expect(again.review.getState().cohorts).toEqual([{ ...c, name: 'Week 12 – east', attemptIds: ['x'] }]);
    await again.review.getState().deleteCohort(c.id);
    expect(again.review.getState().cohorts).toEqual([]);
  });
});

describe('files that cannot be read', () => {
  it('refuses a file over the size limit without reading it, and one the browser cannot read', async () => {
    const { review } = setup();
    const huge = { name: 'huge.json', size: 40 * 1024 * 1024, bytes: () => Promise.reject(new Error('must not be read')) };
    const gone = { name: 'gone.json', size: 10, bytes: () => Promise.reject(new DOMException('gone', 'NotFoundError')) };
    const outcomes = await review.getState().importFiles([huge, gone], null);
    expect(outcomes).toEqual([
      { file: 'huge.json', status: 'refused', error: { key: 'attemptFile.read.too-large', args: { file: 'huge.json', size: '40.0', limit: '8.0' } } },
      { file: 'gone.json', status: 'unreadable' },
    ]);
  });
});
