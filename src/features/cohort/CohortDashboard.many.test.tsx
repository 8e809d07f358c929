// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import { cohortReport } from '../../domain/cohort/cohort-report';
import { CohortDashboard } from './CohortDashboard';
import { sampleCohort } from './sample-cohort.test-support';
import { libraryScenario, modelsByHash } from './realistic-cohort.test-support';
import { VIRTUAL_FROM } from '../../components/use-virtual-rows';
import { sizeScrollBoxes } from './jsdom-layout.test-support';

vi.mock('./CohortChart', () => ({ default: () => <div data-testid="cohort-chart" /> }));

const trainees = Array.from({ length: 60 }, (_, i) => `Trainee ${String(i + 1).padStart(2, '0')}`);
const scenarios = ['first-deal-tutorial', 'precision-erp', 'retail-saas-rollout'].map(libraryScenario);
const models = modelsByHash(scenarios);
let analyses: AttemptAnalysis[];
beforeAll(() => {
  initTestI18n('en');
  analyses = sampleCohort({ scenarios, trainees, attempts: 1_000, start: Date.UTC(2026, 0, 5, 9), days: 120, seed: 42 });
});
let restoreLayout = () => {};
afterEach(() => {
  cleanup();
  restoreLayout();
});

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

describe('the cohort dashboard with 1,000 attempts by 60 trainees on 3 scenarios', () => {
  it('shows the whole cohort while keeping long tables to the rows in view', () => {
    restoreLayout = sizeScrollBoxes();
    render(<CohortDashboard analyses={analyses} models={models} locale="en" onOpenMoment={() => {}} />);
    const r = cohortReport(analyses, { utcOffsetMinutes: -new Date().getTimezoneOffset() });
    expect(r.attempts).toBe(1_000);
    expect(r.trainees).toHaveLength(60);
    expect(r.outcomes.won).toBeGreaterThan(100);
    expect(screen.getByTestId('cohort-summary').textContent).toBe(`1,000 attempts · 60 trainees · ${number.format(r.outcomes.won)} won · ${r.outcomes.inProgress} in progress`);

    // Both per-trainee tables say they hold 60 rows, and render only the first ones in view.
    const tables = [
      { name: /^Stage scores of the best attempt of each of 60 trainees$/, headerRows: 1 },
      { name: /^Process indicators of each of 60 trainees$/, headerRows: 2 },
    ];
    for (const { name, headerRows } of tables) {
      const table = screen.getByRole('table', { name });
      expect(table.getAttribute('aria-rowcount')).toBe(String(60 + headerRows));
      const rows = [...table.querySelectorAll<HTMLElement>('tbody tr:not(.spacer)')];
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.length).toBeLessThan(60);
      expect(rows.map((tr) => tr.getAttribute('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + headerRows + 1)));
      expect(rows.map((tr) => tr.dataset.trainee)).toEqual(r.trainees.slice(0, rows.length));
      expect(table.querySelector('tbody tr.spacer td')!.getAttribute('style')).toMatch(/height: \d+px/);
    }
    expect(r.trainees.length).toBeGreaterThan(VIRTUAL_FROM);

    const funnel = within(screen.getByRole('region', { name: 'Funnel along the LTC chain' })).getAllByRole('row').slice(1);
    expect(funnel.map((tr) => tr.children[1]!.textContent)).toEqual(r.funnel.map((f) => number.format(f.attempts)));
    expect(funnel[0]!.children[1]!.textContent).toBe('1,000');

    const pitfalls = screen.getByRole('region', { name: 'Most frequent pitfalls' });
    const shown = [...pitfalls.querySelectorAll<HTMLElement>('.frequent-item')];
    expect(shown.map((li) => li.dataset.item)).toEqual(r.pitfalls.slice(0, 8).map((p) => p.id));
    expect(shown[0]!.textContent).toContain(`${number.format(r.pitfalls[0]!.attempts)} attempts of 1,000 (${percent.format(r.pitfalls[0]!.share)})`);
    expect(shown[0]!.querySelectorAll('.moment-list button')).toHaveLength(5);
    // A few hundred elements per section at most, not one per attempt.
    expect(document.querySelectorAll('button').length).toBeLessThan(1_000);

    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'retail-saas-rollout' } });
    const retail = cohortReport(analyses, { scenario: 'retail-saas-rollout' });
    expect(screen.getByTestId('cohort-summary').textContent).toMatch(new RegExp(`^${retail.attempts} attempts · `));
    expect(document.querySelectorAll('.decision-point')).toHaveLength(Math.min(10, retail.decisions.length));
  });
});
