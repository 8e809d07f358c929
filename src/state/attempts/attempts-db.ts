/**
 * The app's IndexedDB database (through `idb`): its object stores, opening and upgrading it, one
 * connection shared by the repositories, transactions that commit or abort as a whole, and storage
 * failures mapped to typed errors the UI can explain. Nothing here throws for storage trouble.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const ATTEMPTS_DB_NAME = 'ltc-attempts';
/**
 * The database schema version (object stores and indexes), distinct from the record formats.
 * v1: attempts. v2: scenario sources (by content hash) and cohorts. v3: trainers' own scenarios.
 */
export const ATTEMPTS_DB_VERSION = 3;

export interface AttemptsDb extends DBSchema {
  attempts: {
    key: string;
    // What is stored is checked on every read: it may be corrupt, or written by another version.
    value: unknown;
    indexes: { 'by-scenario': string; 'by-updated': number };
  };
  /** Scenario source texts by content hash, so any attempt replays even after the library changes. */
  sources: { key: string; value: unknown };
  cohorts: { key: string; value: unknown };
  /** A trainer's own scenarios, by this browser's key, each with its saved versions (one record: saved whole or not at all). */
  userScenarios: { key: string; value: unknown; indexes: { 'by-updated': number } };
}

export type AttemptsDatabase = IDBPDatabase<AttemptsDb>;
export type StoreName = StoreNames<AttemptsDb>;

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

/** Opens (and creates or upgrades) the database. Rejects with a BlockedError when another tab holds an older version open. */
export function openAttemptsDb(name = ATTEMPTS_DB_NAME): Promise<AttemptsDatabase> {
  // Inside the executor: in some sandboxes merely reading `indexedDB` throws, and that must reject, not throw.
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw Object.assign(new Error('no IndexedDB'), { name: 'UnavailableError' });
    let gaveUp = false;
    openDB<AttemptsDb>(name, ATTEMPTS_DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const store = db.createObjectStore('attempts', { keyPath: 'id' });
          store.createIndex('by-scenario', 'scenario.id');
          store.createIndex('by-updated', 'updatedAt');
        }
        if (oldVersion < 2) {
          db.createObjectStore('sources', { keyPath: 'hash' });
          db.createObjectStore('cohorts', { keyPath: 'id' });
        }
        if (oldVersion < 3) {
          db.createObjectStore('userScenarios', { keyPath: 'key' }).createIndex('by-updated', 'updatedAt');
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

export type Transaction<S extends StoreName[], Mode extends IDBTransactionMode> = IDBPTransaction<AttemptsDb, S, Mode>;

/** Runs `work` in one transaction over `stores` and waits for it to commit; any failure aborts all of it. */
export async function inTransaction<T, const S extends StoreName[], Mode extends IDBTransactionMode>(
  db: AttemptsDatabase,
  stores: S,
  mode: Mode,
  work: (tx: Transaction<S, Mode>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode);
  const done = tx.done;
  done.catch(() => undefined); // awaited below; silenced for the paths that throw first
  try {
    const value = await work(tx);
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

export type DbResult<T> = { value: T } | { error: StorageError };

/** One lazily opened connection, reopened after a failed open, an upgrade from another tab, or the browser closing it. */
export interface Connection {
  withDb<T>(work: (db: AttemptsDatabase) => Promise<T>): Promise<DbResult<T>>;
  close(): void;
}

export function createConnection(open: () => Promise<AttemptsDatabase>): Connection {
  let connection: Promise<AttemptsDatabase> | null = null;

  function connect(): Promise<AttemptsDatabase> {
    if (!connection) {
      const opening = open();
      connection = opening;
      const reset = () => {
        if (connection === opening) connection = null;
      };
      opening.then((db) => {
        db.addEventListener('close', reset);
        db.addEventListener('versionchange', reset);
      }, reset);
    }
    return connection;
  }

  async function withDb<T>(work: (db: AttemptsDatabase) => Promise<T>, retry = true): Promise<DbResult<T>> {
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
    withDb: (work) => withDb(work),
    close() {
      connection?.then((db) => db.close(), () => undefined);
      connection = null;
    },
  };
}
