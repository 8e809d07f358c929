/**
 * The attempts repository: saved attempts in IndexedDB (through `idb`). It never throws for storage
 * trouble or bad data. A failure comes back as a typed StorageError, and the attempt is kept in memory
 * so the drill in progress is not lost; a corrupt record is reported by id and hides nothing else.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import { validateAttempt, type AttemptRecord, type AttemptRecordError } from '../../domain/attempts/attempt-record';

export const ATTEMPTS_DB_NAME = 'ltc-attempts';
/** The database schema version (object stores and indexes), distinct from the record format version. */
export const ATTEMPTS_DB_VERSION = 1;
const STORE = 'attempts';

export interface AttemptsDb extends DBSchema {
  attempts: {
    key: string;
    // What is stored is checked on every read: it may be corrupt, or written by another version.
    value: unknown;
    indexes: { 'by-scenario': string; 'by-updated': number };
  };
}

export type AttemptsDatabase = IDBPDatabase<AttemptsDb>;

export type StorageErrorKind = 'unavailable' | 'quota' | 'blocked' | 'unknown';

/** Why the attempts could not be stored or read; `name` is the browser's error name, for reports. */
export interface StorageError {
  kind: StorageErrorKind;
  key: `attempts.storage.${StorageErrorKind}`;
  name: string;
}

export function storageError(kind: StorageErrorKind, name = ''): StorageError {
  return { kind, key: `attempts.storage.${kind}`, name };
}

class BlockedError extends Error {
  override name = 'BlockedError';
}

/** Maps whatever IndexedDB threw to a StorageError. */
export function classifyStorageError(error: unknown, opening = false): StorageError {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? error.name : '';
  const inner = (error as { inner?: unknown } | null)?.inner;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return storageError('quota', name);
  if (name === 'BlockedError') return storageError('blocked', name);
  if (name === 'AbortError' && inner) return classifyStorageError(inner, opening);
  // Private modes and disabled storage fail when the database is opened.
  if (opening || name === 'SecurityError' || name === 'InvalidStateError') return storageError('unavailable', name);
  return storageError('unknown', name);
}

/** Opens (and creates or upgrades) the attempts database. Rejects with a BlockedError when another tab holds an older version open. */
export function openAttemptsDb(name = ATTEMPTS_DB_NAME): Promise<AttemptsDatabase> {
  // Inside the executor: in some sandboxes merely reading `indexedDB` throws, and that must reject, not throw.
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw Object.assign(new Error('no IndexedDB'), { name: 'UnavailableError' });
    let gaveUp = false;
    openDB<AttemptsDb>(name, ATTEMPTS_DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const store = db.createObjectStore(STORE, { keyPath: 'id' });
          store.createIndex('by-scenario', 'scenario.id');
          store.createIndex('by-updated', 'updatedAt');
        }
      },
      blocked: () => {
        gaveUp = true;
        reject(new BlockedError('attempts database blocked'));
      },
    }).then((db) => {
      // Opened after all, once the other tab let go: this attempt was already reported; the next call reopens.
      if (gaveUp) return db.close();
      // Another tab wants to upgrade: let it rather than block it; the repository reopens on its next call.
      db.addEventListener('versionchange', () => db.close());
      resolve(db);
    }, reject);
  });
}

export type SaveResult =
  | { status: 'saved'; record: AttemptRecord }
  | { status: 'memory-only'; record: AttemptRecord; error: StorageError }
  | { status: 'invalid'; error: AttemptRecordError };

export interface CorruptAttempt {
  id: string;
  error: AttemptRecordError;
}

export interface AttemptList {
  /** Valid attempts, most recently updated first (upgraded to the current version). */
  records: AttemptRecord[];
  corrupt: CorruptAttempt[];
  storageError: StorageError | null;
}

export type GetResult = { storageError: StorageError | null } & (
  | { status: 'found'; record: AttemptRecord }
  | { status: 'missing' }
  | { status: 'corrupt'; error: AttemptRecordError }
);

export interface AttemptRepository {
  /** Validates, then stores in one transaction; on storage failure keeps the record in memory. */
  save(record: AttemptRecord): Promise<SaveResult>;
  list(): Promise<AttemptList>;
  get(id: string): Promise<GetResult>;
  /** Removes an attempt (valid or corrupt) from storage and memory. */
  discard(id: string): Promise<{ storageError: StorageError | null }>;
  close(): void;
}

export interface RepositoryOptions {
  /** Opens the database; the default opens `ATTEMPTS_DB_NAME` in the global IndexedDB. */
  open?: () => Promise<AttemptsDatabase>;
}

type Store<Mode extends IDBTransactionMode> = IDBPObjectStore<AttemptsDb, ['attempts'], 'attempts', Mode>;

