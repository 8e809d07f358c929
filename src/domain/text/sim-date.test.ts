import { describe, expect, it } from 'vitest';
import { simDate } from './sim-date';

describe('simDate', () => {
  it('counts days from the start date, across months and years, in UTC', () => {
    expect(simDate('2025-09-15', 0)?.toISOString().slice(0, 10)).toBe('2025-09-15');
    expect(simDate('2025-09-15', 16)?.toISOString().slice(0, 10)).toBe('2025-10-01');
    expect(simDate('2025-12-30', 3)?.toISOString().slice(0, 10)).toBe('2026-01-02');
    expect(simDate('2025-09-15', 2)?.getUTCDay()).toBe(3); // a Wednesday
  });
  it('is null without a start date or with a malformed one', () => {
    expect(simDate(null, 3)).toBeNull();
    expect(simDate(undefined, 3)).toBeNull();
    expect(simDate('15/09/2025', 3)).toBeNull();
  });
});
