/**
 * The scenario workshop, as a trainer uses it: a new scenario from the template, broken by a typo,
 * the diagnostic seen under its line, fixed with the quick fix; the map; a play-test from a middle
 * step, with a transcript line taken back to its YAML; the export. axe on the workshop screens, and
 * screenshots at 375 and 1280 px.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { shot } from './support/drill';

// The editor's CodeMirror view, found from its DOM as `EditorView.findFromDOM` does (inside page.evaluate).
type ViewLike = {
  state: { doc: { toString(): string; lineAt(pos: number): { number: number }; line(n: number): { from: number; to: number; text: string } }; selection: { main: { head: number } } };
  dispatch(spec: unknown): void;
  focus(): void;
};
type WithTile = { cmTile: { root: { view: ViewLike } } };

/** The 1-based number of the first line holding `text`. */
const lineOf = (page: Page, text: string) =>
  page.evaluate((t) => (document.querySelector('.cm-content') as unknown as WithTile).cmTile.root.view.state.doc.toString().split('\n').findIndex((l) => l.includes(t)) + 1, text);
const lineText = (page: Page, n: number) => page.evaluate((k) => (document.querySelector('.cm-content') as unknown as WithTile).cmTile.root.view.state.doc.line(k).text, n);
const cursorLine = (page: Page) =>
  page.evaluate(() => {
    const view = (document.querySelector('.cm-content') as unknown as WithTile).cmTile.root.view;
    return view.state.doc.lineAt(view.state.selection.main.head).number;
  });
/** Selects `word` on line `n` and focuses the editor. */
const selectWord = (page: Page, n: number, word: string) =>
  page.evaluate(
    ([k, w]) => {
      const view = (document.querySelector('.cm-content') as unknown as WithTile).cmTile.root.view;
      const l = view.state.doc.line(k);
      const at = l.text.indexOf(w);
      view.dispatch({ selection: { anchor: l.from + at, head: l.from + at + w.length } });
      view.focus();
    },
    [n, word] as const,
  );

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

async function newFromTemplate(page: Page) {
  await page.goto('/#/workshop');
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('.cm-content')).toBeVisible();
  await expect(page.getByTestId('diagnostics')).toContainText('No problems found.');
}

test.describe('the scenario workshop', () => {
  test('create from the template, break it, fix it with the quick fix, play-test from a middle step, export', async ({ page }) => {
    await newFromTemplate(page);
    await expect(page.getByRole('textbox', { name: 'Scenario YAML' })).toBeVisible();

    // Break it: a typo in a stage name, typed.
    const line = await lineOf(page, 'stage: discovery');
    await selectWord(page, line, 'discovery');
    await page.keyboard.type('discovry');

    // The diagnostic under the line, with its code and line:column, and in the list.
    const below = page.locator(`.cm-diagnostic-below[data-line="${line}"]`);
    await expect(below).toContainText('SC013');
    await expect(below).toContainText(`${line}:`);
    expect(await below.evaluate((el) => el.previousElementSibling?.textContent)).toContain('stage: discovry');
    await expect(page.getByTestId('diagnostics')).toContainText('SC013');
    await expect(page.getByTestId('scenario-map')).toContainText('1 flagged');
    await shot(page, 'workshop-diagnostic-1280');

    // The quick fix.
    await below.getByRole('button', { name: 'Change to “discovery”' }).click();
    await expect(page.getByTestId('diagnostics')).toContainText('No problems found.');
    expect(await lineText(page, line)).toContain('stage: discovery');

    // The map: every step laid out, none flagged; a node takes the editor to its line.
    await expect(page.getByTestId('scenario-map')).toHaveAttribute('data-laid-out', 'yes');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.getByRole('button', { name: 'Fit the whole map' }).click();
    await page.locator('[data-node="step:negotiation/start"]').click();
    expect(await cursorLine(page)).toBe((await lineOf(page, '  negotiation:')) + 3);

    // Play-test from a middle step: negotiation, trust raised.
    await page.getByTestId('panel-play').click();
    await page.getByTestId('play-stage').selectOption('negotiation');
    await page.getByLabel('Trust').fill('70');
    await page.getByTestId('play-start').click();
    const drill = page.getByTestId('play-drill');
    await expect(drill.locator('.line-customer').first()).toContainText('Can you do better on price?');
    await expect(drill).toContainText('Trust 70');
    await drill.locator('.option').first().click();
    await expect(drill.locator('.line-customer')).toHaveCount(2);
    // A transcript line goes back to the YAML line that produced it.
    const source = drill.getByTestId('transcript-source').first();
    const target = Number((await source.textContent())!.replace(/\D+/g, ''));
    await source.click();
    expect(await cursorLine(page)).toBe(target);
    expect(await lineText(page, target)).toMatch(/^\s+start:$/);

    // The explorer's expert path, from its worker.
    await page.getByTestId('expert-run').click();
    await expect(page.getByTestId('expert-report')).toContainText('Expert path score');

    // Export.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Export “/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.yaml$/);
    const text = await readFile((await file.path())!, 'utf8');
    expect(text).toContain('stage: discovery');
    expect(text).not.toContain('discovry');
  });

  test('axe: the workshop with the editor, the map and the play-test has no serious or critical violations', async ({ page }) => {
    await newFromTemplate(page);
    await expect(page.getByTestId('scenario-map')).toHaveAttribute('data-laid-out', 'yes');
    const found = [...(await axe(page))];
    await page.getByTestId('panel-play').click();
    await page.getByTestId('play-start').click();
    await expect(page.getByTestId('play-drill')).toBeVisible();
    found.push(...(await axe(page)));
    expect(found).toEqual([]);
  });

  for (const width of [375, 1280]) {
    test(`screenshots at ${width} px, nothing sticking out sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
      await newFromTemplate(page);
      await expect(page.getByTestId('scenario-map')).toHaveAttribute('data-laid-out', 'yes');
      await shot(page, `workshop-map-${width}`);
      // The workbench stays inside the page's width (the page around it is the workshop's own).
      const overflow = () =>
        page.evaluate(() => {
          const wb = document.querySelector('[data-testid="workbench"]')!;
          return Math.max(0, Math.round(wb.getBoundingClientRect().right - document.documentElement.clientWidth), wb.scrollWidth - wb.clientWidth);
        });
      expect(await overflow()).toBe(0);
      await page.getByTestId('panel-play').click();
      await page.getByTestId('play-stage').selectOption('signing');
      await page.getByTestId('play-start').click();
      await expect(page.getByTestId('play-drill')).toBeVisible();
      await shot(page, `workshop-playtest-${width}`);
      expect(await overflow()).toBe(0);
    });
  }
});
