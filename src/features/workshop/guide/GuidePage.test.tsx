// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { initTestI18n } from '../../../../test/support/i18n';
import { DiagnosticsList } from '../DiagnosticsList';
import type { Diagnostic } from '../../../domain/diagnostics/diagnostic';
import GuidePage from './GuidePage';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const unknownStep: Diagnostic = { code: 'SC012', severity: 'error', file: 'mine.yaml', line: 12, column: 19, path: 'stages.discovery.steps.open.options[0].next', message: 'Unknown step "deepr" in "stages.discovery.steps.open.options[1].next".', args: { id: 'deepr', where: 'stages.discovery.steps.open.options[1].next' } };

/**
 * The problems list and the guide, on the app's routes; following a link (a hash) moves the route.
 * Rendered in an awaited act(), as the guide's text loads when it is shown.
 */
async function renderApp(path: string, locale: 'en' | 'zh-CN' = 'en') {
  const location = memoryLocation({ path, record: true });
  const follow = (e: MouseEvent) => {
    const a = (e.target as HTMLElement).closest('a');
    const href = a?.getAttribute('href');
    if (!href?.startsWith('#/')) return;
    e.preventDefault();
    location.navigate(href.slice(1));
  };
  document.addEventListener('click', follow);
  const app = (
    <Router hook={location.hook}>
      <Suspense fallback={<p>Loading</p>}>
        <Switch>
          <Route path="/workshop/guide/:anchor?">{(p) => <GuidePage anchor={p.anchor ? decodeURIComponent(p.anchor) : null} locale={locale} />}</Route>
          <Route path="/workshop">
            <DiagnosticsList diagnostics={[unknownStep]} current revision={1} fixable={() => false} onGo={() => {}} onFix={() => {}} />
          </Route>
        </Switch>
      </Suspense>
    </Router>
  );
  await act(async () => {
    render(app);
  });
  return { location, stop: () => document.removeEventListener('click', follow) };
}

describe('the guide page', () => {
  it('opens the entry of a diagnostic’s code from the problems list, focused, and links on to its section', async () => {
    const { location, stop } = await renderApp('/workshop');
    // The route changes, and the guide (its text loading) is shown.
    await act(async () => fireEvent.click(screen.getByRole('link', { name: /^SC012: what it means and how to fix it/ })));
    expect(location.history!.at(-1)).toBe('/workshop/guide/SC012');
    const entry = await screen.findByText((_, el) => el?.id === 'guide-SC012', {}, { timeout: 5000 });
    await waitFor(() => expect(document.activeElement).toBe(entry));
    expect(entry.tagName).toBe('LI');
    expect(entry.textContent).toMatch(/^SC012 · error · unknown step\. A "next", "start" or "reached" names a step that does not exist\./);
    // From the entry to the section about steps, which is then focused.
    await act(async () => fireEvent.click(within(entry).getByRole('link', { name: 'Stages 2–7: steps and options' })));
    expect(location.history!.at(-1)).toBe('/workshop/guide/stages-27-steps-and-options');
    const section = screen.getByRole('heading', { name: 'Stages 2–7: steps and options' });
    await waitFor(() => expect(document.activeElement).toBe(section));
    expect(section.id).toBe('guide-stages-27-steps-and-options');
    stop();
  });

  it('has a titled article, a labelled table of contents, and tables that scroll in their own box', async () => {
    await renderApp('/workshop/guide');
    expect(await screen.findByRole('article', { name: 'Writing scenarios' }, { timeout: 5000 })).toBeTruthy();
    // Opened without an anchor, the guide's title has the focus.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Writing scenarios' })));
    const toc = screen.getByRole('navigation', { name: 'Contents of the guide' });
    const links = within(toc).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toContain('#/workshop/guide/conditions-when');
    expect(within(toc).getByRole('link', { name: 'Diagnostic codes' })).toBeTruthy();
    // Every section of the table of contents is a heading of the page.
    for (const a of links) expect(document.getElementById(`guide-${a.getAttribute('href')!.split('/').at(-1)}`), a.textContent!).not.toBeNull();
    const table = screen.getByRole('region', { name: 'Table: Metadata' });
    expect(table.tabIndex).toBe(0);
    expect(within(table).getByRole('columnheader', { name: 'required' })).toBeTruthy();
    // Links within the guide stay on its route.
    expect(screen.getAllByRole('link', { name: 'condition' })[0]!.getAttribute('href')).toBe('#/workshop/guide/conditions-when');
    expect(screen.getByRole('link', { name: 'Back to the workshop' }).getAttribute('href')).toBe('#/workshop');
  });

  it('is the Chinese guide in Chinese, with the same anchors', async () => {
    const i18n = initTestI18n();
    await i18n.changeLanguage('zh-CN');
    try {
      await renderApp('/workshop/guide/SC013', 'zh-CN');
      const entry = await screen.findByText((_, el) => el?.id === 'guide-SC013', {}, { timeout: 5000 });
      await waitFor(() => expect(document.activeElement).toBe(entry));
      expect(entry.textContent).toMatch(/^SC013 · 错误 · 未知阶段。/);
      expect(within(entry).getByRole('link', { name: '第 2–7 阶段：步骤与选项' }).getAttribute('href')).toBe('#/workshop/guide/stages-27-steps-and-options');
      expect(screen.getByRole('navigation', { name: '指南目录' })).toBeTruthy();
      expect(screen.getByRole('heading', { name: '条件（when）' }).id).toBe('guide-conditions-when');
      expect(screen.getByRole('article').closest('[lang]')!.getAttribute('lang')).toBe('zh-CN');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('says so when a link names no section', async () => {
    await renderApp('/workshop/guide/SC999');
    expect((await screen.findByRole('alert')).textContent).toBe('The guide has no section “SC999”.');
  });
});
