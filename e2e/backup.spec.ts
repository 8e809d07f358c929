/**
 * Moving to a new laptop: a trainee's browser (a finished attempt, one in progress, an imported
 * attempt, their name) is backed up in Preferences as one file; another browser restores it after
 * the file was checked, and shows the same library, attempts and dashboard. Restoring it again adds
 * nothing; a hostile file is refused by name and changes nothing.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, scenario } from './support/data';
import { followExemplar, openLibrary, pinSeed, startScenario, submitExpertLeads, toDebrief, tr } from './support/drill';
import { expect, test } from './support/test';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';
const NAME = 'Zhou Min';

const preferences = (page: Page) => page.getByRole('dialog', { name: tr('en', 'preferences.title') });
async function openPreferences(page: Page) {
  await page.getByRole('button', { name: tr('en', 'preferences.open') }).click();
  await expect(preferences(page).getByRole('heading', { name: tr('en', 'backup.heading') })).toBeVisible();
}
const report = (page: Page) => page.getByTestId('restore-report');
const libraryText = (page: Page) => page.getByRole('list', { name: tr('en', 'library.heading') }).innerText();
async function heatMap(page: Page) {
  await page.goto('/#/review/dashboard');
  const table = page.getByRole('region', { name: tr('en', 'cohort.heatMap.heading') }).getByRole('table');
  await expect(table).toBeVisible();
  return table.innerText();
}
async function attemptsCount(page: Page) {
  await page.goto('/#/attempts');
  return page.getByRole('tab', { name: new RegExp(tr('en', 'attempts.history.heading')) }).locator('.tab-count').innerText();
}

async function newMachine(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'en-US', acceptDownloads: true });
  return context.newPage();
}

test('back up one browser and restore into another: the same library, attempts and dashboard; again adds nothing; hostile files are refused', async ({ page, browser }, info) => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-backup-'));
  const s = scenario(TUTORIAL);
  await pinSeed(page, s.seed);
  await openLibrary(page, 'en');
  await openPreferences(page);
  await preferences(page).getByRole('textbox', { name: tr('en', 'preferences.trainee') }).fill(NAME);
  await page.keyboard.press('Escape');

  // A finished attempt, one in progress, and an imported one.
  await startScenario(page, s, 'en');
  await submitExpertLeads(page, s, 'en');
  expect((await followExemplar(page, s, 'en')).ended).toBe(true);
  await toDebrief(page, 'en');
  await openLibrary(page, 'en');
  await startScenario(page, s, 'en');
  await submitExpertLeads(page, s, 'en');
  await followExemplar(page, s, 'en', { maxMoves: 2 });
  await page.goto('/#/review');
  await page.getByTestId('import-input').setInputFiles(join(ROOT, 'test/fixtures/attempts/precision-erp.losing.json'));
  await expect(page.getByRole('table').locator('tbody tr[data-attempt]')).toHaveCount(1);

  const library = await (await openLibrary(page, 'en'), libraryText(page));
  const count = await attemptsCount(page);
  const heat = await heatMap(page);

  // Back up everything.
  await openPreferences(page);
  const [download] = await Promise.all([page.waitForEvent('download'), preferences(page).getByRole('button', { name: tr('en', 'backup.backup.make') }).click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^ltc-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  expect(backup).toMatchObject({ format: 'ltc-backup', version: 1 });
  expect(backup.sections.attempts.items).toHaveLength(3);
  await expect(preferences(page).getByText(tr('en', 'backup.backup.made', { file: download.suggestedFilename(), attempts: 3, cohorts: 0, sources: 2, scenarios: 0 }))).toBeVisible();

  // The new laptop: a hostile file first, refused by name; then the backup, checked before it is restored.
  const other = await newMachine(browser, info.project.use.baseURL!);
  await openLibrary(other, 'en');
  await openPreferences(other);
  const hostile = join(dir, 'evil-backup.json');
  writeFileSync(hostile, JSON.stringify({ ...backup, sections: { ...backup.sections, cohorts: { version: 1, items: [{ __proto__: { polluted: true }, id: 'x' }] } } }).replace('"cohorts":{"version":1,"items":[{', '"cohorts":{"version":1,"items":[{"__proto__":{"polluted":true},'));
  await other.getByTestId('restore-input').setInputFiles(hostile);
  await expect(report(other).getByRole('alert')).toContainText('evil-backup.json');
  await expect(report(other).getByRole('alert')).toHaveText(tr('en', 'backup.read.unsafe-key', { file: 'evil-backup.json', key: '__proto__', path: 'sections.cohorts.items.0.__proto__' }));
  const truncated = join(dir, 'cut.json');
  writeFileSync(truncated, readFileSync(file, 'utf8').slice(0, 1000));
  await other.getByTestId('restore-input').setInputFiles(truncated);
  await expect(report(other).getByRole('alert')).toHaveText(tr('en', 'backup.read.truncated', { file: 'cut.json' }));

  await other.getByTestId('restore-input').setInputFiles(file);
  const name = download.suggestedFilename();
  await expect(report(other)).toContainText(tr('en', 'backup.restore.preview', { file: name }));
  await expect(report(other)).toContainText(tr('en', 'backup.restore.section', { section: tr('en', 'backup.restore.sections.attempts'), added: 3, updated: 0, kept: 0 }));
  await report(other).getByRole('button', { name: tr('en', 'backup.restore.confirm') }).click();
  await expect(report(other)).toContainText(tr('en', 'backup.restore.done', { file: name }));
  await expect(preferences(other).getByRole('textbox', { name: tr('en', 'preferences.trainee') })).toHaveValue(NAME);
  await other.keyboard.press('Escape');

  // The same library, attempts and dashboard; the attempt in progress continues.
  await openLibrary(other, 'en');
  expect(await libraryText(other)).toBe(library);
  expect(await attemptsCount(other)).toBe(count);
  expect(await heatMap(other)).toBe(heat);

  // Restoring the same backup again adds nothing.
  await openLibrary(other, 'en');
  await openPreferences(other);
  await other.getByTestId('restore-input').setInputFiles(file);
  await expect(report(other)).toContainText(tr('en', 'backup.restore.section', { section: tr('en', 'backup.restore.sections.attempts'), added: 0, updated: 0, kept: 3 }));
  await report(other).getByRole('button', { name: tr('en', 'backup.restore.confirm') }).click();
  await expect(report(other)).toContainText(tr('en', 'backup.restore.done', { file: name }));
  await other.keyboard.press('Escape');
  expect(await attemptsCount(other)).toBe(count);
});
