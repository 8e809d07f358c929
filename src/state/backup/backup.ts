/**
 * Backing up everything this browser holds into one file, and restoring such a file into another
 * browser. A backup is checked completely before anything is written (`checkBackup`); restoring
 * merges it into what is here, by id and content (nothing is duplicated, nothing here is lost),
 * in one transaction over every store of the database, or not at all, and reports what was added,
 * updated, kept or refused. The preferences follow once the database has committed.
 */
import { planSection, readBackupFile, writeBackupFile, type BackupRead, type CheckedBackup, type SectionPlan } from '../../domain/backup/backup-file';
import { useAppStore } from '../app-store';
import { createConnection, inTransaction, openAttemptsDb, type AttemptsDatabase, type StorageError } from '../attempts/attempts-db';
import { BACKUP_SECTIONS, DATABASE_SECTIONS, preferencesSection, type SavedPreferences } from './backup-sections';

let connection = createConnection(() => openAttemptsDb());
/** Points backup and restore at another database (tests). */
export function backupDatabase(open: () => Promise<AttemptsDatabase>) {
  connection.close();
  connection = createConnection(open);
}
const STORES = DATABASE_SECTIONS.map((d) => d.store);

export interface MadeBackup {
  text: string;
  /** Records per section in the file. */
  counts: Record<string, number>;
  /** Damaged records left out (they are listed under "My attempts"). */
  damaged: number;
}

const currentPreferences = (): SavedPreferences => {
  const { locale, preferences } = useAppStore.getState();
  return { id: 'preferences', locale, preferences };
};

/** Valid records of every database section (read as the database reads them); damaged ones counted. */
function readAll(rows: Record<string, unknown[]>) {
  const records: Record<string, unknown[]> = {};
  let damaged = 0;
  for (const { section, store } of DATABASE_SECTIONS) {
    records[section.name] = [];
    for (const raw of rows[store] ?? []) {
      const read = section.read(raw, section.version);
      if (read.ok) records[section.name]!.push(read.record);
      else damaged += 1;
    }
  }
  return { records, damaged };
}

async function readStores(): Promise<{ value: Record<string, unknown[]> } | { error: StorageError }> {
  return connection.withDb((db) =>
    inTransaction(db, STORES, 'readonly', async (tx) => Object.fromEntries(await Promise.all(STORES.map(async (s) => [s, await tx.objectStore(s).getAll()] as const)))),
  );
}

/** The backup of this browser: every attempt, source, cohort and the preferences, as one file's text. */
export async function makeBackup(now = Date.now()): Promise<MadeBackup | { error: StorageError }> {
  const rows = await readStores();
  if ('error' in rows) return rows;
  const { records, damaged } = readAll(rows.value);
  records[preferencesSection.name] = [currentPreferences()];
  const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]));
  return { text: writeBackupFile(BACKUP_SECTIONS, records, now), counts, damaged };
}

/** A backup's file name: `ltc-backup-<day>.json`. */
export const backupFileName = (now: number) => `ltc-backup-${new Date(now).toISOString().slice(0, 10)}.json`;

/** Reads and checks a backup file (all of it) before anything is written. */
export const checkBackup = (bytes: Uint8Array, fileName: string): BackupRead => readBackupFile(bytes, fileName, BACKUP_SECTIONS);

export interface SectionReport {
  section: string;
  added: number;
  updated: number;
  kept: number;
  conflicts: { id: string; reason: string }[];
}

export type RestoreResult = { status: 'restored' | 'preview'; sections: SectionReport[] } | { status: 'failed'; error: StorageError };

const report = (section: string, plan: SectionPlan<unknown>): SectionReport => ({
  section,
  added: plan.add.length,
  updated: plan.update.length,
  kept: plan.kept,
  conflicts: plan.conflicts,
});

function planPreferences(backup: CheckedBackup) {
  const incoming = (backup.sections[preferencesSection.name] ?? []) as SavedPreferences[];
  return planSection(preferencesSection, [currentPreferences()], incoming);
}

/** What restoring `backup` here would do, section by section (nothing is written). */
export async function previewRestore(backup: CheckedBackup): Promise<RestoreResult> {
  const rows = await readStores();
  if ('error' in rows) return { status: 'failed', error: rows.error };
  const { records } = readAll(rows.value);
  const sections = DATABASE_SECTIONS.filter((d) => d.section.name in backup.sections).map(({ section }) =>
    report(section.name, planSection(section, records[section.name] ?? [], backup.sections[section.name]!)),
  );
  if (preferencesSection.name in backup.sections) sections.push(report(preferencesSection.name, planPreferences(backup)));
  return { status: 'preview', sections };
}

/**
 * Restores `backup` (checked by `checkBackup`): in one transaction, reads what is here, merges, and
 * writes what is new or further along; any failure aborts all of it. Then the preferences.
 */
export async function restoreBackup(backup: CheckedBackup): Promise<RestoreResult> {
  const result = await connection.withDb((db) =>
    inTransaction(db, STORES, 'readwrite', async (tx) => {
      const existing = Object.fromEntries(await Promise.all(STORES.map(async (s) => [s, await tx.objectStore(s).getAll()] as const)));
      const { records } = readAll(existing);
      const reports: SectionReport[] = [];
      const writes: Promise<unknown>[] = [];
      try {
        for (const { section, store } of DATABASE_SECTIONS) {
          const incoming = backup.sections[section.name];
          if (!incoming) continue;
          const plan = planSection(section, records[section.name] ?? [], incoming);
          for (const r of [...plan.add, ...plan.update]) writes.push(tx.objectStore(store).put(r as never));
          reports.push(report(section.name, plan));
        }
      } catch (error) {
        for (const w of writes) w.catch(() => undefined);
        throw error;
      }
      await Promise.all(writes);
      return reports;
    }),
  );
  if ('error' in result) return { status: 'failed', error: result.error };
  const sections = result.value;
  if (preferencesSection.name in backup.sections) {
    const plan = planPreferences(backup);
    const merged = plan.update[0] ?? plan.add[0];
    if (merged) useAppStore.getState().setPreferences(merged.preferences);
    sections.push(report(preferencesSection.name, plan));
  }
  return { status: 'restored', sections };
}
