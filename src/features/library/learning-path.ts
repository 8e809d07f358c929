/**
 * The library as a path: intro → intermediate → advanced, and within a level by industry then
 * title, with the scenario to take next (the first on the path not passed yet, one in progress
 * first). Pure: the same entries and progress give the same path.
 */
import type { ScenarioMeta } from '../../domain/scenario/model';
import { pickText, type Locale } from '../../domain/text/localized-text';
import type { ScenarioProgress } from './library-filter';

export const LEVELS = ['intro', 'intermediate', 'advanced'] as const satisfies readonly ScenarioMeta['difficulty'][];
export type Level = (typeof LEVELS)[number];

interface PathEntry {
  file: string;
  meta: ScenarioMeta | null;
}

export interface LevelSummary {
  level: Level;
  total: number;
  passed: number;
}

export interface LearningPath<E extends PathEntry> {
  /** Every entry in path order (those that do not compile last). */
  ordered: E[];
  levels: LevelSummary[];
  /** The file of the scenario to take next; null when every one is passed (or none is playable). */
  next: string | null;
}

export function learningPath<E extends PathEntry>(entries: readonly E[], progress: Record<string, ScenarioProgress>, locale: Locale): LearningPath<E> {
  const text = (m: ScenarioMeta, field: 'industry' | 'title') => pickText(m[field], locale).text;
  const ordered = [...entries].sort((a, b) => {
    if (!a.meta || !b.meta) return (a.meta ? 0 : 1) - (b.meta ? 0 : 1) || a.file.localeCompare(b.file);
    return (
      LEVELS.indexOf(a.meta.difficulty) - LEVELS.indexOf(b.meta.difficulty) ||
      text(a.meta, 'industry').localeCompare(text(b.meta, 'industry'), locale) ||
      text(a.meta, 'title').localeCompare(text(b.meta, 'title'), locale) ||
      a.file.localeCompare(b.file)
    );
  });
  const playable = ordered.filter((e): e is E & { meta: ScenarioMeta } => e.meta !== null);
  const levels = LEVELS.map((level) => {
    const at = playable.filter((e) => e.meta.difficulty === level);
    return { level, total: at.length, passed: at.filter((e) => progress[e.meta.id]?.passed).length };
  }).filter((l) => l.total > 0);
  const open = playable.filter((e) => !progress[e.meta.id]?.passed);
  const next = open.find((e) => progress[e.meta.id]?.inProgress) ?? open[0];
  return { ordered, levels, next: next?.file ?? null };
}
