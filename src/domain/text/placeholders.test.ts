import { describe, expect, it } from 'vitest';
import { fillPlaceholders, formatCalendarDay, formatWeekday } from './placeholders';

describe('calendar placeholders', () => {
  it('fill the date and weekday of the simulated day, in each language', () => {
    const text = { en: '{weekday}, {date}: the review. Pay by {due-date}.', 'zh-CN': '{date}（{weekday}），评审会。{due-date}前付款。' };
    expect(fillPlaceholders(text, { start: '2025-08-12', day: 0, dueDay: 30 })).toEqual({
      en: 'Tuesday, August 12: the review. Pay by September 11.',
      'zh-CN': '8月12日（周二），评审会。9月11日前付款。',
    });
  });

  it('count days across months and years, and leave other braces alone', () => {
    expect(formatCalendarDay('2025-12-30', 3, 'en')).toBe('January 2');
    expect(formatWeekday('2024-02-28', 1, 'zh-CN')).toBe('周四');
    expect(fillPlaceholders({ en: '{today} {date}' }, { start: '2025-03-03', day: 1, dueDay: 1 })).toEqual({ en: '{today} March 4' });
  });
});
