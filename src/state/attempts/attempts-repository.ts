/**
 * The attempts repository: saved attempts, and the scenario sources they were played on, in
 * IndexedDB. It never throws for storage trouble or bad data. A failure comes back as a typed
 * StorageError, and a trainee's attempt is kept in memory so the drill in progress is not lost; a
 * corrupt record is reported by id and hides nothing else. An import stores all of its attempts and
 * sources in one transaction, or nothing.
 */
import type { AttemptRecord, AttemptRecordError } from '../../domain/attempts/attempt-record';
import type { ScenarioSource } from '../../domain/attempts/scenario-source';
import type { CohortRecord } from '../../domain/cohort/cohort-record';
import { createConnection, inTransaction, openAttemptsDb, type AttemptsDatabase, type StorageError } from './attempts-db';
import { unwrap } from 'idb';

// The checks of what is stored (zod schemas) load with the first read or write, not with the first screen.
const checks = () =>
  Promise.all([
    import('../../domain/attempts/attempt-record'),
    import('../../domain/attempts/scenario-source-schema'),
    import('../../domain/cohort/cohort-record'),
  ]).then(([record, source, cohort]) => ({ ...record, ...source, ...cohort }));

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

export type ImportResult = { status: 'stored' } | { status: 'invalid'; index: number; error: AttemptRecordError | null } | { status: 'failed'; error: StorageError };

export interface AttemptRepository {
  /** Validates, then stores in one transaction; on storage failure keeps the record in memory. */
  save(record: AttemptRecord): Promise<SaveResult>;
  list(): Promise<AttemptList>;
  get(id: string): Promise<GetResult>;
  /** Removes an attempt (valid or corrupt) from storage and memory. */
  discard(id: string): Promise<{ storageError: StorageError | null }>;
  /** Stores attempts and their scenario sources together, all or nothing; nothing when any is invalid. */
  importAll(records: readonly AttemptRecord[], sources: readonly ScenarioSource[]): Promise<ImportResult>;
  /** Keeps a scenario's source (kept in memory too when storage fails). */
  saveSource(source: ScenarioSource): Promise<{ storageError: StorageError | null }>;
  /** A scenario's source by content hash; null when unknown or unreadable. */
  getSource(hash: string): Promise<ScenarioSource | null>;
  /** Every cohort; unreadable ones are listed by id (they can be deleted). */
  listCohorts(): Promise<{ cohorts: CohortRecord[]; corrupt: string[]; storageError: StorageError | null }>;
  saveCohort(cohort: CohortRecord): Promise<{ storageError: StorageError | null }>;
  deleteCohort(id: string): Promise<{ storageError: StorageError | null }>;
  close(): void;
}

export interface RepositoryOptions {
  /** Opens the database; the default opens `ATTEMPTS_DB_NAME` in the global IndexedDB. */
  open?: () => Promise<AttemptsDatabase>;
}

const byUpdatedDesc = (a: AttemptRecord, b: AttemptRecord) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);

