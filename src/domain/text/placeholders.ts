/**
 * The placeholders a scenario text may hold when the scenario has a calendar (`calendar.start`):
 * `{date}` and `{weekday}` of the simulated day the line is said, `{due-date}` of the day the
 * payment is due (signing plus the payment's `due` days; before signing, counted from today).
 * Filled when the line is said, in each of the text's languages, so that the transcript, the
 * replay, the debrief and the dashboard all show the same dates.
 */
import type { Locale, LocalizedText } from './localized-text';

const DAY_MS = 86_400_000;
const FORMATS: Record<Locale, { date: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat }> = {
  en: {
    date: new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
    weekday: new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }),
  },
  'zh-CN': {
    date: new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', timeZone: 'UTC' }),
    weekday: new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' }),
  },
};
const PLACEHOLDER = /\{(date|weekday|due-date)\}/g;

/** The calendar date (UTC midnight) of simulated `day`, counted from `start` (YYYY-MM-DD). */
export function calendarDate(start: string, day: number): Date {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + day * DAY_MS);
}

/** `day` as a date in `locale` ("August 12", "8月12日"). */
export function formatCalendarDay(start: string, day: number, locale: Locale): string {
  return FORMATS[locale].date.format(calendarDate(start, day));
}

/** `day`'s weekday in `locale` ("Tuesday", "周二"). */
export function formatWeekday(start: string, day: number, locale: Locale): string {
  return FORMATS[locale].weekday.format(calendarDate(start, day));
}

/** Whether any language of `text` holds a placeholder. */
export function hasPlaceholders(text: LocalizedText | undefined): boolean {
  if (!text) return false;
  for (const v of Object.values(text)) if (v && v.includes('{')) return true;
  return false;
}

/** `text` with its placeholders filled for the simulated `day` (and the payment's `dueDay`). */
export function fillPlaceholders(text: LocalizedText, at: { start: string; day: number; dueDay: number }): LocalizedText {
  const out: LocalizedText = {};
  for (const [locale, value] of Object.entries(text) as [Locale, string | undefined][]) {
    if (value === undefined) continue;
    out[locale] = value.replace(PLACEHOLDER, (_, name: string) =>
      name === 'weekday' ? formatWeekday(at.start, at.day, locale) : formatCalendarDay(at.start, name === 'date' ? at.day : at.dueDay, locale),
    );
  }
  return out;
}
