/**
 * The cohort lead's big day, in the built app in Debian's Chromium: 1,000 attempt files (seeded, the
 * same as `bench/cohort.ts`) chosen at once on the review page, checked and stored; then the dashboard
 * of all of them. Times are taken in the page: from the file input's `change` event to the import
 * report on screen (after the next paint), and from the click on the Dashboard tab to the heat map's
 * rows painted. Prints numbers; asserts nothing. npm run bench:cohort-ui [-- --runs N]
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serveBuiltApp } from './built-app';
import { generateAttemptFiles, loadLibrary } from './cohort';

const arg = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : NaN);
const runs = arg('--runs') || 2;
const count = arg('--files') || 1_000;
const debug = process.argv.includes('--debug');
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** Resolves, in the page, with the time from the next `change` on the file input to `selector` painted. */
function timeInPage(page: Page, trigger: 'change' | 'click', selector: string) {
  return page.evaluate(
    ([trigger, selector]) =>
      new Promise<number>((resolve) => {
        let start = 0;
        const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        const watch = () => {
          if (document.querySelector(selector)) return painted();
          const observer = new MutationObserver(() => {
            if (!document.querySelector(selector)) return;
            observer.disconnect();
            painted();
          });
          observer.observe(document.body, { childList: true, subtree: true });
        };
        document.addEventListener(
          trigger,
          (e) => {
            start = e.timeStamp;
            watch();
          },
          { capture: true, once: true },
        );
      }),
    [trigger, selector] as const,
  );
}

const files = generateAttemptFiles(loadLibrary(fail), count);
const dir = join(ROOT, 'test-results', 'bench', 'cohort-files');
mkdirSync(dir, { recursive: true });
const paths = files.map((f) => {
  const path = join(dir, f.name);
  writeFileSync(path, f.bytes);
  return path;
});
const megabytes = files.reduce((n, f) => n + f.bytes.byteLength, 0) / 1024 / 1024;

const app = await serveBuiltApp('cohort-ui');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows: { run: number; importMs: number; dashboardMs: number }[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
    page.on('pageerror', (e) => console.error('page error:', e.message));
    // tsx compiles with esbuild's keepNames, which wraps functions passed to the page in __name().
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    await page.goto(`${app.url}/#/review`);
    await page.getByTestId('import-input').waitFor({ state: 'attached' });
    // A lead takes a moment to pick the files: the page has settled (its workers started) by then.
    await page.waitForLoadState('networkidle');
    const imported = timeInPage(page, 'change', '.import-report');
    if (debug) console.log('choosing files');
    await page.getByTestId('import-input').setInputFiles(paths);
    if (debug) console.log('files chosen');
    const importMs = await imported;
    if (debug) console.log('imported', importMs);
    const summary = await page.locator('.import-report p[role]').first().innerText();
    if (!summary.includes(`${files.length} imported`)) fail(`run ${run}: not every file was imported: ${summary}`);
    const dashboard = timeInPage(page, 'click', '.heat-map tbody tr, table tbody tr[data-trainee]');
    await page.getByRole('tab', { name: /Dashboard|数据看板/ }).click();
    if (debug) {
      await page.waitForTimeout(3000);
      await page.screenshot({ path: join(ROOT, 'test-results', 'bench', 'cohort-ui-dashboard.png') });
      console.log('rows', await page.locator('table tbody tr[data-trainee]').count());
    }
    const dashboardMs = await dashboard;
    rows.push({ run, importMs, dashboardMs });
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
}

console.log(`\n${files.length} attempt files, ${megabytes.toFixed(0)} MB, chosen at once on the review page (Chromium, this machine):`);
console.log('run  import (check + store)  dashboard (analyse + render)  total');
for (const r of rows) {
  console.log(`${String(r.run).padEnd(4)} ${r.importMs.toFixed(0).padStart(8)} ms ${r.dashboardMs.toFixed(0).padStart(22)} ms ${(r.importMs + r.dashboardMs).toFixed(0).padStart(12)} ms`);
}
