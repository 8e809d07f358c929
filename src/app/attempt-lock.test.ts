import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArb } from '../domain/attempts/attempt-arbitrary.test-support';
import { isNewer, joinAttempt } from './attempt-lock';

describe('one attempt across tabs', () => {
  it('takes the copy with more moves, else more of the trainee’s words, as the further one', () => {
    fc.assert(
      fc.property(recordArb, (r) => {
        expect(isNewer(r, null)).toBe(true);
        expect(isNewer(r, r)).toBe(false);
        if (r.moves.length) expect(isNewer(r, { ...r, moves: r.moves.slice(1) })).toBe(true);
        expect(isNewer(r, { ...r, freeText: [...r.freeText, { turn: 1, text: 'more' }] })).toBe(false);
      }),
    );
  });

  it('drives, as before, where the browser has no Web Locks', async () => {
    const drove: unknown[] = [];
    const tab = joinAttempt('a1', { onDrive: (latest) => drove.push(latest), onFollow: () => drove.push('follow'), onRecord: () => undefined, onRelease: async () => null });
    await Promise.resolve();
    expect(drove).toEqual([null]);
    expect(tab.role()).toBe('driving');
  });
});
