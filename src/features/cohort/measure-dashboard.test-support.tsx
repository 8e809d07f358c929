/**
 * Times the dashboard in a DOM (jsdom in the benchmark, bench/cohort-dashboard.ts): the first render
 * of a cohort, a filter to one scenario (the report again, and the decision splits), and the heat
 * map's switch from best to first attempts. Each run mounts a fresh dashboard on a fresh copy of the
 * analyses (nothing memoised from the run before); run 0 warms up and is not counted.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import { cohortReport } from '../../domain/cohort/cohort-report';
import type { ScenarioModel } from '../../domain/scenario/model';
import { CohortDashboard } from './CohortDashboard';
import { sizeScrollBoxes } from './jsdom-layout.test-support';

/** Wall and CPU milliseconds. */
export type Sample = [wall: number, cpu: number];

export interface DashboardTimes {
  first: Sample[];
  /** The cohort report alone, as the first render computes it. */
  report: Sample[];
  filter: Sample[];
  toggle: Sample[];
  /** Elements in the page after the filter. */
  elements: number;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function measureDashboard(analyses: AttemptAnalysis[], models: Record<string, ScenarioModel>, scenario: string, runs: number, cpuNow: () => number): Promise<DashboardTimes> {
  const timed = (fn: () => void): Sample => {
    const c = cpuNow();
    const w = performance.now();
    fn();
    return [performance.now() - w, cpuNow() - c];
  };
  const restore = sizeScrollBoxes();
  const times: DashboardTimes = { first: [], report: [], filter: [], toggle: [], elements: 0 };
  try {
    for (let run = 0; run <= runs; run++) {
      const container = document.createElement('div');
      document.body.append(container);
      const root = createRoot(container);
      const copy = analyses.map((a) => ({ ...a }));
      const report = timed(() => cohortReport(copy, { utcOffsetMinutes: -new Date().getTimezoneOffset() }));
      const first = timed(() => flushSync(() => root.render(createElement(CohortDashboard, { analyses: copy, models, locale: 'en', onOpenMoment: () => {} }))));
      await settle();

      const select = container.querySelector<HTMLSelectElement>('.cohort-filters select')!;
      const filter = timed(() =>
        flushSync(() => {
          select.value = scenario;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }),
      );
      await settle();

      const radio = container.querySelector<HTMLInputElement>('input[type="radio"][value="first"]')!;
      const toggle = timed(() => flushSync(() => radio.click()));
      await settle();

      if (!container.querySelector('.heat-map tbody tr[data-trainee]') || !container.querySelector('.decision-point')) throw new Error('the dashboard did not render its heat map or decision splits');
      times.elements = container.querySelectorAll('*').length;
      if (run > 0) {
        times.report.push(report);
        times.first.push(first);
        times.filter.push(filter);
        times.toggle.push(toggle);
      }
      root.unmount();
      container.remove();
    }
  } finally {
    restore();
  }
  return times;
}
