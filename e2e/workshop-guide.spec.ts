/**
 * The scenario guide in the workshop, on a phone (375 px): a scenario with an error, its code
 * followed from under the line to the guide's entry (focused, in view), on to the section it links
 * to, and back to the scenario, still as typed; the same from the problems list by keyboard; the
 * guide's tables scroll in their own box and nothing else sticks out sideways; the Chinese guide
 * for a Chinese UI. axe on the guide.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { shot, tr } from './support/drill';
import { expect, test } from './support/test';

type ViewLike = {
  state: { doc: { toString(): string; line(n: number): { from: number; text: string } } };
  dispatch(spec: unknown): void;
};
type WithTile = { cmTile: { root: { view: ViewLike } } };

/** Replaces the first `from` of the editor's text with `to`, as typing would, and shows the place. */
const replaceInEditor = (page: Page, from: string, to: string) =>
  page.evaluate(
    ([f, t]) => {
      const view = (document.querySelector('.cm-content') as unknown as WithTile).cmTile.root.view;
      const at = view.state.doc.toString().indexOf(f);
      // The cursor goes to the change and the editor scrolls to it: lines out of view are not drawn.
      view.dispatch({ changes: { from: at, to: at + f.length, insert: t }, selection: { anchor: at }, scrollIntoView: true });
    },
    [from, to] as const,
  );
const editorText = (page: Page) => page.evaluate(() => (document.querySelector('.cm-content') as unknown as WithTile).cmTile.root.view.state.doc.toString());

/** How far the page sticks out past the viewport's width, in px (0: not at all). */
const sideways = (page: Page) => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

test.describe('the scenario guide in the workshop', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
  });

  test('a diagnostic’s code opens its entry in the guide, which links on to its section', async ({ page }) => {
    await page.goto('/#/workshop');
    await expect(page.getByRole('link', { name: tr('en', 'workshop.guide.link') })).toBeVisible();
    await page.getByRole('button', { name: tr('en', 'workshop.new') }).click();
    await expect(page.locator('.cm-content')).toBeVisible();
    await expect(page.getByTestId('diagnostics')).toContainText(tr('en', 'workbench.diagnostics.none'));
    const workshopUrl = page.url();

    // An error: a stage that does not exist.
    await replaceInEditor(page, 'stage: discovery', 'stage: discovry');
    const below = page.locator('.cm-diagnostic-below[data-code="SC013"]');
    await expect(below).toBeVisible();

    // Its code, under the line, is a link to its entry in the guide.
    await below.getByRole('link', { name: tr('en', 'workbench.diagnostics.explain', { code: 'SC013' }) }).click();
    await expect(page).toHaveURL(/#\/workshop\/guide\/SC013$/);
    const entry = page.locator('#guide-SC013');
    await expect(entry).toBeFocused();
    await expect(entry).toBeInViewport();
    await expect(entry).toContainText('SC013');
    await expect(entry).toContainText('unknown stage');
    await shot(page, 'workshop-guide-entry-375');

    // On to the section about steps and options, focused in its turn.
    await entry.getByRole('link', { name: 'Stages 2–7: steps and options' }).click();
    await expect(page).toHaveURL(/#\/workshop\/guide\/stages-27-steps-and-options$/);
    const section = page.getByRole('heading', { name: 'Stages 2–7: steps and options' });
    await expect(section).toBeFocused();
    await expect(section).toBeInViewport();

    // At 375 px the tables scroll in their own box; the page itself does not scroll sideways.
    expect(await sideways(page)).toBe(0);
    const table = page.getByRole('region', { name: tr('en', 'workshop.guide.table', { section: 'Stages 2–7: steps and options' }) }).first();
    await expect(table).toBeVisible();
    expect(await table.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
    const box = await table.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);

    // Back to the scenario: still as typed, the error still there.
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(workshopUrl);
    await expect(page.locator('.cm-content')).toBeVisible();
    expect(await editorText(page)).toContain('stage: discovry');

    // The problems list's code link, by keyboard.
    const listLink = page.getByTestId('diagnostics').getByRole('link', { name: tr('en', 'workbench.diagnostics.explain', { code: 'SC013' }) });
    await listLink.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/workshop\/guide\/SC013$/);
    await expect(page.locator('#guide-SC013')).toBeFocused();
  });

  test('the guide: contents by keyboard, axe, and the Chinese guide for a Chinese UI', async ({ page }) => {
    await page.goto('/#/workshop/guide');
    const toc = page.getByRole('navigation', { name: tr('en', 'workshop.guide.contents') });
    await expect(toc).toBeVisible();
    await toc.getByRole('link', { name: 'Conditions (when)' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Conditions (when)' })).toBeFocused();
    expect(await sideways(page)).toBe(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
    await shot(page, 'workshop-guide-375');

    // In Chinese: the Chinese guide, the same anchors.
    await page.getByRole('banner').getByRole('combobox', { name: tr('en', 'app.language') }).selectOption('zh-CN');
    await page.goto('/#/workshop/guide/SC013');
    await expect(page.getByRole('navigation', { name: tr('zh-CN', 'workshop.guide.contents') })).toBeVisible();
    const entry = page.locator('#guide-SC013');
    await expect(entry).toBeFocused();
    await expect(entry).toContainText('未知阶段');
    expect(await sideways(page)).toBe(0);
    await shot(page, 'workshop-guide-zh-375');
  });
});
