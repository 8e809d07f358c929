/**
 * Numbers, shares and dates in the reader's language, with `Intl`. One set of formatters per locale
 * (building an `Intl` formatter is slow; a dashboard formats thousands of cells).
 */
import type { Locale } from '../../domain/text/localized-text';

export interface CohortFormat {
  /** A count or a score: whole numbers as they are, means to one decimal. */
  number(value: number): string;
  /** A share (0–1) as a percentage. */
  percent(value: number): string;
  /** A date, e.g. 3 Mar 2026. */
  date(ms: number): string;
  /** A calendar month, e.g. March 2026 (from a `2026-03` key). */
  month(key: string): string;
  /** … and in short, e.g. Mar. */
  monthShort(key: string): string;
  /** A review week's Monday (`start` is its first moment at `utcOffsetMinutes`). */
  weekStart(start: number, utcOffsetMinutes: number): string;
  /** A figure that may be missing: the dash when it is. */
  maybe(value: number | null | undefined, as?: 'number' | 'percent'): string;
}

const cache = new Map<Locale, CohortFormat>();

/** The formatters for `locale`, built once. */
export function cohortFormat(locale: Locale): CohortFormat {
  let f = cache.get(locale);
  if (f) return f;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const utcDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const monthOf = (key: string) => {
    const [y, m] = key.split('-').map(Number);
    return y && m ? Date.UTC(y, m - 1, 1) : null;
  };
  f = {
    number: (v) => number.format(v),
    percent: (v) => percent.format(v),
    date: (ms) => date.format(ms),
    month: (key) => {
      const ms = monthOf(key);
      return ms === null ? key : month.format(ms);
    },
    monthShort: (key) => {
      const ms = monthOf(key);
      return ms === null ? key : monthShort.format(ms);
    },
    weekStart: (start, offset) => utcDate.format(start + offset * 60_000),
    maybe: (v, as = 'number') => (v === null || v === undefined || !Number.isFinite(v) ? '—' : as === 'percent' ? percent.format(v) : number.format(v)),
  };
  cache.set(locale, f);
  return f;
}
