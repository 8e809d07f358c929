// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { tour } from '../../../test/support/load';
import { Debrief } from './Debrief';
import { lostRun } from './test-runs';

vi.mock('./MeterChart', () => ({ default: () => <div data-testid="meter-chart" /> }));

const model = tour();
beforeAll(async () => {
  await initTestI18n('zh-CN').changeLanguage('zh-CN');
});
afterAll(async () => {
  await initTestI18n().changeLanguage('en');
});
afterEach(cleanup);

describe('the debrief in Chinese', () => {
  it('speaks Chinese, and marks English-only scenario text as such', () => {
    render(<Debrief model={model} context={lostRun(model)} exemplar={null} locale="zh-CN" onAgain={() => {}} onExit={() => {}} />);
    expect(screen.getByRole('heading', { name: '复盘', level: 2 })).toBeTruthy();
    expect(screen.getByText('在“需求挖掘”阶段丢单。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '过程指标' })).toBeTruthy();
    expect(screen.getByText('1 次过于频繁')).toBeTruthy();
    expect(screen.getByRole('button', { name: '再试一次' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '返回场景列表' })).toBeTruthy();
    const script = document.querySelector('[data-item="read-from-script"]')!;
    expect(script.textContent).toContain('已犯：照本宣科');
    expect(script.textContent).toContain('第 2 回合：Let me read you our product sheet. （英文）');
    expect(script.querySelector('[lang="en"]')).toBeTruthy();
    expect(script.textContent).toContain('这个场景没有可用的专家路径。');
  });
});
