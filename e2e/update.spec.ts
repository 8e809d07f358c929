/**
 * An update while a drill is open: a new version of the app is published mid-drill. The new service
 * worker waits; the app says a new version is ready; the drill goes on with the version it started
 * with, even where it needs a file the new version no longer has (the debrief's code, renamed in the
 * new build); the trainee reloads when they agree, and the same attempt comes back on the new version.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, scenario } from './support/data';
import { followExemplar, openLibrary, pinSeed, startScenario, submitExpertLeads, toDebrief, tr, transcript } from './support/drill';
import { serveFolder, type StaticServer } from './support/static-server';
import { expect, test } from './support/test';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';
const BUILT = join(ROOT, 'test-results', 'e2e-dist');

/**
 * Publishes "version 2" in `dir`, as a real build would: the debrief's chunk changes, so it gets a
 * new name (the old file is gone from the server), and so does every chunk that names it, up to
 * index.html; the service worker's precache list follows, so the browser sees a new service worker.
 */
function publishNewVersion(dir: string) {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const text = new Map(files.map((f) => [f, readFileSync(join(assets, f), 'utf8')]));
  const renamed = new Map<string, string>();
  const rename = (f: string) => renamed.set(f, f.replace(/\.js$/, 'v2.js'));
  rename(files.find((f) => /^Debrief-.*\.js$/.test(f))!);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of files) {
      if (!renamed.has(f) && [...renamed.keys()].some((old) => text.get(f)!.includes(old))) {
        rename(f);
        grew = true;
      }
    }
  }
  const relink = (s: string) => [...renamed].reduce((out, [old, now]) => out.replaceAll(old, now), s);
  for (const [old, now] of renamed) {
    writeFileSync(join(assets, now), relink(text.get(old)!));
    rmSync(join(assets, old));
  }
  for (const f of files.filter((x) => !renamed.has(x))) if (relink(text.get(f)!) !== text.get(f)) throw new Error(`${f} names a renamed chunk`);
  const index = join(dir, 'index.html');
  writeFileSync(index, relink(readFileSync(index, 'utf8')).replace('<title>', '<meta name="ltc-build" content="2" />\n    <title>'));
  const sw = join(dir, 'sw.js');
  writeFileSync(sw, relink(readFileSync(sw, 'utf8')).replace(/(\{url:"index\.html",revision:")[0-9a-f]+/, '$1v2'));
  return renamed.size;
}

let dir: string;
let server: StaticServer;
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ltc-update-'));
  cpSync(BUILT, dir, { recursive: true });
  server = await serveFolder(dir);
});
test.afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a new version published mid-drill waits for the trainee; the drill goes on to its debrief; the reload continues it on the new version', async ({ browser }) => {
  const s = scenario(TUTORIAL);
  // The app as served by this spec's own server (a copy it can publish a new version into).
  const page = await (await browser.newContext({ baseURL: server.url, locale: 'en-US' })).newPage();
  await pinSeed(page, s.seed);
  await openLibrary(page, 'en');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
  await startScenario(page, s, 'en');
  await submitExpertLeads(page, s, 'en');
  const first = await followExemplar(page, s, 'en', { maxMoves: 3 });
  expect(first.ended).toBe(false);

  expect(publishNewVersion(dir)).toBeGreaterThan(1);
  // What a long-open tab does every hour, or when the network comes back: ask for a new version.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const prompt = page.getByRole('status').filter({ hasText: tr('en', 'app.update.ready') });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => document.querySelector('meta[name="ltc-build"]'))).toBeNull();

  // "Later": the drill goes on, on the version it started with, to its debrief (whose code the
  // server no longer has under that name: the waiting version did not replace the running one).
  await prompt.getByRole('button', { name: tr('en', 'app.update.later') }).click();
  await expect(prompt).toBeHidden();
  const rest = await followExemplar(page, s, 'en', { from: first.next });
  expect(rest.ended).toBe(true);
  await toDebrief(page, 'en');
  const score = await page.getByTestId('overall-score').innerText();
  const url = page.url();

  // Asked again on the next check; this time the trainee agrees: the same attempt on the new version.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await page.reload();
  await expect(page.getByTestId('overall-score')).toHaveText(score);
  await expect(page.getByRole('status').filter({ hasText: tr('en', 'app.update.ready') })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: tr('en', 'app.update.reload') }).click();
  await expect(page.locator('meta[name="ltc-build"]')).toHaveAttribute('content', '2', { timeout: 30_000 });
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('overall-score')).toHaveText(score);
  await expect(transcript(page, 'en')).toHaveCount(0);
});
