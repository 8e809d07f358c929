import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { STAGES, type StageId } from '../ltc/stages';
import type { Grade } from '../scenario/model';
import type { AttemptAnalysis, Decision } from './analyze-attempt';
import { cohortReport } from './cohort-report';
import { cohortTables, toCsv } from './cohort-tables';

const at = (iso: string) => Date.parse(iso);
const ERP = { id: 'precision-erp', version: '1.0.0', hash: 'erp1' };
const RETAIL = { id: 'retail-saas-rollout', version: '2.0.0', hash: 'retail2' };

interface Sketch {
  id: string;
  trainee: string;
  createdAt: string;
  /** Scores of the stages reached, in order (the rest not reached). */
  scores: number[];
  outcome?: AttemptAnalysis['outcome'];
  scenario?: AttemptAnalysis['scenario'];
  pitfalls?: AttemptAnalysis['pitfalls'];
  missed?: AttemptAnalysis['missedKeyActions'];
  decisions?: Partial<Decision>[];
  leadPlan?: AttemptAnalysis['leadPlan'];
  days?: Partial<Record<StageId, number>>;
  touches?: [ok: number, tooSoon: number, tooLong: number];
  signingToCash?: number | null;
  updatedAt?: number;
}

/** A hand-built analysis: only what a sketch says, everything else empty. */
function attempt(s: Sketch): AttemptAnalysis {
  const reached = STAGES.slice(0, s.scores.length);
  const [ok, tooSoon, tooLong] = s.touches ?? [0, 0, 0];
  const overall = Math.round(s.scores.reduce((a, b) => a + b, 0) / 7);
  return {
    attemptId: s.id,
    trainee: s.trainee,
    scenario: s.scenario ?? ERP,
    createdAt: at(s.createdAt),
    updatedAt: s.updatedAt ?? at(s.createdAt),
    lastMoveAt: null,
    status: s.outcome ? 'finished' : 'in-progress',
    outcome: s.outcome ?? null,
    endedIn: s.outcome ? reached[reached.length - 1]! : null,
    stagesReached: reached,
    overall: { score: overall, band: overall >= 60 ? 'pass' : 'fail', passed: s.outcome === 'won' && overall >= 60 },
    stages: STAGES.map((stage, i) => ({
      stage,
      reached: i < s.scores.length,
      score: s.scores[i] ?? 0,
      band: i < s.scores.length ? (s.scores[i]! >= 60 ? 'pass' : 'fail') : 'not-reached',
      passed: (s.scores[i] ?? 0) >= 60,
      enteredAt: i < s.scores.length ? i * 3 : null,
    })),
    missedKeyActions: s.missed ?? [],
    pitfalls: s.pitfalls ?? [],
    indicators: {
      daysPerStage: s.days ?? Object.fromEntries(reached.map((r) => [r, 2])),
      totalDays: Object.values(s.days ?? {}).reduce((a, b) => a + b, 0),
      touches: { total: ok + tooSoon + tooLong, ok, tooSoon, tooLong },
      signingToCash: s.signingToCash ?? null,
      moves: 10,
      objections: 0,
      surprises: 0,
    },
    decisions: (s.decisions ?? []).map((d, i) => ({ point: 'discovery/open', stage: 'discovery', turn: 5 + i, chosen: 'discovery/open/1', exemplar: 'discovery/open/1', line: null, ...d })),
    leadPlan: s.leadPlan ?? null,
    hasExemplar: true,
    rejectedAt: null,
  };
}

