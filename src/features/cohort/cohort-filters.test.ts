import { describe, expect, it } from 'vitest';
import { filterChoices, localDay, localDayStart, rangeReversed, reportFilters } from './cohort-filters';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';

describe('the dashboard filters', () => {
  it('take the whole of the days typed, in the browser’s calendar', () => {
    const f = reportFilters({ scenario: 'precision-erp', trainees: ['Ann'], from: '2025-03-17', to: '2025-03-30' }, 480);
    expect(f).toEqual({ scenario: 'precision-erp', trainees: ['Ann'], from: new Date(2025, 2, 17).getTime(), to: new Date(2025, 2, 31).getTime() - 1, utcOffsetMinutes: 480 });
    expect(localDay(f.from!)).toBe('2025-03-17');
    expect(localDay(f.to!)).toBe('2025-03-30');
  });

  it('leave out a bound that is empty or not a date, and mean everyone when no trainee is chosen', () => {
    expect(reportFilters({ scenario: null, trainees: [], from: '', to: '31/03/2025' }, 0)).toEqual({ scenario: null, trainees: null, from: null, to: null, utcOffsetMinutes: 0 });
    expect(localDayStart('2025-02-30')).toBe(new Date(2025, 2, 2).getTime()); // as the Date constructor rolls it; date inputs never give it
  });

  it('notice a range the wrong way round', () => {
    expect(rangeReversed({ scenario: null, trainees: [], from: '2025-04-01', to: '2025-03-01' })).toBe(true);
    expect(rangeReversed({ scenario: null, trainees: [], from: '2025-03-01', to: '2025-03-01' })).toBe(false);
    expect(rangeReversed({ scenario: null, trainees: [], from: '2025-04-01', to: '' })).toBe(false);
  });

  it('offer the scenarios and trainees that occur, sorted', () => {
    const a = (trainee: string, id: string) => ({ trainee, scenario: { id, version: '1', hash: id } }) as AttemptAnalysis;
    expect(filterChoices([a('Cy', 'b'), a('Ann', 'a'), a('Cy', 'a'), a('', 'b')])).toEqual({ scenarios: ['a', 'b'], trainees: ['', 'Ann', 'Cy'] });
  });
});
