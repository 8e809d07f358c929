import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../../test/support/load';
import { validateAttempt, ATTEMPT_MIGRATIONS } from './attempt-record';
import { newAttemptRecord, withMoves } from './new-attempt';
import { movesBefore, retryRecord } from './retry';
import type { Move } from '../runtime/context';

const model = tour();
const moves: Move[] = [{ type: 'leads.submit', plan: expertPlan(model) }, { type: 'choose', option: 'first-contact/intro/2' }, { type: 'choose', option: 'first-contact/intro/1' }];
const original = {
  ...withMoves(newAttemptRecord({ id: 'first', scenario: model, seed: 11, now: 1, trainee: 'Ada' }), moves, 2),
  status: 'finished' as const,
  freeText: [{ turn: 2, text: 'mine' }, { turn: 3, text: 'later' }],
  explainBacks: [{ stage: 'leads' as const, text: 'grade first', skipped: false }, { stage: 'first-contact' as const, text: 'x', skipped: false }],
};

describe('a retry from a move', () => {
  it('replays the moves before it, keeps the words written before them, and says where it came from', () => {
    const r = retryRecord(original, 3, { id: 'second', now: 10, finished: ['leads'] });
    expect(r.moves).toEqual(moves.slice(0, 2));
    expect(r.times).toEqual([10, 10]);
    expect(r.seed).toBe(11);
    expect(r.status).toBe('in-progress');
    expect(r.trainee).toBe('Ada');
    expect(r.retryOf).toEqual({ attempt: 'first', turn: 3 });
    expect(r.freeText).toEqual([{ turn: 2, text: 'mine' }]);
    expect(r.explainBacks.map((e) => e.stage)).toEqual(['leads']);
    expect(validateAttempt(r).ok).toBe(true);
  });

  it('from move 1 starts afresh on the same seed; past the end keeps every move', () => {
    expect(movesBefore(original, 1)).toEqual([]);
    expect(movesBefore(original, 99)).toEqual(moves);
    expect(retryRecord(original, 99, { id: 'x', now: 1, finished: [] }).retryOf).toEqual({ attempt: 'first', turn: 4 });
  });

  it('a v2 record is upgraded by a named migration: not a retry, no draft', () => {
    const { retryOf, draft, ...v2 } = { ...original, version: 2 };
    void retryOf;
    void draft;
    const read = validateAttempt(v2);
    expect(read.ok && read.record.retryOf).toBeNull();
    expect(read.ok && read.record.draft).toBeNull();
    expect(read.ok && read.migratedFrom).toBe(2);
    expect(ATTEMPT_MIGRATIONS.map((m) => m.name)).toContain('add-retry-origin-and-reflection-draft');
  });
});