const won = [100, 90, 80, 70, 60, 50, 40];
const cohort = [
  attempt({ id: 'ann-1', trainee: 'Ann', createdAt: '2025-03-03T09:00:00Z', scores: [100, 40, 20], outcome: 'lost',
    pitfalls: [{ stage: 'discovery', id: 'push-sale-early', turns: [5, 9] }], missed: [{ stage: 'discovery', id: 'record-key-info' }, { stage: 'first-contact', id: 'prepare-opening' }],
    decisions: [{ chosen: 'discovery/open/2' }], days: { leads: 0, 'first-contact': 3, discovery: 5 }, touches: [2, 1, 0] }),
  attempt({ id: 'ann-2', trainee: 'Ann', createdAt: '2025-03-09T23:30:00Z', scores: won, outcome: 'won',
    missed: [{ stage: 'discovery', id: 'record-key-info' }], decisions: [{}], days: { leads: 0, 'first-contact': 2, discovery: 4, presentation: 3, negotiation: 5, signing: 2, collection: 10 }, touches: [6, 0, 1], signingToCash: 10 }),
  attempt({ id: 'bo-1', trainee: 'Bo', createdAt: '2025-03-10T10:00:00Z', scores: won, outcome: 'won',
    decisions: [{}, { point: 'price-too-high/first', stage: 'negotiation', chosen: 'price-too-high/first/3', exemplar: 'price-too-high/first/1' }], touches: [7, 0, 0], signingToCash: 20 }),
  attempt({ id: 'cy-1', trainee: 'Cy', createdAt: '2025-04-01T08:00:00Z', scores: [60, 50, 0], outcome: 'lost',
    pitfalls: [{ stage: 'discovery', id: 'push-sale-early', turns: [4] }, { stage: 'first-contact', id: 'read-from-script', turns: [2] }],
    missed: [{ stage: 'discovery', id: 'record-key-info' }], decisions: [{ chosen: 'discovery/open/2' }], touches: [1, 0, 0] }),
  attempt({ id: 'dee-1', trainee: 'Dee', createdAt: '2025-04-02T08:00:00Z', scores: [80], scenario: RETAIL }),
];

