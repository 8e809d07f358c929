/**
 * The library's filters as a pure function: what the trainee typed and picked, applied to the
 * bundled scenarios with what their attempts say about each (best score, passed, in progress).
 */
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { ScenarioMeta } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';

export type Difficulty = ScenarioMeta['difficulty'];
export type ProgressFilter = 'all' | 'new' | 'in-progress' | 'passed' | 'not-passed';

export interface LibraryFilters {
  text: string;
  difficulty: Difficulty | 'all';
  language: Locale | 'all';
  progress: ProgressFilter;
}

export const NO_FILTERS: LibraryFilters = { text: '', difficulty: 'all', language: 'all', progress: 'all' };

/** What the trainee's attempts say about one scenario. */
export interface ScenarioProgress {
  attempts: number;
  /** Best overall score of a finished attempt, or null when none is finished. */
  best: number | null;
  passed: boolean;
  inProgress: boolean;
}

/** Progress per scenario id, from every attempt (any version of the scenario). */
export function progressByScenario(records: readonly AttemptRecord[]): Record<string, ScenarioProgress> {
  const out: Record<string, ScenarioProgress> = {};
  for (const r of records) {
    const p = (out[r.scenario.id] ??= { attempts: 0, best: null, passed: false, inProgress: false });
    p.attempts++;
    if (r.status === 'in-progress') p.inProgress = true;
    else if (r.score) {
      p.best = Math.max(p.best ?? 0, r.score.overall.score);
      p.passed ||= r.score.overall.passed;
    }
  }
  return out;
}

const NONE: ScenarioProgress = { attempts: 0, best: null, passed: false, inProgress: false };

/** Whether a scenario (null meta: one that does not compile, named by its file) passes the filters. */
export function matchesFilters(
  file: string,
  meta: ScenarioMeta | null,
  filters: LibraryFilters,
  progress: Record<string, ScenarioProgress>,
): boolean {
  const words = filters.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [file, ...(meta ? [meta.title, meta.summary, meta.industry].flatMap((t) => Object.values(t)) : [])].join(' ').toLowerCase();
  if (!words.every((w) => haystack.includes(w))) return false;
  if (!meta) return true;
  if (filters.difficulty !== 'all' && meta.difficulty !== filters.difficulty) return false;
  if (filters.language !== 'all' && !meta.languages.includes(filters.language)) return false;
  const p = progress[meta.id] ?? NONE;
  switch (filters.progress) {
    case 'all':
      return true;
    case 'new':
      return p.attempts === 0;
    case 'in-progress':
      return p.inProgress;
    case 'passed':
      return p.passed;
    case 'not-passed':
      return p.attempts > 0 && !p.passed;
  }
}