/** Runs `work` in one transaction and waits for it to commit; any failure aborts all of it. */
async function inTransaction<T, Mode extends IDBTransactionMode>(
  db: AttemptsDatabase,
  mode: Mode,
  work: (store: Store<Mode>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(STORE, mode);
  const done = tx.done;
  done.catch(() => undefined); // awaited below; silenced for the paths that throw first
  try {
    const value = await work(tx.store);
    await done;
    return value;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    throw error;
  }
}

const byUpdatedDesc = (a: AttemptRecord, b: AttemptRecord) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);

/** The attempts repository over IndexedDB, with an in-memory fallback for what could not be stored. */
export function createAttemptRepository(options: RepositoryOptions = {}): AttemptRepository {
  const open = options.open ?? (() => openAttemptsDb());
  let connection: Promise<AttemptsDatabase> | null = null;
  /** Attempts that storage refused, newest copy; they are offered again on the next save. */
  const memory = new Map<string, AttemptRecord>();

  function connect(): Promise<AttemptsDatabase> {
    if (!connection) {
      const opening = open();
      connection = opening;
      const reset = () => {
        if (connection === opening) connection = null;
      };
      // Reopen on the next call after a failed open, an upgrade from another tab, or the browser closing the database.
      opening.then((db) => {
        db.addEventListener('close', reset);
        db.addEventListener('versionchange', reset);
      }, reset);
    }
    return connection;
  }

  async function withDb<T>(work: (db: AttemptsDatabase) => Promise<T>, retry = true): Promise<{ value: T } | { error: StorageError }> {
    let db: AttemptsDatabase;
    try {
      db = await connect();
    } catch (error) {
      return { error: classifyStorageError(error, true) };
    }
    try {
      return { value: await work(db) };
    } catch (error) {
      // The connection was closed under us (another tab upgraded the database): reopen once.
      if (retry && (error as Error | null)?.name === 'InvalidStateError') {
        connection = null;
        return withDb(work, false);
      }
      return { error: classifyStorageError(error) };
    }
  }

  return {
    async save(record) {
      const checked = validateAttempt(record);
      if (!checked.ok) return { status: 'invalid', error: checked.error };
      const valid = checked.record;
      // Attempts kept in memory after an earlier failure go along, in the same transaction.
      const pending = [...memory.values()].filter((r) => r.id !== valid.id);
      const result = await withDb((db) =>
        inTransaction(db, 'readwrite', async (store) => {
          for (const r of [...pending, valid]) await store.put(r);
        }),
      );
      if ('error' in result) {
        memory.set(valid.id, valid);
        return { status: 'memory-only', record: valid, error: result.error };
      }
      // Forget only what was written: a save that failed meanwhile keeps its newer copy.
      for (const r of pending) if (memory.get(r.id) === r) memory.delete(r.id);
      memory.delete(valid.id);
      return { status: 'saved', record: valid };
    },

    async list() {
      const result = await withDb((db) =>
        inTransaction(db, 'readonly', async (store) => {
          const rows: { key: string; value: unknown }[] = [];
          for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
            rows.push({ key: String(cursor.primaryKey), value: cursor.value });
          }
          return rows;
        }),
      );
      const records = new Map<string, AttemptRecord>();
      const corrupt: CorruptAttempt[] = [];
      for (const row of 'value' in result ? result.value : []) {
        const checked = validateAttempt(row.value);
        if (checked.ok) records.set(row.key, checked.record);
        else corrupt.push({ id: row.key, error: checked.error });
      }
      for (const r of memory.values()) {
        const stored = records.get(r.id);
        if (!stored || stored.updatedAt <= r.updatedAt) records.set(r.id, r);
      }
      const inMemory = new Set(memory.keys());
      return {
        records: [...records.values()].sort(byUpdatedDesc),
        corrupt: corrupt.filter((c) => !inMemory.has(c.id)),
        storageError: 'error' in result ? result.error : null,
      };
    },

    async get(id) {
      const result = await withDb((db) => inTransaction(db, 'readonly', (store) => store.get(id)));
      const storageError = 'error' in result ? result.error : null;
      const kept = memory.get(id);
      if (kept) return { status: 'found', record: kept, storageError };
      if (storageError || !('value' in result) || result.value === undefined) return { status: 'missing', storageError };
      const checked = validateAttempt(result.value);
      return checked.ok
        ? { status: 'found', record: checked.record, storageError }
        : { status: 'corrupt', error: checked.error, storageError };
    },

    async discard(id) {
      memory.delete(id);
      const result = await withDb((db) => inTransaction(db, 'readwrite', (store) => store.delete(id)));
      return { storageError: 'error' in result ? result.error : null };
    },

    close() {
      connection?.then((db) => db.close(), () => undefined);
      connection = null;
    },
  };
}
