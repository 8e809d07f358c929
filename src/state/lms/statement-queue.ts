/**
 * The statement queue: xAPI statements are kept in IndexedDB (`ltc-lms`) until an LRS has stored
 * them, sent in batches, retried with growing pauses while offline or while the LRS fails, and never
 * sent twice from here (deduplicated by statement id; ids are deterministic, so a resend after a
 * lost answer is idempotent at the LRS too). A batch the LRS refuses (400, 409…) is split until the
 * refused statements are found; those are kept, marked with the LRS's answer, and shown, while the
 * rest go on. Refused credentials (401/403) pause sending until the settings change. The store's
 * state is what Review shows of the queue. If IndexedDB is unavailable, the queue lives in memory
 * and says so.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Statement } from '@xapi/xapi';
import { destinationKey, type Destination, type LmsDatabase, type QueuedStatement } from './lms-db';
import type { SendOutcome } from './lrs-client';

export const BATCH_SIZE = 50;
const FIRST_PAUSE = 2_000;
const LONGEST_PAUSE = 5 * 60_000;

export interface QueueState {
  pending: number;
  rejected: QueuedStatement[];
  sent: number;
  sending: boolean;
  /** Why sending stopped: no answer or a server error (retrying), or credentials refused (paused). */
  problem: { kind: 'retry' | 'unauthorized'; status: number; message: string } | null;
  /** When the next try is due after a failure (ms since the epoch). */
  nextTry: number | null;
  /** The database could not be opened or written: the queue is only in this tab's memory. */
  memoryOnly: boolean;
  lastSentAt: number | null;
}

export interface StatementQueue {
  store: StoreApi<QueueState>;
  /** Adds statements not already queued or sent; resolves with how many were new. */
  enqueue(statements: readonly Statement[], destination: Destination): Promise<number>;
  /** Sends what is pending now (also called on a timer and when the browser comes back online). */
  flush(): Promise<void>;
  /** Puts refused statements back in line (after the LRS was fixed), or all of them. */
  retryRejected(ids?: readonly string[]): Promise<void>;
  /** Forgets refused statements for good. */
  discardRejected(ids: readonly string[]): Promise<void>;
  /** Clears a credentials pause (the settings changed). */
  resume(): void;
  /** Reads the queue's counts from storage. */
  refresh(): Promise<void>;
  stop(): void;
}

export interface QueueOptions {
  open: () => Promise<LmsDatabase>;
  /** Sends one batch to one destination (null: no way to reach it now, e.g. no settings). */
  send: (destination: Destination, statements: Statement[]) => Promise<SendOutcome | null>;
  now?: () => number;
  /** Schedules a later flush; returns a cancel function. */
  later?: (ms: number, run: () => void) => () => void;
}

interface Storage {
  getAll(): Promise<QueuedStatement[]>;
  has(id: string): Promise<boolean>;
  put(entries: QueuedStatement[]): Promise<void>;
  markSent(ids: string[], destination: string, at: number): Promise<void>;
  remove(ids: string[]): Promise<void>;
  sentCount(): Promise<number>;
}

