// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { fixtureExemplar, fixtureRecord, tourLost } from './replay-fixtures.test-support';
import { ReplayViewer } from './ReplayViewer';

beforeAll(async () => {
  await initTestI18n('zh-CN').changeLanguage('zh-CN');
});
afterAll(async () => {
  await initTestI18n().changeLanguage('en');
});
afterEach(cleanup);

describe('the replay viewer in Chinese', () => {
  it('speaks Chinese: the header, the timeline, the step, the expert path and the coach’s notes', () => {
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    render(<ReplayViewer model={model} record={record} exemplar={fixtureExemplar('precision-erp.expert.json')} locale="zh-CN" mode="trainee" coachName="" newer={null} onExit={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(model.title['zh-CN']);
    expect(screen.getByTestId('replay-outcome').textContent).toBe('在“首次触达”阶段停滞。');
    expect(screen.getByTestId('replay-score').textContent).toBe('14 / 100 分 · 未达及格线');
    expect(screen.getByRole('region', { name: '来自Chen Jie的反馈' })).toBeTruthy();
    expect(screen.getByTestId('timeline-position').textContent).toBe('开始，第 1 步之前（共 8 步）');
    fireEvent.click(screen.getByRole('button', { name: '下一个误区' }));
    expect(screen.getByTestId('timeline-position').textContent).toBe('第 2 步，共 8 步');
    const step = screen.getByRole('region', { name: '第 2 步，共 8 步' });
    expect(step.textContent).toContain('犯下的误区：缺乏针对性（首次触达）');
    expect(screen.getByRole('meter', { name: '信任度' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '教练对第 2 步的点评' }).textContent).toContain('Here you pitched before you knew their pains.');
    expect(within(screen.getByRole('region', { name: '对照专家路径' })).getByText('这次练习在这里偏离了专家路径。')).toBeTruthy();
  });

  it('says in Chinese that the attempt is a retry and what the trainee was writing', () => {
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    const shown = { ...record, retryOf: { attempt: 'earlier', turn: 3 }, draft: { kind: 'explain-back' as const, stage: 'first-contact' as const, text: '先了解客户的痛点。' } };
    render(<ReplayViewer model={model} record={shown} exemplar={null} locale="zh-CN" mode="coach" coachName="" newer={null} onExit={() => {}} />);
    expect(screen.getByTestId('replay-retry').textContent).toBe('从一次较早练习的第 3 步重试：此前的各步照那次练习重放，学员从这里接着练。');
    expect(screen.getByTestId('replay-draft').textContent).toBe('学员为“首次触达”写的复述：先了解客户的痛点。');
  });

  it('marks English-only scenario text as such, and formats dates the Chinese way', () => {
    const { model, record } = tourLost();
    render(<ReplayViewer model={model} record={record} exemplar={null} locale="zh-CN" mode="coach" coachName="陈杰" newer={null} onExit={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Feature tour （英文原文）');
    expect(screen.getByText('2025年3月6日', { exact: false })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: '教练姓名' }) as HTMLInputElement).value).toBe('陈杰');
    expect(screen.getByRole('group', { name: '为“线索获取”的复述评分' })).toBeTruthy();
  });
});
