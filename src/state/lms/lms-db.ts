/**
 * The LMS/LRS side's own IndexedDB database, `ltc-lms` (apart from the attempts database): the queue
 * of xAPI statements waiting to be sent, the ids of those already sent (so a statement is never sent
 * twice from here), and the LRS settings. Credentials live only here: attempt files and backups never
 * read this database.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Statement } from '@xapi/xapi';

export const LMS_DB_NAME = 'ltc-lms';
/** The schema version (object stores). v1: queue, sent, settings. */
export const LMS_DB_VERSION = 1;

/** Where a statement goes: the LRS configured in Review, or the LRS of a cmi5 launch. */
export type Destination = { kind: 'settings' } | { kind: 'cmi5'; endpoint: string; registration: string };
export const destinationKey = (d: Destination) => (d.kind === 'settings' ? 'settings' : `cmi5 ${d.endpoint} ${d.registration}`);

export interface QueuedStatement {
  id: string;
  statement: Statement;
  destination: Destination;
  queuedAt: number;
  /** `pending`: to send; `rejected`: the LRS refused it (kept, with why, until retried or discarded). */
  status: 'pending' | 'rejected';
  /** The LRS's answer when it refused the statement. */
  problem: { status: number; message: string } | null;
}

export interface SentStatement {
  id: string;
  destination: string;
  sentAt: number;
}

export interface LmsDb extends DBSchema {
  queue: { key: string; value: QueuedStatement; indexes: { 'by-queued': number } };
  sent: { key: string; value: SentStatement };
  /** Versioned records checked on every read (see lrs-settings.ts). */
  settings: { key: string; value: unknown };
}

export type LmsDatabase = IDBPDatabase<LmsDb>;

/** Opens (and creates) the database; rejects when IndexedDB is unavailable. */
export function openLmsDb(name = LMS_DB_NAME): Promise<LmsDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw Object.assign(new Error('no IndexedDB'), { name: 'UnavailableError' });
    openDB<LmsDb>(name, LMS_DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('queue', { keyPath: 'id' }).createIndex('by-queued', 'queuedAt');
          db.createObjectStore('sent', { keyPath: 'id' });
          db.createObjectStore('settings');
        }
      },
    }).then((db) => {
      db.addEventListener('versionchange', () => db.close());
      resolve(db);
    }, reject);
  });
}
