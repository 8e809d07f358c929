import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { expertPlan, tour } from '../../test/support/load';
import { newAttemptRecord, withMoves } from '../domain/attempts/new-attempt';
import type { Move } from '../domain/runtime/context';
import { sendMove } from '../domain/runtime/actor';
import { replay } from '../domain/runtime/drill';
import { retrySession } from './drill-session';

const model = tour();
const moves: Move[] = [
  { type: 'leads.submit', plan: expertPlan(model) },
  { type: 'choose', option: 'first-contact/intro/2' },
  { type: 'choose', option: 'first-contact/intro/1' },
];

describe('a retry session', () => {
  it('replays the original up to the move, then plays live and saves its own log, marked as a retry', () => {
    const original = { ...withMoves(newAttemptRecord({ id: 'orig', scenario: model, seed: 5, now: 1 }), moves, 2), status: 'finished' as const };
    const session = retrySession(model, original, 2)!;
    expect(session.attempt.getState().retryOf).toEqual({ attempt: 'orig', turn: 2 });
    expect(session.actor.getSnapshot().context.log).toEqual(moves.slice(0, 1));
    // Live from here: a different choice at move 2.
    expect(sendMove(session.actor, { type: 'choose', option: 'first-contact/intro/1' })).toBe(true);
    const record = session.attempt.getState();
    expect(record.moves).toEqual([moves[0], { type: 'choose', option: 'first-contact/intro/1' }]);
    expect(record.id).not.toBe('orig');
    // The same seed: replaying the retry's log gives exactly the live transcript.
    expect(replay(model, record.seed, record.moves).drill.context().transcript).toEqual(session.actor.getSnapshot().context.transcript);
    session.stop();
  });
});
