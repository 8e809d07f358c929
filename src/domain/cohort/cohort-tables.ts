/**
 * The cohort report as flat tables, for CSV export (the monthly review's spreadsheet) and for the
 * command line's Markdown. Cells are ids, labels and unformatted numbers; a stage an attempt did not
 * reach is an empty cell, never 0. Labels come from the caller (the UI's language, or the CLI's
 * English), and default to the ids.
 */
import Papa from 'papaparse';
import { STAGES, type StageId } from '../ltc/stages';
import type { CohortReport, HeatMapAttempt } from './cohort-report';
import type { ItemFrequency } from './cohort-items';
import type { IndicatorSummary, TrendRow } from './cohort-measures';
import type { LocalizedText } from '../text/localized-text';

export type Cell = string | number | boolean | null;

export type CohortTableName =
  | 'heat-map'
  | 'funnel'
  | 'pitfalls'
  | 'missed-key-actions'
  | 'indicators'
  | 'trends-by-week'
  | 'trends-by-month'
  | 'lead-plans'
  | 'decisions';

export interface CohortTable {
  name: CohortTableName;
  /** Column ids, also the CSV header. */
  columns: string[];
  rows: Cell[][];
}

/** How to name stages, checklist items and options; each defaults to the id. */
export interface TableLabels {
  stage?: (stage: StageId) => string;
  item?: (stage: StageId, id: string) => string;
  option?: (scenarioHash: string, optionId: string) => string;
  /** A stage-1 lead (its company). */
  lead?: (scenarioHash: string, leadId: string) => string;
  /** A scenario text (a customer's line as said): by default its English, else its first language. */
  text?: (value: LocalizedText) => string;
  /** The funnel's last step, cash collected. */
  won?: string;
}

const iso = (ms: number) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

/** Every table of the report, in the dashboard's order. */
export function cohortTables(report: CohortReport, labels: TableLabels = {}): CohortTable[] {
  const stage = labels.stage ?? ((s: StageId) => s);
  const item = labels.item ?? ((_s: StageId, id: string) => id);
  const option = labels.option ?? ((_h: string, id: string) => id);
  const lead = labels.lead ?? ((_h: string, id: string) => id);
  const text = labels.text ?? ((v: LocalizedText) => v.en ?? Object.values(v).find((x) => x !== undefined) ?? '');

  const heatRow = (trainee: string, attempts: number, which: string, a: HeatMapAttempt): Cell[] => [
    trainee, attempts, which, a.attemptId, iso(a.createdAt), a.overall, a.outcome,
    ...STAGES.map((s) => {
      const x = a.stages.find((y) => y.stage === s);
      return x?.reached ? x.score : null;
    }),
  ];
  const itemRows = (items: ItemFrequency[]): Cell[][] =>
    items.map((i) => [i.stage, stage(i.stage), i.id, item(i.stage, i.id), i.attempts, i.of, i.share, i.occurrences, i.moments.map((m) => `${m.attemptId}@${m.turn}`).join(' ')]);
  const itemColumns = ['stage', 'stage_label', 'item', 'label', 'attempts', 'of', 'share', 'occurrences', 'moments'];
  const indicatorRow = (scope: string, trainee: string | null, i: IndicatorSummary): Cell[] => [
    scope, trainee, i.attempts, ...STAGES.map((s) => i.daysPerStage[s]), i.totalDays,
    i.touches.total, i.touches.ok, i.touches.tooSoon, i.touches.tooLong, i.onRhythmShare, i.signingToCash, i.won, i.winRate,
  ];
  const trendTable = (name: CohortTableName, rows: TrendRow[]): CohortTable => ({
    name,
    columns: ['period', 'start', 'attempts', 'average_score', 'win_rate', ...STAGES],
    rows: rows.map((t) => [t.period, iso(t.start), t.attempts, t.averageScore, t.winRate, ...STAGES.map((s) => t.stages[s])]),
  });

  return [
    {
      name: 'heat-map',
      columns: ['trainee', 'attempts', 'attempt', 'attempt_id', 'started', 'overall', 'outcome', ...STAGES],
      rows: report.heatMap.flatMap((r) => [heatRow(r.trainee, r.attempts, 'first', r.first), heatRow(r.trainee, r.attempts, 'best', r.best)]),
    },
    {
      name: 'funnel',
      columns: ['step', 'label', 'attempts', 'share'],
      rows: report.funnel.map((f) => [f.step, f.step === 'won' ? (labels.won ?? 'won') : stage(f.step), f.attempts, f.share]),
    },
    { name: 'pitfalls', columns: itemColumns, rows: itemRows(report.pitfalls) },
    { name: 'missed-key-actions', columns: itemColumns, rows: itemRows(report.missedKeyActions) },
    {
      name: 'indicators',
      columns: ['scope', 'trainee', 'attempts', ...STAGES.map((s) => `days_${s}`), 'total_days', 'touches', 'on_rhythm', 'too_soon', 'too_long', 'on_rhythm_share', 'signing_to_cash_days', 'won', 'win_rate'],
      rows: [indicatorRow('all', null, report.indicators.average), ...report.indicators.byTrainee.map((t) => indicatorRow('trainee', t.trainee, t))],
    },
    trendTable('trends-by-week', report.trends.weeks),
    trendTable('trends-by-month', report.trends.months),
    {
      name: 'lead-plans',
      columns: ['scenario', 'version', 'lead', 'label', 'expected_grade', 'should_pursue', 'plans', 'graded_a', 'graded_b', 'graded_c', 'no_grade', 'graded_right', 'pursued'],
      rows: report.leadPlans.flatMap((p) =>
        p.leads.map((l) => [p.scenario.id, p.scenario.version, l.lead, lead(p.scenario.hash, l.lead), l.expected, l.shouldPursue, p.plans, l.grades.A, l.grades.B, l.grades.C, l.grades.none, l.right, l.pursued]),
      ),
    },
    {
      name: 'decisions',
      // The customer's line: the one most heard at the point, and how many different lines were heard there.
      columns: ['scenario', 'version', 'point', 'stage', 'option', 'label', 'count', 'share', 'is_exemplar', 'exemplar_option', 'decided', 'customer_line', 'lines_heard'],
      rows: report.decisions.flatMap((d) =>
        d.choices.map((c) => [
          d.scenario.id, d.scenario.version, d.point, d.stage, c.option, option(d.scenario.hash, c.option), c.count, c.count / d.total, c.option === d.exemplar, d.exemplar, d.total,
          d.lines[0] ? text(d.lines[0].text) : null, d.lines.length,
        ]),
      ),
    },
  ];
}

/**
 * A table as CSV (RFC 4180, header row first) by Papa Parse. A text cell that a spreadsheet would
 * run as a formula (it starts with =, +, -, @) is prefixed with an apostrophe: trainee names come
 * from files anyone can write.
 */
export function toCsv(table: CohortTable): string {
  return Papa.unparse({ fields: table.columns, data: table.rows }, { escapeFormulae: true, newline: '\r\n' });
}