function idbStorage(db: LmsDatabase): Storage {
  return {
    getAll: () => db.getAllFromIndex('queue', 'by-queued'),
    async has(id) {
      const tx = db.transaction(['queue', 'sent']);
      const [q, s] = await Promise.all([tx.objectStore('queue').getKey(id), tx.objectStore('sent').getKey(id)]);
      return q !== undefined || s !== undefined;
    },
    async put(entries) {
      const tx = db.transaction('queue', 'readwrite');
      await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
    },
    async markSent(ids, destination, at) {
      const tx = db.transaction(['queue', 'sent'], 'readwrite');
      await Promise.all([...ids.flatMap((id) => [tx.objectStore('queue').delete(id), tx.objectStore('sent').put({ id, destination, sentAt: at })]), tx.done]);
    },
    async remove(ids) {
      const tx = db.transaction('queue', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    sentCount: () => db.count('sent'),
  };
}

function memoryStorage(): Storage {
  const queue = new Map<string, QueuedStatement>();
  const sent = new Set<string>();
  return {
    getAll: async () => [...queue.values()].sort((a, b) => a.queuedAt - b.queuedAt),
    has: async (id) => queue.has(id) || sent.has(id),
    put: async (entries) => entries.forEach((e) => queue.set(e.id, e)),
    markSent: async (ids) => ids.forEach((id) => (queue.delete(id), sent.add(id))),
    remove: async (ids) => ids.forEach((id) => queue.delete(id)),
    sentCount: async () => sent.size,
  };
}

const defaultLater = (ms: number, run: () => void) => {
  const t = setTimeout(run, ms);
  return () => clearTimeout(t);
};

export function createStatementQueue({ open, send, now = Date.now, later = defaultLater }: QueueOptions): StatementQueue {
  const store = createStore<QueueState>()(() => ({ pending: 0, rejected: [], sent: 0, sending: false, problem: null, nextTry: null, memoryOnly: false, lastSentAt: null }));
  let storage: Promise<Storage> | null = null;
  const fallback = memoryStorage();
  const storageOf = (): Promise<Storage> => {
    storage ??= open().then(idbStorage, () => {
      store.setState({ memoryOnly: true });
      return fallback;
    });
    return storage;
  };
  /** Runs `work` on storage; when the database fails mid-way, goes on in memory (nothing is dropped). */
  const withStorage = async <T>(work: (s: Storage) => Promise<T>): Promise<T> => {
    const s = await storageOf();
    try {
      return await work(s);
    } catch {
      store.setState({ memoryOnly: true });
      storage = Promise.resolve(fallback);
      return work(fallback);
    }
  };

  let failures = 0;
  let cancel: (() => void) | null = null;
  let flushing: Promise<void> | null = null;
  let stopped = false;

  const refresh = async () => {
    const [all, sent] = await withStorage(async (s) => [await s.getAll(), await s.sentCount()] as const);
    store.setState({ pending: all.filter((e) => e.status === 'pending').length, rejected: all.filter((e) => e.status === 'rejected'), sent });
  };

  const schedule = (ms: number) => {
    cancel?.();
    if (stopped) return;
    store.setState({ nextTry: now() + ms });
    cancel = later(ms, () => {
      cancel = null;
      void flush();
    });
  };

  /** Sends `batch`; on a refusal splits it to find the refused statements. Returns false to stop this flush. */
  async function sendBatch(s: Storage, destination: Destination, batch: QueuedStatement[]): Promise<boolean> {
    const outcome = await send(destination, batch.map((e) => e.statement));
    if (outcome === null) return true; // this destination cannot be reached now; others may
    if (outcome.kind === 'sent') {
      await s.markSent(batch.map((e) => e.id), destinationKey(destination), now());
      failures = 0;
      store.setState({ problem: null, nextTry: null, lastSentAt: now() });
      return true;
    }
    if (outcome.kind === 'retry' || outcome.kind === 'unauthorized') {
      store.setState({ problem: { kind: outcome.kind, status: outcome.status, message: outcome.message } });
      if (outcome.kind === 'retry') schedule(Math.min(LONGEST_PAUSE, FIRST_PAUSE * 2 ** failures++));
      return false;
    }
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      return (await sendBatch(s, destination, batch.slice(0, half))) && sendBatch(s, destination, batch.slice(half));
    }
    await s.put([{ ...batch[0]!, status: 'rejected', problem: { status: outcome.status, message: outcome.message } }]);
    return true;
  }

  async function flushOnce() {
    if (store.getState().problem?.kind === 'unauthorized') return;
    store.setState({ sending: true });
    try {
      await withStorage(async (s) => {
        const pending = (await s.getAll()).filter((e) => e.status === 'pending');
        const byDestination = new Map<string, QueuedStatement[]>();
        for (const e of pending) {
          const key = destinationKey(e.destination);
          byDestination.set(key, [...(byDestination.get(key) ?? []), e]);
        }
        for (const entries of byDestination.values()) {
          for (let i = 0; i < entries.length; i += BATCH_SIZE) {
            if (!(await sendBatch(s, entries[0]!.destination, entries.slice(i, i + BATCH_SIZE)))) return;
          }
        }
      });
    } finally {
      store.setState({ sending: false });
      await refresh();
    }
  }

  function flush(): Promise<void> {
    // One flush at a time; a flush asked for meanwhile runs after it (new statements may have come).
    const run = (flushing ?? Promise.resolve()).then(flushOnce, flushOnce);
    flushing = run.finally(() => {
      if (flushing === run) flushing = null;
    });
    return run;
  }

  const online = () => {
    failures = 0;
    void flush();
  };
  if (typeof window !== 'undefined') window.addEventListener('online', online);

  return {
    store,
    async enqueue(statements, destination) {
      const fresh: QueuedStatement[] = [];
      await withStorage(async (s) => {
        fresh.length = 0;
        const ids = new Set<string>();
        for (const statement of statements) {
          const id = statement.id;
          if (!id || ids.has(id) || (await s.has(id))) continue;
          ids.add(id);
          fresh.push({ id, statement, destination, queuedAt: now() + fresh.length / 1000, status: 'pending', problem: null });
        }
        if (fresh.length) await s.put(fresh);
      });
      if (fresh.length) store.setState({ pending: store.getState().pending + fresh.length });
      return fresh.length;
    },
    flush,
    async retryRejected(ids) {
      await withStorage(async (s) => {
        const all = (await s.getAll()).filter((e) => e.status === 'rejected' && (!ids || ids.includes(e.id)));
        await s.put(all.map((e) => ({ ...e, status: 'pending', problem: null })));
      });
      await refresh();
    },
    async discardRejected(ids) {
      await withStorage((s) => s.remove([...ids]));
      await refresh();
    },
    resume() {
      failures = 0;
      store.setState({ problem: null, nextTry: null });
    },
    refresh,
    stop() {
      stopped = true;
      cancel?.();
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
    },
  };
}
