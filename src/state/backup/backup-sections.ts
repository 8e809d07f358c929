/**
 * The one place where what a backup holds is registered. Each section of the app's database names
 * its object store; restoring writes all of them in one transaction. To back up another store of
 * the database (say, a trainer's own scenarios and their versions), describe its records once as a
 * `BackupSection` in src/domain (read, id, merge, fingerprint) and add one line here.
 */
import type { BackupSection } from '../../domain/backup/backup-file';
import { attemptsSection, cohortsSection, sourcesSection, userScenariosSection } from '../../domain/backup/data-sections';
import { DEFAULT_PREFERENCES, readSavedApp, type Preferences } from '../app-store';
import type { StoreName } from '../attempts/attempts-db';
import type { Locale } from '../../domain/text/localized-text';
import { isPlainObject } from '../../domain/attempts/versioned';

export interface DatabaseSection {
  section: BackupSection<unknown>;
  store: StoreName;
}

export const DATABASE_SECTIONS: readonly DatabaseSection[] = [
  { section: attemptsSection as BackupSection<unknown>, store: 'attempts' },
  { section: sourcesSection as BackupSection<unknown>, store: 'sources' },
  { section: cohortsSection as BackupSection<unknown>, store: 'cohorts' },
  { section: userScenariosSection as BackupSection<unknown>, store: 'userScenarios' },
];

/** The language and preferences (kept in localStorage, not the database): one record. */
export interface SavedPreferences {
  id: 'preferences';
  locale: Locale;
  preferences: Preferences;
}

/**
 * Preferences: this browser's own choices win; a field still at its default here takes the
 * backup's (a new laptop gets the trainee's name and settings).
 */
export const preferencesSection: BackupSection<SavedPreferences> = {
  name: 'preferences',
  version: 2,
  read(raw) {
    if (!isPlainObject(raw) || raw.id !== 'preferences') return { ok: false, path: 'id', issue: 'invalid_value' };
    return { ok: true, record: { id: 'preferences', ...readSavedApp(raw) } };
  },
  id: () => 'preferences',
  merge(here, other) {
    const preferences = { ...here.preferences };
    for (const key of Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[]) {
      if (here.preferences[key] === DEFAULT_PREFERENCES[key]) (preferences as Record<string, unknown>)[key] = other.preferences[key];
    }
    return { kind: 'update', record: { ...here, preferences } };
  },
};

/** Every section, in the order a backup lists them. */
export const BACKUP_SECTIONS: readonly BackupSection<unknown>[] = [...DATABASE_SECTIONS.map((d) => d.section), preferencesSection as BackupSection<unknown>];
