/**
 * The simulated calendar: a scenario with `calendar.start` (the date of day 0, YYYY-MM-DD) shows each
 * simulated day as a date and weekday. Dates are computed in UTC, so they never shift with the
 * trainee's time zone.
 */

/** The date of simulated `day` (as a UTC midnight), or null without a (valid) start date. */
export function simDate(start: string | null | undefined, day: number): Date | null {
  const m = start ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(start) : null;
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + day));
  return Number.isNaN(date.getTime()) ? null : date;
}
