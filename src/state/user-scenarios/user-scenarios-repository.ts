/**
 * The trainer's own scenarios in IndexedDB (the app's database, store `userScenarios`). Each record
 * holds a scenario with its saved versions and is written whole in one transaction, so nothing is
 * ever half stored. Every read is checked (readUserScenario); a damaged record is reported by key
 * and hides nothing else. Storage failures come back as typed errors, and what could not be stored
 * is kept in memory and offered again with the next save: the text is never lost while the tab is open.
 */
import type { UserScenario, UserScenarioError } from '../../domain/user-scenarios/user-scenario';
import { createConnection, inTransaction, openAttemptsDb, type AttemptsDatabase, type StorageError } from '../attempts/attempts-db';

// The checks of what is stored (zod) load with the first read or write, not with the first screen.
const checks = () => import('../../domain/user-scenarios/user-scenario');

export interface CorruptUserScenario {
  key: string;
  error: UserScenarioError;
}

export interface UserScenarioList {
  /** Most recently updated first. */
  records: UserScenario[];
  corrupt: CorruptUserScenario[];
  storageError: StorageError | null;
}

export type PutResult =
  | { status: 'saved'; record: UserScenario }
  | { status: 'memory-only'; record: UserScenario; error: StorageError }
  | { status: 'invalid'; error: UserScenarioError };

export interface UserScenarioRepository {
  list(): Promise<UserScenarioList>;
  /** Validates, then stores the whole record in one transaction; on storage failure keeps it in memory. */
  put(record: UserScenario): Promise<PutResult>;
  /** Removes one (valid or damaged) from storage and memory. */
  remove(key: string): Promise<{ storageError: StorageError | null }>;
  close(): void;
}

const byUpdatedDesc = (a: UserScenario, b: UserScenario) => b.updatedAt - a.updatedAt || a.key.localeCompare(b.key);

export function createUserScenarioRepository(options: { open?: () => Promise<AttemptsDatabase> } = {}): UserScenarioRepository {
  const { withDb, close } = createConnection(options.open ?? (() => openAttemptsDb()));
  const memory = new Map<string, UserScenario>();

  return {
    async list() {
      const { readUserScenario } = await checks();
      const result = await withDb((db) =>
        inTransaction(db, ['userScenarios'], 'readonly', async (tx) => {
          const rows: { key: string; value: unknown }[] = [];
          for (let c = await tx.objectStore('userScenarios').openCursor(); c; c = await c.continue()) rows.push({ key: String(c.primaryKey), value: c.value });
          return rows;
        }),
      );
      const records = new Map<string, UserScenario>();
      const corrupt: CorruptUserScenario[] = [];
      for (const row of 'value' in result ? result.value : []) {
        const read = readUserScenario(row.value);
        if (read.ok && read.record.key === row.key) records.set(row.key, read.record);
        else corrupt.push({ key: row.key, error: read.ok ? { key: 'workshop.record.invalid', path: 'key', args: { path: 'key', issue: 'key' } } : read.error });
      }
      for (const r of memory.values()) {
        const stored = records.get(r.key);
        if (!stored || stored.updatedAt <= r.updatedAt) records.set(r.key, r);
      }
      return {
        records: [...records.values()].sort(byUpdatedDesc),
        corrupt: corrupt.filter((c) => !memory.has(c.key)),
        storageError: 'error' in result ? result.error : null,
      };
    },

    async put(record) {
      const { readUserScenario } = await checks();
      const read = readUserScenario(record);
      if (!read.ok) return { status: 'invalid', error: read.error };
      const valid = read.record;
      const pending = [...memory.values()].filter((r) => r.key !== valid.key);
      const result = await withDb((db) =>
        inTransaction(db, ['userScenarios'], 'readwrite', async (tx) => {
          for (const r of [...pending, valid]) await tx.objectStore('userScenarios').put(r);
        }),
      );
      if ('error' in result) {
        memory.set(valid.key, valid);
        return { status: 'memory-only', record: valid, error: result.error };
      }
      for (const r of pending) if (memory.get(r.key) === r) memory.delete(r.key);
      memory.delete(valid.key);
      return { status: 'saved', record: valid };
    },

    async remove(key) {
      memory.delete(key);
      const result = await withDb((db) => inTransaction(db, ['userScenarios'], 'readwrite', (tx) => tx.objectStore('userScenarios').delete(key)));
      return { storageError: 'error' in result ? result.error : null };
    },

    close,
  };
}
