// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { cohortReport } from '../../domain/cohort/cohort-report';
import { findOption } from '../../domain/scenario/model';
import { CohortDashboard } from './CohortDashboard';
import { sampleCohort } from './sample-cohort.test-support';
import { libraryScenario, modelsByHash, realisticCohort, type RealisticCohort } from './realistic-cohort.test-support';

vi.mock('./CohortChart', () => ({ default: () => <div data-testid="cohort-chart" /> }));

let cohort: RealisticCohort;
beforeAll(async () => {
  await initTestI18n('zh-CN').changeLanguage('zh-CN');
  cohort = realisticCohort();
});
afterAll(async () => {
  await initTestI18n().changeLanguage('en');
});
afterEach(cleanup);

const offset = -new Date().getTimezoneOffset();
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 0 });
const section = (name: string) => screen.getByRole('region', { name });

describe('the cohort dashboard in Chinese', () => {
  it('names stages, bands, checklist items and options in Chinese, and formats numbers, shares and dates the Chinese way', () => {
    render(<CohortDashboard analyses={cohort.analyses} models={cohort.models} locale="zh-CN" onOpenMoment={() => {}} />);
    const r = cohortReport(cohort.analyses, { utcOffsetMinutes: offset });
    expect(screen.getByTestId('cohort-summary').textContent).toBe(`${r.attempts} 次练习 · 6 名学员 · 赢单 ${r.outcomes.won} 次 · 进行中 ${r.outcomes.inProgress} 次`);

    const heat = section('学员 × 阶段');
    expect(within(heat).getByRole('columnheader', { name: '需求挖掘' })).toBeTruthy();
    expect(within(heat).getByRole('radio', { name: '第一次' })).toBeTruthy();
    const li = heat.querySelector<HTMLElement>('tr[data-trainee="Li Na"]')!;
    expect(li.querySelector('time')!.textContent).toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium' }).format(r.heatMap.find((h) => h.trainee === 'Li Na')!.best.createdAt));
    expect(li.querySelector('time')!.textContent).toMatch(/^2025年3月\d+日$/);
    expect(li.querySelector('td[data-stage="collection"] button')!.getAttribute('aria-label')).toBe('100 分：Li Na，回款催收，优秀。从此阶段开始回放。');

    const top = r.pitfalls[0]!;
    const item = section('最常见的误区').querySelector<HTMLElement>(`[data-item="${top.id}"]`)!;
    const zh = Object.values(cohort.models)[0]!.checklist.find((c) => c.id === top.id)!.label['zh-CN']!;
    expect(within(item).getByText(zh).closest('[lang]')!.getAttribute('lang')).toBe('zh-CN');
    expect(item.textContent).toContain(`${top.of} 次练习中有 ${top.attempts} 次（${percent.format(top.share)}）`);
    expect(item.textContent).toContain('第 ');

    const funnel = within(section('LTC 全链条漏斗')).getAllByRole('row').at(-1)!;
    expect([...funnel.children].map((c) => c.textContent)).toEqual(['赢单（已回款）', String(r.outcomes.won), percent.format(r.funnel.at(-1)!.share)]);
    expect(section('趋势').querySelector('[data-period="2025-W10"] th')!.textContent).toMatch(/^2025-W102025年3月\d+日 起$/);

    fireEvent.change(screen.getByRole('combobox', { name: '场景' }), { target: { value: 'precision-erp' } });
    const point = section('决策与专家路径的对照').querySelector<HTMLElement>('.decision-point')!;
    const split = cohortReport(cohort.analyses, { scenario: 'precision-erp' }).decisions.find((d) => d.point === point.dataset.point)!;
    const model = cohort.models[split.scenario.hash]!;
    const exemplar = point.querySelector('.split-option.exemplar')!;
    expect(exemplar.textContent).toContain('✓ 专家的选择：');
    expect(exemplar.textContent).toContain(findOption(model, split.exemplar!)!.rep['zh-CN']!);
    expect(point.querySelector('.customer-line [lang]')!.getAttribute('lang')).toBe('zh-CN');

    const [plans] = cohortReport(cohort.analyses, { scenario: 'precision-erp' }).leadPlans;
    const leads = within(section('决策与专家路径的对照')).getByRole('table', { name: '学员组对每条线索的评级与跟进，并列专家的评级' });
    expect(within(leads).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['线索', '专家评级', '评为 A', '评为 B', '评为 C', '未评级', '评级正确', '跟进']);
    const first = plans!.leads[0]!;
    const row = leads.querySelector<HTMLElement>(`[data-lead="${first.lead}"]`)!;
    expect(within(row).getByRole('rowheader').querySelector('[lang]')!.getAttribute('lang')).toBe('zh-CN');
    expect(row.querySelectorAll('td')[5]!.textContent).toBe(`${first.right}（${percent.format(first.right / plans!.plans)}）`);
  });

  it('groups thousands the Chinese way, and marks text a scenario gives only in English', () => {
    const erp = libraryScenario('precision-erp');
    const englishOnly = structuredClone(erp.model);
    for (const item of englishOnly.checklist) delete item.label['zh-CN'];
    const analyses = sampleCohort({ scenarios: [{ ...erp, model: englishOnly }], trainees: ['甲', '乙'], attempts: 4, start: Date.UTC(2025, 0, 6), days: 10 });
    // The same analyses many times over under new ids: only the counts matter here.
    const many = Array.from({ length: 300 }, (_, i) => analyses.map((a) => ({ ...a, attemptId: `${a.attemptId}-${i}` }))).flat();
    render(<CohortDashboard analyses={many} models={modelsByHash([{ model: englishOnly }])} locale="zh-CN" onOpenMoment={() => {}} />);
    expect(screen.getByTestId('cohort-summary').textContent).toMatch(/^1,200 次练习 · 2 名学员/);
    const item = section('最常见的误区').querySelector('.frequent-item')!;
    expect(item.querySelector('[lang="en"]')!.textContent).toMatch(/（英文）$/);
  });
});
