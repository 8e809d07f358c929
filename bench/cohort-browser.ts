/**
 * The cohort lead's big day, in the built app in Debian's Chromium: 1,000 attempt files (seeded, the
 * same as `bench/cohort.ts`) chosen at once on the review page, checked and stored; then the dashboard
 * of all of them. Times are taken in the page: from the file input's `change` event to the import
 * report on screen (after the next paint), and from the click on the Dashboard tab to the heat map's
 * rows painted; and the peak memory meanwhile. Targets: 1,000 files in under 1.5 s, 10,000 in under
 * 10 s. Prints numbers; asserts nothing. npm run bench:cohort-ui [-- --runs N] [-- --files N] [--profile]
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serveBuiltApp } from './built-app';
import { generateAttemptFiles, loadLibrary } from './cohort';

const arg = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : NaN);
const runs = arg('--runs') || 2;
const count = arg('--files') || 1_000;
const debug = process.argv.includes('--debug');
/** With `--profile`: the page's main thread is sampled during the import, and its busiest functions printed. */
const profile = process.argv.includes('--profile');

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time in a CPU profile of the page, and their share. */
function printProfile(p: CpuProfile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    const dt = p.timeDeltas[i] ?? 0;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  console.log(`page main thread during the import, ${(total / 1000).toFixed(0)} ms sampled; most self time:`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}
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

/**
 * Samples memory every 100 ms until stopped: the page's JS heap (its main thread, by CDP) and the
 * resident memory of Chromium's renderer processes (the page and its workers, whose heaps CDP does
 * not reach from the page), and gives the peaks.
 */
function watchMemory(cdp: CDPSession) {
  let heap = 0;
  let renderer = 0;
  const rendererRss = () => {
    let kb = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
        kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // gone meanwhile
      }
    }
    return kb * 1024;
  };
  let sampling = Promise.resolve();
  const sample = () =>
    (sampling = sampling.then(async () => {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heap = Math.max(heap, usedSize);
      renderer = Math.max(renderer, rendererRss());
    }));
  const timer = setInterval(() => void sample().catch(() => undefined), 100);
  return {
    async stop() {
      clearInterval(timer);
      await sample().catch(() => undefined);
      return { heapMb: heap / 1024 / 1024, rendererMb: renderer / 1024 / 1024 };
    },
  };
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

const app = await serveBuiltApp('cohort-ui', { readable: profile });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows: { run: number; importMs: number; dashboardMs: number; heapMb: number; rendererMb: number }[] = [];
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
    const cdp = profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const memory = watchMemory(await context.newCDPSession(page));
    const imported = timeInPage(page, 'change', '.import-report');
    if (debug) console.log('choosing files');
    await page.getByTestId('import-input').setInputFiles(paths);
    if (debug) console.log('files chosen');
    const importMs = await imported;
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as CpuProfile);
    if (debug) console.log('imported', importMs, 'elements', await page.evaluate(() => document.querySelectorAll('*').length), 'outcomes listed', await page.locator('.import-outcomes li').count());
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
    rows.push({ run, importMs, dashboardMs, ...(await memory.stop()) });
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
}

console.log(`\n${files.length} attempt files, ${megabytes.toFixed(0)} MB, chosen at once on the review page (Chromium, this machine):`);
console.log('run  import (check + store)  dashboard (analyse + render)  total      peak JS heap (page)  peak memory (renderer: page + workers)');
for (const r of rows) {
  console.log(
    `${String(r.run).padEnd(4)} ${r.importMs.toFixed(0).padStart(8)} ms ${r.dashboardMs.toFixed(0).padStart(22)} ms ${(r.importMs + r.dashboardMs).toFixed(0).padStart(12)} ms ${r.heapMb.toFixed(0).padStart(12)} MB ${r.rendererMb.toFixed(0).padStart(24)} MB`,
  );
}
const target = count >= 10_000 ? 10_000 : count >= 1_000 ? 1_500 : null;
if (target) console.log(`target: ${files.length} files imported and the dashboard painted in under ${target.toLocaleString('en')} ms`);
