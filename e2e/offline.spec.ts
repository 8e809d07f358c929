/**
 * Truly offline: after one visit the service worker keeps the whole app. With the network gone, a
 * reload still opens it; every bundled scenario opens, both languages speak, and a scenario plays to
 * its debrief; the review pages open too.
 */
import type { Page } from '@playwright/test';
import { scenario } from './support/data';
import { followExemplar, libraryFiles, openLibrary, pinSeed, startScenario, submitExpertLeads, toDebrief, tr } from './support/drill';
import { expect, test } from './support/test';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

/** Waits until the service worker has kept the app and controls the page, as Preferences then says. */
async function keptForOffline(page: Page) {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
  await page.getByRole('button', { name: tr('en', 'preferences.open') }).click();
  await expect(page.getByTestId('storage-status')).toContainText(tr('en', 'backup.storage.offline'));
  await page.keyboard.press('Escape');
}

test.use({ locale: 'en-US' });

test('after the first visit the app works with no network: reload, every scenario, both languages, a drill to its debrief', async ({ page, context }) => {
  const s = scenario(TUTORIAL);
  await pinSeed(page, s.seed);
  await openLibrary(page, 'en');
  await keptForOffline(page);

  await context.setOffline(true);
  await page.reload();
  await openLibrary(page, 'en');
  await expect(page.getByText(tr('en', 'app.offline'))).toBeVisible();

  // Every bundled scenario opens (its model and expert path come from the cache).
  for (const file of libraryFiles()) {
    await openLibrary(page, 'en');
    await startScenario(page, scenario(file), 'en');
  }

  // The other language: its strings for the library and a drill.
  await page.goto('/');
  await page.getByRole('banner').getByRole('combobox', { name: tr('en', 'app.language') }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: tr('zh-CN', 'app.title') })).toBeVisible();
  await startScenario(page, scenario(file0()), 'zh-CN');
  await page.getByRole('link', { name: tr('zh-CN', 'app.title') }).click();
  await page.getByRole('banner').getByRole('combobox', { name: tr('zh-CN', 'app.language') }).selectOption('en');

  // A whole drill to the debrief, still offline.
  await openLibrary(page, 'en');
  await startScenario(page, s, 'en');
  await submitExpertLeads(page, s, 'en');
  expect((await followExemplar(page, s, 'en')).ended).toBe(true);
  await toDebrief(page, 'en');
  await expect(page.getByTestId('overall-score')).toBeVisible();

  // The trainee's own replay, and the review pages.
  await page.getByRole('button', { name: tr('en', 'debrief.actions.replay') }).click();
  await expect(page.getByRole('slider', { name: tr('en', 'replay.timeline.slider') })).toBeVisible();
  await page.goto('/#/review');
  await expect(page.getByRole('heading', { level: 2, name: tr('en', 'review.heading') })).toBeVisible();
  await page.goto('/#/review/dashboard');
  await expect(page.getByRole('region', { name: tr('en', 'cohort.heatMap.heading') }).or(page.getByText(tr('en', 'cohort.empty.noAttempts')))).toBeVisible();
});

const file0 = () => libraryFiles()[0]!;
