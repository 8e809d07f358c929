// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { machineFor } from '../../domain/runtime/actor';
import { initTestI18n } from '../../../test/support/i18n';
import { expertPlan, tour } from '../../../test/support/load';
import { DrillHarness } from './drill-harness.test-support';

const model = tour();

beforeAll(async () => {
  await initTestI18n('zh-CN').changeLanguage('zh-CN');
});
afterEach(cleanup);

function start(submitted: boolean) {
  const actor = createActor(machineFor(model), { input: { seed: 7 } });
  actor.start();
  if (submitted) actor.send({ type: 'leads.submit', plan: expertPlan(model) });
  render(<DrillHarness model={model} actor={actor} locale="zh-CN" />);
  return actor;
}

describe('the drill screen in Chinese', () => {
  it('speaks Chinese, and marks the English-only scenario text as shown in English', () => {
    start(true);
    const tracker = screen.getByRole('navigation', { name: 'LTC 阶段' });
    expect(tracker.querySelector('[aria-current="step"]')?.textContent).toContain('首次触达');
    const options = screen.getByRole('group', { name: '你的选项' });
    expect(options.textContent).toContain('按数字键 1–9 选择选项。');
    expect(within(options).getAllByRole('button')[0]!.textContent).toContain('（英文原文）');
    expect(screen.getByRole('group', { name: '或者先等一等' }).textContent).toContain('等待 3 天');
    expect(screen.getByText('今天：第 0 天')).toBeTruthy();
    expect(screen.getByRole('list', { name: '对话记录' }).textContent).toContain('阶段：首次触达Dana Li：Who is this? （英文原文）');
    expect(screen.getByRole('region', { name: '客户档案' }).textContent).toContain('尚未获知任何信息。');
    expect(within(screen.getByRole('group', { name: '客户状态' })).getAllByRole('meter')).toHaveLength(3);
  });

  it('explains in Chinese why the lead plan cannot be submitted yet', () => {
    start(false);
    expect(screen.getByRole('heading', { name: '阶段一：线索获取' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '提交线索计划' })).toHaveProperty('disabled', true);
    expect(screen.getByText('请为每条线索评级：还剩 4 条。')).toBeTruthy();
    expect(screen.getByText('请至少选择一条要跟进的线索。')).toBeTruthy();
  });

  it('shows the outcome in Chinese', () => {
    start(true);
    fireEvent.click(screen.getByRole('button', { name: /Goodbye/ }));
    const outcome = screen.getByRole('region', { name: '演练结束' });
    expect(outcome.textContent).toContain('丢单，止步于“首次触达”阶段。');
    expect(within(outcome).getByRole('button', { name: '返回场景列表' })).toBeTruthy();
  });
});
