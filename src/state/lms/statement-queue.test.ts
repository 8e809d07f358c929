import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { openLmsDb } from './lms-db';
import type { SendOutcome } from './lrs-client';
import { createStatementQueue } from './statement-queue';

let n = 0;
const statement = (i: number, bad = false): Statement => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  actor: { objectType: 'Agent', account: { homePage: 'https://lrs.example.org', name: 'li-na' } },
  verb: { id: bad ? 'not an iri' : 'http://adlnet.gov/expapi/verbs/answered' },
  object: { objectType: 'Activity', id: `https://example.org/step/${i}` },
});
const settings = { kind: 'settings' } as const;

/** A queue over a fresh database, with an LRS double that answers as `answer` says and records what it stored. */
function setup(answer: (batch: Statement[]) => SendOutcome | null) {
  const name = `ltc-lms-test-${n++}`;
  const stored = new Map<string, Statement>();
  const requests: number[] = [];
  const timers: { ms: number; run: () => void }[] = [];
  const queue = createStatementQueue({
    open: () => openLmsDb(name),
    send: async (_d, batch) => {
      requests.push(batch.length);
      const outcome = answer(batch);
      if (outcome?.kind === 'sent') for (const s of batch) stored.set(s.id!, s);
      return outcome;
    },
    later: (ms, run) => {
      timers.push({ ms, run });
      return () => undefined;
    },
  });
  return { queue, stored, requests, timers, name };
}

describe('statement queue', () => {
  it('sends in batches of 50, and never queues or sends a statement twice', async () => {
    const { queue, stored, requests } = setup(() => ({ kind: 'sent' }));
    const all = Array.from({ length: 120 }, (_, i) => statement(i));
    expect(await queue.enqueue([...all, ...all.slice(0, 10)], settings)).toBe(120);
    expect(await queue.enqueue(all.slice(100), settings)).toBe(0);
    await queue.flush();
    expect(requests).toEqual([50, 50, 20]);
    expect(stored.size).toBe(120);
    // Already sent: not queued again (ids are deterministic, so this is a resend of the same attempt).
    expect(await queue.enqueue(all, settings)).toBe(0);
    await queue.flush();
    expect(requests).toHaveLength(3);
    expect(queue.store.getState()).toMatchObject({ pending: 0, sent: 120, rejected: [], problem: null });
  });

  it('keeps everything through a network failure and retries with growing pauses', async () => {
    let online = false;
    const { queue, stored, timers, name } = setup(() => (online ? { kind: 'sent' } : { kind: 'retry', status: 0, message: 'Network Error' }));
    await queue.enqueue([statement(1), statement(2)], settings);
    await queue.flush();
    expect(queue.store.getState()).toMatchObject({ pending: 2, problem: { kind: 'retry', status: 0 } });
    await queue.flush();
    expect(timers.map((t) => t.ms)).toEqual([2_000, 4_000]);
    // Still there after the tab closed: a new queue over the same database finds them.
    const reopened = createStatementQueue({ open: () => openLmsDb(name), send: async () => null });
    await reopened.refresh();
    expect(reopened.store.getState().pending).toBe(2);
    reopened.stop();
    online = true;
    timers.at(-1)!.run();
    await queue.flush();
    expect(stored.size).toBe(2);
    expect(queue.store.getState()).toMatchObject({ pending: 0, sent: 2, problem: null });
  });

  it('finds the refused statements of a batch (400, 409), keeps them with the LRS’s answer, and sends the rest', async () => {
    const { queue, stored } = setup((batch) => {
      if (batch.some((s) => s.verb.id === 'not an iri')) return { kind: 'refused', status: 400, message: "Problem in 'statements.0.verb.id'" };
      if (batch.some((s) => s.id!.endsWith('7'))) return { kind: 'refused', status: 409, message: 'is conflicting' };
      return { kind: 'sent' };
    });
    const all = [...Array.from({ length: 10 }, (_, i) => statement(i)), statement(20, true)];
    await queue.enqueue(all, settings);
    await queue.flush();
    const state = queue.store.getState();
    expect(stored.size).toBe(9);
    expect(state.rejected.map((r) => [r.id.slice(-2), r.problem?.status])).toEqual([
      ['07', 409],
      ['20', 400],
    ]);
    expect(state.pending).toBe(0);
    // Put back in line once the LRS is fixed; discarded only when asked.
    await queue.retryRejected([state.rejected[0]!.id]);
    expect(queue.store.getState().pending).toBe(1);
    await queue.discardRejected([state.rejected[1]!.id]);
    expect(queue.store.getState().rejected).toHaveLength(0);
  });

  it('pauses on refused credentials (401) until the settings change, losing nothing', async () => {
    let good = false;
    const { queue, stored, requests } = setup(() => (good ? { kind: 'sent' } : { kind: 'unauthorized', status: 401, message: 'Unauthorised' }));
    await queue.enqueue([statement(1)], settings);
    await queue.flush();
    await queue.flush();
    expect(requests).toEqual([1]);
    expect(queue.store.getState()).toMatchObject({ pending: 1, problem: { kind: 'unauthorized', status: 401 } });
    good = true;
    queue.resume();
    await queue.flush();
    expect(stored.size).toBe(1);
  });

  it('waits when a destination cannot be reached yet (no settings), and keeps the statements', async () => {
    const { queue, requests } = setup(() => null);
    await queue.enqueue([statement(1)], settings);
    await queue.flush();
    expect(requests).toEqual([1]);
    expect(queue.store.getState()).toMatchObject({ pending: 1, problem: null });
  });
});