/** The attempts repository over IndexedDB, with an in-memory fallback for what could not be stored. */
export function createAttemptRepository(options: RepositoryOptions = {}): AttemptRepository {
  const { withDb, close } = createConnection(options.open ?? (() => openAttemptsDb()));
  /** Attempts that storage refused, newest copy; they are offered again on the next save. */
  const memory = new Map<string, AttemptRecord>();
  const sources = new Map<string, ScenarioSource>();

  return {
    async save(record) {
      const { validateAttempt } = await checks();
      const checked = validateAttempt(record);
      if (!checked.ok) return { status: 'invalid', error: checked.error };
      const valid = checked.record;
      // Attempts kept in memory after an earlier failure go along, in the same transaction.
      const pending = [...memory.values()].filter((r) => r.id !== valid.id);
      const result = await withDb((db) =>
        inTransaction(db, ['attempts'], 'readwrite', async (tx) => {
          for (const r of [...pending, valid]) await tx.objectStore('attempts').put(r);
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
      const { validateAttempt } = await checks();
      const result = await withDb((db) =>
        inTransaction(db, ['attempts'], 'readonly', async (tx) => {
          const rows: { key: string; value: unknown }[] = [];
          for (let cursor = await tx.objectStore('attempts').openCursor(); cursor; cursor = await cursor.continue()) {
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
      const result = await withDb((db) => inTransaction(db, ['attempts'], 'readonly', (tx) => tx.objectStore('attempts').get(id)));
      const storageError = 'error' in result ? result.error : null;
      const kept = memory.get(id);
      if (kept) return { status: 'found', record: kept, storageError };
      if (storageError || !('value' in result) || result.value === undefined) return { status: 'missing', storageError };
      const { validateAttempt } = await checks();
      const checked = validateAttempt(result.value);
      return checked.ok
        ? { status: 'found', record: checked.record, storageError }
        : { status: 'corrupt', error: checked.error, storageError };
    },

    async discard(id) {
      memory.delete(id);
      const result = await withDb((db) => inTransaction(db, ['attempts'], 'readwrite', (tx) => tx.objectStore('attempts').delete(id)));
      return { storageError: 'error' in result ? result.error : null };
    },

    async importAll(records, newSources) {
      const { validateAttempt, scenarioSourceSchema } = await checks();
      const valid: AttemptRecord[] = [];
      for (const [index, r] of records.entries()) {
        const checked = validateAttempt(r);
        if (!checked.ok) return { status: 'invalid', index, error: checked.error };
        valid.push(checked.record);
      }
      for (const [index, s] of newSources.entries()) {
        if (!scenarioSourceSchema.safeParse(s).success) return { status: 'invalid', index: records.length + index, error: null };
      }
      const result = await withDb((db) =>
        inTransaction(db, ['attempts', 'sources'], 'readwrite', async (tx) => {
          // All requests at once, on the plain stores: IndexedDB runs them in order within the
          // transaction, and the transaction's end says whether every one was stored (a cohort can
          // bring thousands; a promise and a wait for each would cost a round trip per attempt).
          // A put refused at once aborts the transaction (inTransaction does), and with it the rest.
          const sourcesStore = unwrap(tx.objectStore('sources'));
          const attemptsStore = unwrap(tx.objectStore('attempts'));
          for (const s of newSources) sourcesStore.put(s);
          for (const r of valid) attemptsStore.put(r);
        }),
      );
      if ('error' in result) return { status: 'failed', error: result.error };
      for (const r of valid) memory.delete(r.id);
      return { status: 'stored' };
    },

    async saveSource(source) {
      sources.set(source.hash, source);
      const result = await withDb((db) => inTransaction(db, ['sources'], 'readwrite', (tx) => tx.objectStore('sources').put(source)));
      return { storageError: 'error' in result ? result.error : null };
    },

    async getSource(hash) {
      const kept = sources.get(hash);
      if (kept) return kept;
      const result = await withDb((db) => inTransaction(db, ['sources'], 'readonly', (tx) => tx.objectStore('sources').get(hash)));
      const { readScenarioSource } = await checks();
      return 'value' in result ? readScenarioSource(result.value) : null;
    },

    async listCohorts() {
      const { readCohort } = await checks();
      const result = await withDb((db) => inTransaction(db, ['cohorts'], 'readonly', (tx) => tx.objectStore('cohorts').getAll()));
      const cohorts: CohortRecord[] = [];
      const corrupt: string[] = [];
      for (const raw of 'value' in result ? result.value : []) {
        const cohort = readCohort(raw);
        if (cohort) cohorts.push(cohort);
        else corrupt.push(String((raw as { id?: unknown } | null)?.id ?? '?'));
      }
      cohorts.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
      return { cohorts, corrupt, storageError: 'error' in result ? result.error : null };
    },

    async saveCohort(cohort) {
      const { cohortRecordSchema } = await checks();
      const valid = cohortRecordSchema.parse(cohort); // our own data: invalid is a bug, not a user mistake
      const result = await withDb((db) => inTransaction(db, ['cohorts'], 'readwrite', (tx) => tx.objectStore('cohorts').put(valid)));
      return { storageError: 'error' in result ? result.error : null };
    },

    async deleteCohort(id) {
      const result = await withDb((db) => inTransaction(db, ['cohorts'], 'readwrite', (tx) => tx.objectStore('cohorts').delete(id)));
      return { storageError: 'error' in result ? result.error : null };
    },

    close,
  };
}
