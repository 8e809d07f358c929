/** The cohort report as the `cohort report` command prints it: Markdown tables, CSV blocks or JSON. */
import type { CohortReport } from '../domain/cohort/cohort-report';
import { cohortTables, toCsv, type Cell, type CohortTable, type CohortTableName } from '../domain/cohort/cohort-tables';
import { isStageId } from '../domain/ltc/stages';
import type { ScenarioModel } from '../domain/scenario/model';
import { en, itemLabel, optionLabel, plain, stageLabel } from './cohort-text';

export const FORMATS = ['md', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const TITLES: Record<CohortTableName, string> = {
  'heat-map': 'Trainees × stages: first and best attempt (stage scores; blank = stage not reached)',
  funnel: 'Funnel along the LTC chain (attempts that reached each stage; won = cash collected)',
  pitfalls: 'Most frequent pitfalls (moments: attempt@move)',
  'missed-key-actions': 'Most often missed key actions (of the attempts that reached the stage; moment: where the stage began)',
  indicators: 'Process indicators (means per attempt; days per stage over the attempts that reached it)',
  'trends-by-week': 'Trends by ISO week (stage columns: mean score of the attempts that reached the stage)',
  'trends-by-month': 'Trends by month',
  'lead-plans': 'Stage 1 lead plans: how the cohort graded and pursued each lead, against the expected grade',
  decisions: 'Decision points: how the cohort chose, against the exemplar',
};

const PERCENT = new Set(['share', 'win_rate', 'on_rhythm_share']);
const MAX_MOMENTS = 6;

/** The report's tables with English labels from the scenarios the attempts ran (option words cut at `optionChars`). */
export function englishTables(report: CohortReport, models: ReadonlyMap<string, ScenarioModel>, optionChars = Infinity): CohortTable[] {
  const all = [...models.values()];
  return cohortTables(report, {
    stage: stageLabel,
    item: (stage, id) => itemLabel(all.find((m) => m.checklist.some((i) => i.stage === stage && i.id === id)), stage, id),
    option: (hash, id) => optionLabel(models.get(hash), id, optionChars),
    lead: (hash, id) => {
      const company = models.get(hash)?.leads.pool.find((l) => l.id === id)?.company;
      return company ? en(company) : id;
    },
    text: (value) => {
      const words = en(value).replace(/\s+/g, ' ');
      return words.length > optionChars ? `${words.slice(0, optionChars - 1)}…` : words;
    },
    won: 'Won (cash collected)',
  });
}

const mdCell = (column: string, value: Cell): string => {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (PERCENT.has(column)) return `${Math.round(value * 100)}%`;
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
  if (typeof value === 'boolean') return value ? 'yes' : '';
  let text = value;
  if (column === 'moments') {
    const moments = text.split(' ');
    text = moments.length > MAX_MOMENTS ? `${moments.slice(0, MAX_MOMENTS).join(' ')} … (+${moments.length - MAX_MOMENTS})` : text;
  }
  if (column === 'trainee' && text === '') return '(no name)';
  if (column === 'started' || column === 'start') text = text.slice(0, 10);
  return plain(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
};

const mdHeader = (column: string) => (isStageId(column) ? stageLabel(column) : column.replace(/^days_(.+)$/, (_, s: string) => `days: ${isStageId(s) ? stageLabel(s) : s}`).replace(/_/g, ' '));

function markdown(report: CohortReport, tables: CohortTable[]): string[] {
  const o = report.outcomes;
  const lines = [
    '# Cohort report',
    '',
    `${report.attempts} attempt(s) by ${report.trainees.length} trainee(s); scenarios: ${report.scenarios.map((s) => `${plain(s.id)} ${plain(s.version)} (${s.attempts})`).join(', ') || 'none'}.`,
    `Outcomes: won ${o.won} · lost ${o.lost} · stalled ${o.stalled} · abandoned ${o.abandoned} · in progress ${o.inProgress}.`,
  ];
  const f = report.filters;
  const set = [
    f.scenario && `scenario ${plain(f.scenario)}`,
    f.trainees && `trainees ${f.trainees.map(plain).join(', ')}`,
    f.from !== null && `from ${new Date(f.from).toISOString().slice(0, 10)}`,
    f.to !== null && `to ${new Date(f.to).toISOString().slice(0, 10)}`,
  ].filter(Boolean);
  if (set.length) lines.push(`Filters: ${set.join('; ')}.`);
  if (report.duplicates) lines.push(`${report.duplicates} duplicate attempt file(s) counted once (the latest copy).`);
  for (const t of tables) {
    lines.push('', `## ${TITLES[t.name]}`, '');
    if (!t.rows.length) {
      lines.push('(none)');
      continue;
    }
    lines.push(`| ${t.columns.map(mdHeader).join(' | ')} |`, `|${t.columns.map(() => '---').join('|')}|`);
    for (const row of t.rows) lines.push(`| ${row.map((c, i) => mdCell(t.columns[i]!, c)).join(' | ')} |`);
  }
  return lines;
}

/** The report in `format`, as lines to print. */
export function renderReport(report: CohortReport, models: ReadonlyMap<string, ScenarioModel>, format: Format): string[] {
  if (format === 'json') return [JSON.stringify(report, null, 2)];
  if (format === 'md') return markdown(report, englishTables(report, models, 70));
  return englishTables(report, models).flatMap((t, i) => [...(i ? [''] : []), `# ${t.name}`, plain(toCsv(t))]);
}
