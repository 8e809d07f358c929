/**
 * The dashboard's filters as the reader sets them (a scenario, chosen trainees, a date range typed
 * in the browser's calendar) and as the cohort report takes them (ids and moments).
 */
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import type { CohortFilters } from '../../domain/cohort/cohort-report';

export interface FilterState {
  /** A scenario id, or null for all scenarios. */
  scenario: string | null;
  /** Chosen trainees; empty for everyone. */
  trainees: string[];
  /** `YYYY-MM-DD` from `<input type="date">`, or '' for no bound. */
  from: string;
  to: string;
}

export const NO_FILTERS: FilterState = { scenario: null, trainees: [], from: '', to: '' };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first moment of a local calendar day (`YYYY-MM-DD`), or null when the text is not a date. */
export function localDayStart(day: string, dayOffset = 0): number | null {
  const m = DAY_PATTERN.exec(day);
  if (!m) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + dayOffset).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** The report's filters: the whole of the `to` day is included; weeks and months at the reader's offset. */
export function reportFilters(state: FilterState, utcOffsetMinutes: number): CohortFilters {
  const end = localDayStart(state.to, 1);
  return {
    scenario: state.scenario,
    trainees: state.trainees.length ? state.trainees : null,
    from: localDayStart(state.from),
    to: end === null ? null : end - 1,
    utcOffsetMinutes,
  };
}

/** Whether the range is the wrong way round (the reader is told, rather than shown an empty report). */
export function rangeReversed(state: FilterState): boolean {
  const from = localDayStart(state.from);
  const to = localDayStart(state.to);
  return from !== null && to !== null && from > to;
}

/** The scenario ids and trainee names that occur in the analyses, sorted. */
export function filterChoices(analyses: readonly AttemptAnalysis[]): { scenarios: string[]; trainees: string[] } {
  const scenarios = new Set<string>();
  const trainees = new Set<string>();
  for (const a of analyses) {
    scenarios.add(a.scenario.id);
    trainees.add(a.trainee);
  }
  return { scenarios: [...scenarios].sort(), trainees: [...trainees].sort((a, b) => a.localeCompare(b)) };
}

/** `YYYY-MM-DD` of a moment in the browser's calendar (for file names and date inputs). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