describe('the cohort report', () => {
  const r = cohortReport(cohort);

  it('counts attempts, trainees, scenarios and outcomes', () => {
    expect(r.attempts).toBe(5);
    expect(r.trainees).toEqual(['Ann', 'Bo', 'Cy', 'Dee']);
    expect(r.scenarios).toEqual([{ ...ERP, attempts: 4 }, { ...RETAIL, attempts: 1 }]);
    expect(r.outcomes).toEqual({ won: 2, lost: 2, stalled: 0, abandoned: 0, inProgress: 1 });
  });

  it('maps trainees × stages with their first and best attempts', () => {
    const ann = r.heatMap.find((h) => h.trainee === 'Ann')!;
    expect(ann).toMatchObject({ attempts: 2, first: { attemptId: 'ann-1', overall: 23 }, best: { attemptId: 'ann-2', overall: 70 } });
    expect(ann.first.stages.map((s) => (s.reached ? s.score : null))).toEqual([100, 40, 20, null, null, null, null]);
    expect(ann.averages).toEqual({ leads: 100, 'first-contact': 65, discovery: 50, presentation: 70, negotiation: 60, signing: 50, collection: 40 });
    const bo = r.heatMap.find((h) => h.trainee === 'Bo')!;
    expect(bo.first).toEqual(bo.best);
  });

  it('draws the funnel along the LTC chain, ending with cash collected', () => {
    expect(r.funnel.map((f) => [f.step, f.attempts])).toEqual([
      ['leads', 5], ['first-contact', 4], ['discovery', 4], ['presentation', 2], ['negotiation', 2], ['signing', 2], ['collection', 2], ['won', 2],
    ]);
    expect(r.funnel[7]!.share).toBe(0.4);
  });

  it('ranks pitfalls and missed key actions, with the moments to replay', () => {
    expect(r.pitfalls).toEqual([
      { stage: 'discovery', id: 'push-sale-early', attempts: 2, of: 5, share: 0.4, occurrences: 3, moments: [
        { attemptId: 'ann-1', trainee: 'Ann', turn: 5 }, { attemptId: 'ann-1', trainee: 'Ann', turn: 9 }, { attemptId: 'cy-1', trainee: 'Cy', turn: 4 },
      ] },
      { stage: 'first-contact', id: 'read-from-script', attempts: 1, of: 5, share: 0.2, occurrences: 1, moments: [{ attemptId: 'cy-1', trainee: 'Cy', turn: 2 }] },
    ]);
    expect(r.missedKeyActions.map((m) => [m.id, m.attempts, m.of, m.share])).toEqual([
      ['record-key-info', 3, 4, 0.75], // of the 4 attempts that reached discovery
      ['prepare-opening', 1, 4, 0.25],
    ]);
    expect(r.missedKeyActions[0]!.moments[0]).toEqual({ attemptId: 'ann-1', trainee: 'Ann', turn: 6 }); // where discovery began
  });

  it('averages the process indicators, over the attempts each applies to, and per trainee', () => {
    const avg = r.indicators.average;
    expect(avg.attempts).toBe(5);
    expect(avg.daysPerStage.discovery).toBe((5 + 4 + 2 + 2) / 4);
    expect(avg.daysPerStage.collection).toBe((10 + 2) / 2);
    expect(avg.touches).toEqual({ total: 18 / 5, ok: 16 / 5, tooSoon: 1 / 5, tooLong: 1 / 5 });
    expect(avg.onRhythmShare).toBe(16 / 18);
    expect(avg.signingToCash).toBe(15);
    expect(avg.won).toBe(2);
    expect(avg.winRate).toBe(2 / 4); // Dee's attempt is still in progress: not counted, as in the trends
    expect(r.indicators.byTrainee.map((t) => [t.trainee, t.attempts, t.signingToCash, t.winRate])).toEqual([['Ann', 2, 10, 0.5], ['Bo', 1, 20, 1], ['Cy', 1, null, 0], ['Dee', 1, null, null]]);
  });

  it('follows trends by ISO week and by month', () => {
    expect(r.trends.weeks.map((w) => [w.period, w.attempts, w.averageScore, w.winRate])).toEqual([
      ['2025-W10', 2, (23 + 70) / 2, 0.5],
      ['2025-W11', 1, 70, 1],
      ['2025-W14', 2, (16 + 11) / 2, 0], // Dee's attempt is still in progress: not counted in the win rate
    ]);
    expect(r.trends.weeks[0]!.start).toBe(at('2025-03-03T00:00:00Z'));
    expect(r.trends.weeks[0]!.stages.discovery).toBe(50);
    expect(r.trends.weeks[2]!.stages.presentation).toBeNull();
    expect(r.trends.months.map((m) => [m.period, m.attempts])).toEqual([['2025-03', 3], ['2025-04', 2]]);
    // In Beijing, Ann's second attempt (Sunday 23:30 UTC) was made on Monday of week 11.
    const beijing = cohortReport(cohort, { utcOffsetMinutes: 480 });
    expect(beijing.trends.weeks.map((w) => [w.period, w.attempts])).toEqual([['2025-W10', 1], ['2025-W11', 2], ['2025-W14', 2]]);
  });

  it('splits the choices at each decision point against the exemplar', () => {
    expect(r.decisions).toEqual([
      { scenario: ERP, point: 'discovery/open', stage: 'discovery', exemplar: 'discovery/open/1', total: 4, matching: 2, choices: [{ option: 'discovery/open/1', count: 2 }, { option: 'discovery/open/2', count: 2 }], lines: [] },
      { scenario: ERP, point: 'price-too-high/first', stage: 'negotiation', exemplar: 'price-too-high/first/1', total: 1, matching: 0, choices: [{ option: 'price-too-high/first/3', count: 1 }], lines: [] },
    ]);
    expect(r.leadPlans).toEqual([]);
  });

  it('counts the customer lines the trainees saw at a point, variant by variant, most seen first', () => {
    const early = { en: 'It is Monday, March 3. Tell me more.' };
    const late = { en: 'Back again? Tell me more.' };
    const seen = (id: string, line: Decision['line']) => attempt({ id, trainee: id, createdAt: '2025-03-03T09:00:00Z', scores: [80, 80, 80], decisions: [{ line }] });
    const split = cohortReport([
      seen('a', { variant: 1, text: late }),
      seen('b', { variant: 0, text: early }),
      seen('c', { variant: 1, text: late }),
      seen('d', { variant: 0, text: { en: 'It is Tuesday, March 4. Tell me more.' } }),
      seen('e', { variant: 1, text: late }),
      seen('f', null),
      seen('g', { variant: null, text: { en: 'Unknown words' } }),
    ]).decisions[0]!;
    expect(split.total).toBe(7);
    expect(split.lines).toEqual([
      { variant: 1, text: late, count: 3 },
      { variant: 0, text: early, count: 2 },
      { variant: null, text: { en: 'Unknown words' }, count: 1 },
    ]);
    const row = cohortTables(cohortReport([seen('a', { variant: 0, text: { 'zh-CN': '你好' } })])).find((t) => t.name === 'decisions')!.rows[0]!;
    expect(row.slice(-2)).toEqual(['你好', 1]);
  });

  it('splits the lead plans lead by lead against the expected grade, per scenario version', () => {
    const plan = (given: (Grade | null)[], pursued: boolean[]) =>
      (['acme', 'brio', 'cove'] as const).map((lead, i) => ({ lead, given: given[i]!, expected: (['A', 'B', 'C'] as const)[i]!, pursued: pursued[i]!, shouldPursue: i === 0 }));
    const planned = (id: string, leadPlan: AttemptAnalysis['leadPlan']) => attempt({ id, trainee: id, createdAt: '2025-03-03T09:00:00Z', scores: [80], leadPlan });
    const [split, ...others] = cohortReport([
      planned('a', plan(['A', 'B', 'C'], [true, false, false])),
      planned('b', plan(['A', 'A', 'B'], [true, true, false])),
      planned('c', plan(['B', null, 'C'], [false, false, true])),
      planned('d', null),
    ]).leadPlans;
    expect(others).toEqual([]);
    expect(split).toEqual({
      scenario: ERP,
      plans: 3,
      leads: [
        { lead: 'acme', expected: 'A', shouldPursue: true, grades: { A: 2, B: 1, C: 0, none: 0 }, right: 2, pursued: 2 },
        { lead: 'brio', expected: 'B', shouldPursue: false, grades: { A: 1, B: 1, C: 0, none: 1 }, right: 1, pursued: 1 },
        { lead: 'cove', expected: 'C', shouldPursue: false, grades: { A: 0, B: 1, C: 2, none: 0 }, right: 2, pursued: 1 },
      ],
    });
    const [table] = cohortTables(cohortReport([planned('a', plan(['A', 'B', 'C'], [true, false, false]))]), { lead: (_h, id) => id.toUpperCase() }).filter((t) => t.name === 'lead-plans');
    expect(table!.columns).toEqual(['scenario', 'version', 'lead', 'label', 'expected_grade', 'should_pursue', 'plans', 'graded_a', 'graded_b', 'graded_c', 'no_grade', 'graded_right', 'pursued']);
    expect(table!.rows[0]).toEqual(['precision-erp', '1.0.0', 'acme', 'ACME', 'A', true, 1, 1, 0, 0, 0, 1, 1]);
  });

  it('filters by scenario, trainees and dates', () => {
    expect(cohortReport(cohort, { scenario: 'retail-saas-rollout' }).trainees).toEqual(['Dee']);
    expect(cohortReport(cohort, { trainees: ['Ann', 'Cy'] }).attempts).toBe(3);
    const march = cohortReport(cohort, { from: at('2025-03-04T00:00:00Z'), to: at('2025-03-31T23:59:59Z') });
    expect(march.heatMap.map((h) => [h.trainee, h.first.attemptId])).toEqual([['Ann', 'ann-2'], ['Bo', 'bo-1']]);
    expect(march.filters).toEqual({ scenario: null, trainees: null, from: at('2025-03-04T00:00:00Z'), to: at('2025-03-31T23:59:59Z'), utcOffsetMinutes: 0 });
    const none = cohortReport(cohort, { trainees: ['Nobody'] });
    expect([none.attempts, none.heatMap, none.funnel[0]!.share, none.indicators.average.totalDays, none.trends.weeks]).toEqual([0, [], 0, null, []]);
  });

  it('counts an attempt imported twice once, keeping the later copy', () => {
    const annotated = { ...cohort[0]!, updatedAt: cohort[0]!.updatedAt + 1000, trainee: 'Ann' };
    const twice = cohortReport([annotated, ...cohort]);
    expect(twice.attempts).toBe(5);
    expect(twice.duplicates).toBe(1);
  });
});

