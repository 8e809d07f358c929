import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarMonth, isoWeek } from './calendar';

const at = (iso: string) => Date.parse(iso);

describe('ISO weeks', () => {
  it.each([
    ['2025-03-03T00:00:00Z', '2025-W10'], // a Monday
    ['2025-03-09T23:59:59Z', '2025-W10'], // the Sunday after
    ['2025-03-10T00:00:00Z', '2025-W11'],
    ['2024-12-30T12:00:00Z', '2025-W01'], // the week of 2 January belongs to the new year
    ['2021-01-03T12:00:00Z', '2020-W53'], // … and the week of 31 December to the old one
    ['2026-12-31T12:00:00Z', '2026-W53'],
    ['2027-01-03T12:00:00Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
  ])('%s is in %s', (iso, key) => {
    expect(isoWeek(at(iso)).key).toBe(key);
  });

  it('start on Monday at midnight, at the given offset from UTC', () => {
    expect(isoWeek(at('2025-03-06T10:00:00Z'))).toEqual({ key: '2025-W10', start: at('2025-03-03T00:00:00Z') });
    // Sunday 23:30 in UTC is already Monday morning in Beijing (UTC+8).
    expect(isoWeek(at('2025-03-09T23:30:00Z'), 480)).toEqual({ key: '2025-W11', start: at('2025-03-09T16:00:00Z') });
    expect(isoWeek(at('2025-03-10T02:00:00Z'), -300).key).toBe('2025-W10'); // New York
  });

  it('hold every moment of their seven days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: -720, max: 840 }), (ms, offset) => {
        const w = isoWeek(ms, offset);
        expect(ms).toBeGreaterThanOrEqual(w.start);
        expect(ms).toBeLessThan(w.start + 7 * 86_400_000);
        expect(new Date(w.start + offset * 60_000).getUTCDay()).toBe(1);
        expect(isoWeek(w.start, offset).key).toBe(w.key);
      }),
    );
  });
});

describe('months', () => {
  it('are calendar months, at the given offset from UTC', () => {
    expect(calendarMonth(at('2025-03-31T23:59:59Z'))).toEqual({ key: '2025-03', start: at('2025-03-01T00:00:00Z') });
    expect(calendarMonth(at('2025-03-31T20:00:00Z'), 480)).toEqual({ key: '2025-04', start: at('2025-03-31T16:00:00Z') });
    expect(calendarMonth(at('2024-12-31T12:00:00Z')).key).toBe('2024-12');
  });
});
