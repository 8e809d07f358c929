// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import { cohortReport, type CohortFilters } from '../../domain/cohort/cohort-report';
import { cohortTables } from '../../domain/cohort/cohort-tables';
import { STAGES, type StageId } from '../../domain/ltc/stages';
import { findOption } from '../../domain/scenario/model';
import { pickText } from '../../domain/text/localized-text';
import { CohortDashboard } from './CohortDashboard';
import { cohortLabels, tableLabels } from './cohort-labels';
import { localDay, localDayStart } from './cohort-filters';
import { realisticCohort, type RealisticCohort } from './realistic-cohort.test-support';

// uPlot draws on a canvas, which jsdom lacks; the tables beside the charts carry the same numbers.
vi.mock('./CohortChart', () => ({ default: () => <div data-testid="cohort-chart" /> }));

let cohort: RealisticCohort;
beforeAll(() => {
  initTestI18n('en');
  cohort = realisticCohort();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const offset = -new Date().getTimezoneOffset();
const report = (filters: CohortFilters = {}) => cohortReport(cohort.analyses, { utcOffsetMinutes: offset, ...filters });
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
const STAGE_NAMES: Record<StageId, string> = {
  leads: 'Lead acquisition', 'first-contact': 'First contact', discovery: 'Needs discovery', presentation: 'Solution presentation',
  negotiation: 'Negotiation', signing: 'Contract signing', collection: 'Payment collection',
};
const analysis = (id: string) => cohort.analyses.find((a) => a.attemptId === id)!;
const enteredAt = (id: string, stage: StageId) => analysis(id).stages.find((s) => s.stage === stage)!.enteredAt;

function show(analyses: AttemptAnalysis[] = cohort.analyses) {
  const onOpenMoment = vi.fn();
  render(<CohortDashboard analyses={analyses} models={cohort.models} locale="en" onOpenMoment={onOpenMoment} />);
  return onOpenMoment;
}
const section = (name: string) => screen.getByRole('region', { name });
const summary = () => screen.getByTestId('cohort-summary').textContent;
const summaryOf = (r: ReturnType<typeof report>) =>
  `${r.attempts} attempt${r.attempts === 1 ? '' : 's'} · ${r.trainees.length} trainee${r.trainees.length === 1 ? '' : 's'} · ${r.outcomes.won} won · ${r.outcomes.inProgress} in progress`;
const heatRows = () => [...section('Trainees × stages').querySelectorAll<HTMLTableRowElement>('tbody tr:not(.spacer)')];
/** Each stage cell of a heat-map row as text: the score, or "not reached". */
const cells = (tr: HTMLTableRowElement) => [...tr.querySelectorAll('td.heat-cell')].map((td) => td.querySelector('button')?.textContent ?? td.textContent);
const expectedCells = (stages: { score: number; reached: boolean }[]) => stages.map((s) => (s.reached ? number.format(s.score) : '–Not reached'));

describe('the cohort dashboard', () => {
  it('sums up the cohort and maps trainees × stages with their best and first attempts, as the report does', () => {
    show();
    const r = report();
    expect(summary()).toBe(summaryOf(r));
    expect(r.trainees.length).toBe(6);
    const table = within(section('Trainees × stages')).getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('7');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Trainee', 'Started', 'Overall', ...STAGES.map((s, i) => `${i + 1} ${STAGE_NAMES[s]}`)]);
    expect(heatRows().map((tr) => tr.dataset.trainee)).toEqual(r.trainees);
    for (const [i, row] of r.heatMap.entries()) {
      expect(cells(heatRows()[i]!), row.trainee).toEqual(expectedCells(row.best.stages));
      expect(heatRows()[i]!.querySelector('td.num')!.textContent).toBe(number.format(row.best.overall));
    }
    // Learning shows: for several trainees the first attempt is not the best.
    expect(r.heatMap.filter((h) => h.first.attemptId !== h.best.attemptId).length).toBeGreaterThan(2);
    fireEvent.click(screen.getByRole('radio', { name: 'First attempt' }));
    expect(within(section('Trainees × stages')).getByRole('table', { name: /first attempt/ })).toBeTruthy();
    for (const [i, row] of r.heatMap.entries()) expect(cells(heatRows()[i]!), row.trainee).toEqual(expectedCells(row.first.stages));
  });

  it('colours each cell by its band and says the band in words', () => {
    show();
    const row = report().heatMap.find((h) => h.best.stages.some((s) => s.band === 'fail'))!;
    const tr = heatRows().find((t) => t.dataset.trainee === row.trainee)!;
    const stage = row.best.stages.find((s) => s.band === 'fail')!;
    const td = tr.querySelector(`td[data-stage="${stage.stage}"]`)!;
    expect(td.className).toContain('band-fail');
    expect(td.querySelector('button')!.getAttribute('aria-label')).toMatch(/Below the pass mark\. Replay from this stage\.$/);
    const unreached = tr.querySelector('td.band-not-reached');
    if (unreached) expect(unreached.textContent).toContain('Not reached');
  });

  it('opens the replay where an attempt entered a stage, from its heat-map cell', () => {
    const open = show();
    const row = report().heatMap.find((h) => h.best.stages.filter((s) => s.reached).length >= 3)!;
    const tr = heatRows().find((t) => t.dataset.trainee === row.trainee)!;
    fireEvent.click(tr.querySelector('td[data-stage="discovery"] button')!);
    expect(open).toHaveBeenCalledExactlyOnceWith(row.best.attemptId, enteredAt(row.best.attemptId, 'discovery'));
    expect(enteredAt(row.best.attemptId, 'discovery')).toBeGreaterThan(1);
    fireEvent.click(tr.querySelector('td[data-stage="leads"] button')!);
    expect(open).toHaveBeenLastCalledWith(row.best.attemptId, 0); // stage 1 is entered before any move
  });

  it('lists the most frequent pitfalls with their share and moments, each opening the replay at its move', () => {
    const open = show();
    const top = report().pitfalls[0]!;
    const panel = section('Most frequent pitfalls');
    const item = panel.querySelector<HTMLElement>(`[data-item="${top.id}"]`)!;
    const label = pickText(Object.values(cohort.models)[0]!.checklist.find((c) => c.id === top.id)!.label, 'en').text;
    expect(within(item).getByText(label)).toBeTruthy();
    expect(item.textContent).toContain(`${top.attempts} attempts of ${top.of} (${percent.format(top.share)})`);
    expect(panel.querySelector('.frequent-item')).toBe(item); // the most frequent first
    const moments = within(item).getAllByRole('button', { name: new RegExp(`: replay from there \\(${label}\\)$`) });
    expect(moments).toHaveLength(5);
    const second = top.moments[1]!;
    fireEvent.click(moments[1]!);
    expect(open).toHaveBeenCalledExactlyOnceWith(second.attemptId, second.turn);
    fireEvent.click(within(item).getByRole('button', { name: `Show all ${top.moments.length} moments` }));
    const all = within(item).getAllByRole('button', { name: new RegExp(`: replay from there \\(${label}\\)$`) });
    expect(all).toHaveLength(top.moments.length);
    fireEvent.click(all[all.length - 1]!);
    expect(open).toHaveBeenLastCalledWith(top.moments.at(-1)!.attemptId, top.moments.at(-1)!.turn);
  });

  it('lists the key actions missed most often, each moment opening where its stage began', () => {
    const open = show();
    const top = report().missedKeyActions[0]!;
    const item = section('Most often missed key actions').querySelector<HTMLElement>(`[data-item="${top.id}"]`)!;
    expect(item.textContent).toContain(`missed in ${top.attempts} of ${top.of} attempts that reached the stage (${percent.format(top.share)})`);
    fireEvent.click(item.querySelector('.moment-list button')!);
    const m = top.moments[0]!;
    expect(open).toHaveBeenCalledExactlyOnceWith(m.attemptId, m.turn);
    expect(m.turn).toBe(Math.max(1, enteredAt(m.attemptId, top.stage)!));
  });

  it('filters by scenario, by trainees and by dates', () => {
    show();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'precision-erp' } });
    const erp = report({ scenario: 'precision-erp' });
    expect(erp.attempts).toBeLessThan(report().attempts);
    expect(summary()).toBe(summaryOf(erp));
    expect(heatRows().map((tr) => tr.dataset.trainee)).toEqual(erp.trainees);

    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ann Lee' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '王芳' }));
    const two = report({ trainees: ['Ann Lee', '王芳'] });
    expect(summary()).toBe(summaryOf(two));
    expect(heatRows().map((tr) => tr.dataset.trainee)).toEqual(['Ann Lee', '王芳']);
    expect(screen.getByText(/^Trainees: 2 of 6$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Everyone' }));
    expect(summary()).toBe(summaryOf(report()));

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-17' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-03-30' } });
    const fortnight = report({ from: localDayStart('2025-03-17'), to: localDayStart('2025-03-31')! - 1 });
    expect(fortnight.attempts).toBeGreaterThan(0);
    expect(fortnight.attempts).toBeLessThan(report().attempts);
    expect(summary()).toBe(summaryOf(fortnight));
    for (const time of section('Trainees × stages').querySelectorAll('time')) {
      const day = localDay(Date.parse(time.getAttribute('datetime')!));
      expect(day >= '2025-03-17' && day <= '2025-03-30').toBe(true);
    }
  });

  it('says so when nothing matches, and clears the filters on request', () => {
    show();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-06-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-05-01' } });
    expect(screen.getByText('The “From” date is after the “To” date, so no attempt can match.')).toBeTruthy();
    expect(summary()).toBe('0 attempts · 0 trainees · 0 won · 0 in progress');
    expect(screen.queryByRole('region', { name: 'Trainees × stages' })).toBeNull();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2030-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '' } });
    expect(screen.getByText('No attempt matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(summary()).toBe(summaryOf(report()));
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('');
  });

  it('shows ids where no model names a thing, and names from files as text, never as markup', () => {
    const odd = cohort.analyses.slice(0, 12).map((a, i) => ({ ...a, trainee: i % 2 ? '<img src=x onerror="alert(1)">' : '' }));
    render(<CohortDashboard analyses={odd} models={{}} locale="en" onOpenMoment={() => {}} />);
    expect(heatRows().map((tr) => tr.querySelector('th')!.firstChild!.textContent)).toEqual(['(no name)', '<img src=x onerror="alert(1)">']);
    expect(document.querySelector('img')).toBeNull();
    const pitfall = section('Most frequent pitfalls').querySelector<HTMLElement>('.frequent-item')!;
    expect(pitfall.querySelector('code')!.textContent).toBe(pitfall.dataset.item);
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: odd[0]!.scenario.id } });
    const point = section('Decisions against the expert path').querySelector<HTMLElement>('.decision-point')!;
    // The line the trainees heard comes from their attempts, not from a model.
    expect(point.querySelector('.customer-line')!.textContent).not.toBe('');
    for (const row of section('Decisions against the expert path').querySelectorAll<HTMLElement>('.lead-plan-table tbody tr')) expect(row.querySelector('th code')!.textContent).toBe(row.dataset.lead);
    expect([...point.querySelectorAll<HTMLElement>('.split-option')].map((o) => o.querySelector('code')!.textContent)).toEqual([...point.querySelectorAll<HTMLElement>('.split-option')].map((o) => o.dataset.option));
  });

  it('invites an import when there is no attempt at all', () => {
    show([]);
    expect(screen.getByText(/^No attempts to review yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('draws the funnel and gives its numbers as a table', () => {
    show();
    const r = report();
    const panel = section('Funnel along the LTC chain');
    expect(within(panel).getByTestId('cohort-chart')).toBeTruthy();
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((tr) => [...tr.children].map((c) => c.textContent))).toEqual(
      r.funnel.map((f) => [f.step === 'won' ? 'Won (cash collected)' : STAGE_NAMES[f.step], number.format(f.attempts), percent.format(f.share)]),
    );
    expect(r.funnel.at(-1)!.attempts).toBe(r.outcomes.won);
  });

  it('shows the process indicators on average and per trainee', () => {
    show();
    const r = report();
    const panel = section('Process indicators');
    const figure = (name: string) => within(panel).getAllByText(name)[0]!.nextElementSibling!.textContent;
    expect(figure('Win rate')).toBe(percent.format(r.indicators.average.winRate!));
    expect(figure('Days from signing to cash')).toBe(`${number.format(r.indicators.average.signingToCash!)} days`);
    expect(figure('Too soon')).toBe(number.format(r.indicators.average.touches.tooSoon!));
    const table = within(panel).getByRole('table', { name: 'Process indicators of each of 6 trainees' });
    expect(within(table).getByRole('columnheader', { name: 'Days per stage' }).getAttribute('colspan')).toBe('7');
    const rows = within(table).getAllByRole('row').slice(2); // two header rows: the stages sit under 'Days per stage'
    expect(rows.map((tr) => tr.firstElementChild!.textContent)).toEqual(r.trainees);
    const ann = r.indicators.byTrainee.find((t) => t.trainee === 'Ann Lee')!;
    const annRow = rows.find((tr) => tr.dataset.trainee === 'Ann Lee')!;
    expect([...annRow.children].slice(1, 3).map((c) => c.textContent)).toEqual([String(ann.attempts), ann.winRate === null ? '—' : percent.format(ann.winRate)]);
  });

  it('follows trends by week and by month', () => {
    show();
    const r = report();
    const panel = section('Trends');
    const periods = () => within(panel).getAllByRole('row').slice(1).map((tr) => tr.dataset.period);
    expect(periods()).toEqual(r.trends.weeks.map((w) => w.period));
    const first = within(panel).getAllByRole('row')[1]!;
    expect(first.firstElementChild!.textContent).toMatch(/^2025-W10from Mar \d+, 2025$/); // the week, and the day it begins
    expect(first.querySelector('th .cohort-sub')!.textContent).toBe(`from ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(r.trends.weeks[0]!.start + offset * 60_000)}`);
    fireEvent.mouseDown(within(panel).getByRole('tab', { name: 'By month' }), { button: 0 });
    expect(periods()).toEqual(r.trends.months.map((m) => m.period));
    expect(within(panel).getByRole('rowheader', { name: 'March 2025' })).toBeTruthy();
    const march = r.trends.months[0]!;
    expect(within(panel).getAllByRole('row')[1]!.children[2]!.textContent).toBe(number.format(march.averageScore!));
  });

  it('splits the decisions of the selected scenario against the expert path, most often left first', () => {
    show();
    const panel = () => section('Decisions against the expert path');
    expect(within(panel()).getByText(/^Choose one scenario in the filters/)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'precision-erp' } });
    const splits = report({ scenario: 'precision-erp' }).decisions;
    const points = [...panel().querySelectorAll<HTMLElement>('.decision-point')];
    expect(points).toHaveLength(10);
    const split = (el: HTMLElement) => splits.find((d) => d.point === el.dataset.point)!;
    const left = points.map((p) => (split(p).exemplar === null ? -1 : split(p).total - split(p).matching));
    expect(left).toEqual([...left].sort((a, b) => b - a));
    expect(left[0]).toBeGreaterThan(0);
    const model = cohort.models[splits[0]!.scenario.hash]!;
    for (const p of points) {
      const d = split(p);
      if (d.exemplar === null) continue;
      const marked = p.querySelectorAll<HTMLElement>('.split-option.exemplar');
      expect(marked).toHaveLength(1);
      expect(marked[0]!.dataset.option).toBe(d.exemplar);
      expect(marked[0]!.textContent).toContain('✓ Expert’s choice:');
      expect(marked[0]!.textContent).toContain(pickText(findOption(model, d.exemplar)!.rep, 'en').text);
      for (const c of d.choices) {
        const option = p.querySelector(`[data-option="${c.option}"]`)!;
        expect(option.textContent).toContain(`${c.count} attempt${c.count === 1 ? '' : 's'} (${percent.format(c.count / d.total)})`);
      }
    }
    fireEvent.click(within(panel()).getByRole('button', { name: `Show all ${splits.length} steps` }));
    expect(panel().querySelectorAll('.decision-point')).toHaveLength(splits.length);
  });

  it('labels each step with the line the trainees heard there, each variant with how many heard it', () => {
    show();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'precision-erp' } });
    const panel = section('Decisions against the expert path');
    fireEvent.click(within(panel).getByRole('button', { name: /^Show all/ }));
    const splits = report({ scenario: 'precision-erp' }).decisions;
    const heard = (point: string) => new Set(cohort.analyses.filter((a) => a.scenario.id === 'precision-erp').flatMap((a) => a.decisions.filter((d) => d.point === point && d.line).map((d) => pickText(d.line!.text, 'en').text)));
    let varied = 0;
    for (const p of panel.querySelectorAll<HTMLElement>('.decision-point')) {
      const d = splits.find((x) => x.point === p.dataset.point)!;
      const quoted = [...p.querySelectorAll('.customer-line')].map((q) => q.textContent!.replace(/^The customer said: /, ''));
      expect(quoted.length, d.point).toBe(d.lines.length);
      for (const q of quoted) expect(heard(d.point), d.point).toContain(q);
      if (d.lines.length > 1) {
        varied++;
        expect(p.textContent).toContain(`The trainees did not all hear the same line here: the customer said one of ${d.lines.length} lines`);
        const seen = d.lines.reduce((n, l) => n + l.count, 0);
        for (const [i, l] of d.lines.entries()) expect(p.querySelectorAll('.customer-lines li')[i]!.textContent).toContain(`heard in ${l.count} attempt${l.count === 1 ? '' : 's'} (${percent.format(l.count / seen)})`);
      }
    }
    expect(varied).toBeGreaterThan(0);
  });

  it('splits the lead plan lead by lead against the expert’s grade', () => {
    show();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'precision-erp' } });
    const [plans] = report({ scenario: 'precision-erp' }).leadPlans;
    const model = cohort.models[plans!.scenario.hash]!;
    const panel = section('Decisions against the expert path');
    expect(within(panel).getByRole('heading', { name: 'Stage 1, lead acquisition: the lead plan' })).toBeTruthy();
    expect(panel.textContent).toContain(`${plans!.plans} attempts submitted a lead plan.`);
    const table = within(panel).getByRole('table', { name: 'How the cohort graded and pursued each lead, beside the expert’s grade' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Lead', 'Expert’s grade', 'Graded A', 'Graded B', 'Graded C', 'No grade', 'Graded right', 'Pursued']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.lead)).toEqual(model.leads.pool.map((l) => l.id));
    const of = (n: number) => `${n} (${percent.format(n / plans!.plans)})`;
    for (const [i, lead] of plans!.leads.entries()) {
      const row = rows[i]!;
      const pooled = model.leads.pool.find((l) => l.id === lead.lead)!;
      expect(within(row).getByRole('rowheader').textContent).toContain(pickText(pooled.company, 'en').text);
      expect(row.children[1]!.textContent).toBe(pooled.grade);
      expect([...row.querySelectorAll('td')].slice(1).map((td) => td.textContent!.replace(' (the expert’s grade)', ''))).toEqual([...(['A', 'B', 'C', 'none'] as const).map((g) => of(lead.grades[g])), of(lead.right), of(lead.pursued)]);
      expect(row.querySelector('.expected-grade')!.getAttribute('data-grade')).toBe(pooled.grade);
    }
    expect(rows.find((r) => r.dataset.lead === model.leads.customerLead)!.textContent).toContain('The lead to pursue');
  });

  it('saves a section as CSV, in the reader’s language, named after the table and the day', async () => {
    const saved = captureDownloads();
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Save as CSV: Most frequent pitfalls' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe(`cohort-pitfalls-${localDay(Date.now())}.csv`);
    // A byte-order mark first, so that spreadsheets read the file as UTF-8 (Blob.text() drops it).
    expect([...new Uint8Array(await saved[0]!.blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(await saved[0]!.blob.text(), { skipEmptyLines: true }).data;
    const labels = tableLabels(cohortLabels(cohort.models), 'en', (s) => STAGE_NAMES[s], 'Won (cash collected)');
    const table = cohortTables(report(), labels).find((t) => t.name === 'pitfalls')!;
    expect(rows[0]).toEqual(table.columns);
    expect(rows.slice(1)).toEqual(table.rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
    const first = rows[1]!;
    expect(first[3]).toBe(pickText(Object.values(cohort.models)[0]!.checklist.find((c) => c.id === first[2])!.label, 'en').text);
    expect(rows.find((r) => r[0] === 'discovery')?.[1]).toBe('Needs discovery');
  });

  it('saves every table, one file after another', async () => {
    const saved = captureDownloads();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Save all tables as CSV' }));
    vi.runAllTimers();
    const day = localDay(Date.now());
    expect(saved.map((s) => s.name)).toEqual(['heat-map', 'funnel', 'pitfalls', 'missed-key-actions', 'indicators', 'trends-by-week', 'trends-by-month', 'lead-plans', 'decisions'].map((n) => `cohort-${n}-${day}.csv`));
    const heat = Papa.parse<string[]>(await saved[0]!.blob.text(), { skipEmptyLines: true }).data;
    expect(heat.length - 1).toBe(report().heatMap.length * 2); // a first and a best row per trainee
    const funnel = Papa.parse<string[]>(await saved[1]!.blob.text(), { skipEmptyLines: true }).data;
    expect(funnel.at(-1)!.slice(0, 3)).toEqual(['won', 'Won (cash collected)', String(report().outcomes.won)]);
  });
});

/** Stands in for the browser's downloads: records each file's name and content. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}