describe('the report as tables', () => {
  const tables = cohortTables(cohortReport(cohort), { stage: (s) => s.toUpperCase(), item: (_s, id) => `label of ${id}` });
  const byName = (name: string) => tables.find((t) => t.name === name)!;

  it('has one table per part of the dashboard', () => {
    expect(tables.map((t) => t.name)).toEqual(['heat-map', 'funnel', 'pitfalls', 'missed-key-actions', 'indicators', 'trends-by-week', 'trends-by-month', 'lead-plans', 'decisions']);
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
  });

  it('leaves a stage not reached empty, never 0, and uses the labels given', () => {
    const heat = byName('heat-map');
    expect(heat.rows[0]).toEqual(['Ann', 2, 'first', 'ann-1', '2025-03-03T09:00:00.000Z', 23, 'lost', 100, 40, 20, null, null, null, null]);
    expect(byName('pitfalls').rows[0]!.slice(0, 4)).toEqual(['discovery', 'DISCOVERY', 'push-sale-early', 'label of push-sale-early']);
    expect(byName('pitfalls').rows[0]![8]).toBe('ann-1@5 ann-1@9 cy-1@4');
    expect(byName('indicators').rows.map((row) => row.at(-1))).toEqual([0.5, 0.5, 1, 0, null]); // win_rate
    expect(byName('funnel').rows.at(-1)).toEqual(['won', 'won', 2, 0.4]);
    expect(cohortTables(cohortReport(cohort), { won: '已回款' }).find((t) => t.name === 'funnel')!.rows.at(-1)![1]).toBe('已回款');
    expect(byName('decisions').rows[0]).toEqual(['precision-erp', '1.0.0', 'discovery/open', 'discovery', 'discovery/open/1', 'discovery/open/1', 2, 0.5, true, 'discovery/open/1', 4, null, 0]);
  });

  it('exports CSV with a header row that Papa Parse reads back to the same cells', () => {
    for (const t of tables) {
      const csv = toCsv(t);
      const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
      expect(parsed[0]).toEqual(t.columns);
      expect(parsed.slice(1)).toEqual(t.rows.map((row) => row.map((c) => (c === null ? '' : String(c)))));
    }
    const trends = toCsv(byName('trends-by-week')).split('\r\n');
    expect(trends[1]).toBe('2025-W10,2025-03-03T00:00:00.000Z,2,46.5,0.5,100,65,50,70,60,50,40');
  });

  it('keeps names with commas, quotes, line breaks and Chinese intact, and defuses spreadsheet formulas', () => {
    const names = ['Zhang, Wei', 'Sam "the closer" Carter', 'Line\nbreak', '张伟', '=HYPERLINK("http://x","y")', '@SUM(A1)'];
    const odd = names.map((trainee, i) => attempt({ id: `x${i}`, trainee, createdAt: '2025-05-05T00:00:00Z', scores: [50] }));
    const table = cohortTables(cohortReport(odd)).find((t) => t.name === 'heat-map')!;
    const parsed = Papa.parse<string[]>(toCsv(table), { skipEmptyLines: true }).data.slice(1).filter((_, i) => i % 2 === 0).map((row) => row[0]);
    expect(parsed).toEqual([...names].sort((a, b) => a.localeCompare(b)).map((n) => (/^[=@]/.test(n) ? `'${n}` : n)));
  });
});
