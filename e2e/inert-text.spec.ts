/**
 * Hostile text stays text: a scenario whose title, customer and lines hold markup, javascript: URLs,
 * formulas and bidi control characters (test/fixtures/hostile/hostile-scenario.yaml), played by a
 * trainee whose name and words are the same, comes in as users bring attempts in (an attempt file
 * carrying its scenario's source). The review list, the replay (transcript, words, explain-back) and
 * the dashboard show every one of those texts exactly, nothing in them becomes an element, a link
 * or a script, scenario texts are isolated from the text around them, and the CSV export escapes
 * cells a spreadsheet would run as formulas. The CSP and the console watch (support/test.ts) hold.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/data';
import { tr } from './support/drill';
import { HOSTILE_SCENARIO, HOSTILE_TEXT } from './support/hostile';
import { expect, test } from './support/test';

const FILE = join(ROOT, 'test-results', 'e2e-data', 'hostile-attempt.json');

/** Nothing the hostile texts hold has become markup, and no script ran. */
async function nothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { alerts: string[] }).alerts)).toEqual([]);
  const made = await page.evaluate(() => ({
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    images: document.querySelectorAll('img[src="x"]').length,
    frames: document.querySelectorAll('iframe').length,
    links: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')!)).length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'Lin Xiao').length,
  }));
  expect(made).toEqual({ handlers: 0, scripts: 0, images: 0, frames: 0, links: 0, bold: 0 });
}

/** `text` is on the page exactly (bidi controls included), as text. */
const shownExactly = (page: Page, text: string) => expect.poll(() => page.evaluate((t) => document.body.textContent!.includes(t), text)).toBe(true);

test.use({ locale: 'en-US' });

test('markup, javascript: URLs, formulas and bidi controls in a scenario and an attempt are shown as inert text everywhere', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { alerts: string[] };
    w.alerts = [];
    window.alert = (m?: unknown) => void w.alerts.push(String(m));
  });
  await page.goto('/#/review');
  await page.getByTestId('import-input').setInputFiles(FILE);
  const row = page.getByRole('table').locator('tbody tr[data-attempt="hostile-attempt"]');
  await expect(row).toBeVisible();
  await shownExactly(page, HOSTILE_TEXT.trainee);
  await nothingRan(page);

  // The replay: the scenario's title and customer, the customer's line, the trainee's words and explain-back.
  await page.getByRole('button', { name: tr('en', 'review.attempts.replayNamed', { trainee: HOSTILE_TEXT.trainee }) }).click();
  const slider = page.getByRole('slider', { name: tr('en', 'replay.timeline.slider') });
  await expect(slider).toBeVisible();
  await shownExactly(page, HOSTILE_SCENARIO.title);
  await slider.fill(String(await slider.getAttribute('aria-valuemax')));
  await shownExactly(page, HOSTILE_SCENARIO.line);
  await shownExactly(page, HOSTILE_TEXT.explainBack);
  await slider.fill('2');
  await shownExactly(page, HOSTILE_TEXT.words);
  await nothingRan(page);
  // A right-to-left override in a scenario text cannot reorder the text around it.
  const isolation = await page.evaluate((title) => {
    const holder = [...document.querySelectorAll('[lang]')].find((el) => el.textContent === title);
    return holder ? getComputedStyle(holder).unicodeBidi : 'not found';
  }, HOSTILE_SCENARIO.title);
  expect(isolation).toBe('isolate');

  // The dashboard, and its CSV: the trainee's name shown as it is, and defused for spreadsheets.
  await page.goto('/#/review/dashboard');
  const heat = page.getByRole('region', { name: tr('en', 'cohort.heatMap.heading') });
  await expect(heat.getByRole('table')).toBeVisible();
  await shownExactly(page, HOSTILE_TEXT.trainee);
  await nothingRan(page);
  const [download] = await Promise.all([page.waitForEvent('download'), heat.getByRole('button', { name: tr('en', 'cohort.csv.section') }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")<img src=x onerror=alert(6)>\u202Eevil"`);
  expect(csv.split(/\r?\n/).some((line) => /^\uFEFF?"?[=+\-@]/.test(line.split(',')[0] ?? ''))).toBe(false);
});
