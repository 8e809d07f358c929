/** Review periods: ISO 8601 weeks and calendar months, in UTC or at a fixed offset from it. */

const DAY = 86_400_000;

export interface Period {
  /** `2025-W07` or `2025-02`. */
  key: string;
  /** The period's first moment, ms since the epoch. */
  start: number;
}

/** The ISO week (Monday to Sunday; week 1 holds the year's first Thursday) that `ms` falls in. */
export function isoWeek(ms: number, utcOffsetMinutes = 0): Period {
  const offset = utcOffsetMinutes * 60_000;
  const local = ms + offset;
  const dayStart = Math.floor(local / DAY) * DAY;
  const weekday = (new Date(dayStart).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = dayStart - weekday * DAY;
  const year = new Date(monday + 3 * DAY).getUTCFullYear(); // the week's Thursday decides its year
  const jan4 = Date.UTC(year, 0, 4);
  const week1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const week = 1 + Math.round((monday - week1) / (7 * DAY));
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start: monday - offset };
}

/** The calendar month that `ms` falls in. */
export function calendarMonth(ms: number, utcOffsetMinutes = 0): Period {
  const offset = utcOffsetMinutes * 60_000;
  const d = new Date(ms + offset);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return { key: `${y}-${String(m + 1).padStart(2, '0')}`, start: Date.UTC(y, m, 1) - offset };
}
