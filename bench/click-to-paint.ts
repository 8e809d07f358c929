/**
 * Click to paint: in the built app in Debian's Chromium, how long from a click on a rep option to
 * the frame that shows the customer's answer. Plays every bundled scenario (English UI) along the
 * explorer's expert path with the e2e suite's helpers, once at full speed and once with the CPU
 * slowed ×4 (roughly a mid-range phone). Prints a table; asserts nothing.
 *
 *   npm run bench:paint                 # every scenario, one play-through each per CPU setting
 *   npm run bench:paint -- --runs 3     # pool three play-throughs per row
 *
 * Method, all in the page (see `installProbe`): a capturing `click` listener notes the click's
 * `event.timeStamp` (when the browser received the input, so queueing before our handler counts)
 * for buttons in the option list. A MutationObserver then waits for the answer: a new last
 * `.line-customer` in the transcript or a new line in the `customer-live` region. Its DOM change is
 * followed by `requestAnimationFrame`, which runs just before that frame's style, layout and paint,
 * and a `MessageChannel` message posted from there, which runs as the next task, after the frame
 * has been painted. The sample is that moment minus the click's time stamp. A click with no
 * customer line (one that ends the drill, say) is counted apart and not timed.
 */
import { chromium, type Browser } from '@playwright/test';
import { scenarios } from '../e2e/support/data';
import { followExemplar, LANGS, openLibrary, pinSeed, startScenario, submitExpertLeads } from '../e2e/support/drill';
import globalSetup from '../e2e/support/global-setup';
import type { ScenarioData } from '../e2e/support/types';
import { CHROMIUM, CHROMIUM_ARGS, serveBuiltApp } from './built-app';
import { median, table } from './measure';

interface Probe {
  samples: number[];
  clicks: number;
  unanswered: number;
}

declare global {
  interface Window {
    __clickToPaint?: { samples: number[]; clicks: number; unanswered: () => number };
  }
}

/** Runs in the page before the app (addInitScript): must not use anything from this module. */
function installProbe() {
  const samples: number[] = [];
  let clicks = 0;
  let unanswered = 0;
  let pending: { t0: number; line: Element | null; live: Element | null } | null = null;
  const lastLine = () => {
    const lines = document.querySelectorAll('.transcript .line-customer');
    return lines[lines.length - 1] ?? null;
  };
  const liveLine = () => document.querySelector('[data-testid="customer-live"]')?.firstElementChild ?? null;
  document.addEventListener(
    'click',
    (e) => {
      if (!(e.target instanceof Element) || !e.target.closest('button.option')) return;
      if (pending) unanswered++;
      clicks++;
      // Chromium stamps input events with the high-resolution clock of performance.now().
      const t0 = e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now();
      pending = { t0, line: lastLine(), live: liveLine() };
    },
    { capture: true },
  );
  new MutationObserver(() => {
    const p = pending;
    if (!p) return;
    const line = lastLine();
    const live = liveLine();
    if (!((line && line !== p.line) || (live && live !== p.live))) return;
    pending = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => samples.push(performance.now() - p.t0);
      channel.port2.postMessage(null);
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });
  window.__clickToPaint = {
    samples,
    get clicks() {
      return clicks;
    },
    unanswered: () => unanswered + (pending ? 1 : 0),
  };
}

/** What the app saves in localStorage (src/state/app-store.ts, version 2). */
const PREFERENCES = { sayFirst: 'never', explainBack: false, trainee: '' };

/** Plays `s` once along its expert path and returns what the probe saw. */
async function playOnce(browser: Browser, url: string, s: ScenarioData, cpuSlowdown: number): Promise<Probe & { ended: boolean; deviations: number }> {
  const { lang, browser: locale } = LANGS[0]!;
  const context = await browser.newContext({ baseURL: url, locale, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (cpuSlowdown !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(): the
    // functions this script sends to the page need it defined there.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    await page.addInitScript(installProbe);
    // The trainee's reflective prompts ("say it your way first", explain-backs) put a text box
    // between moves; they are off here, as a trainee may set them, so that only option clicks are played.
    await page.addInitScript((prefs) => {
      if (!localStorage.getItem('ltc-app')) localStorage.setItem('ltc-app', JSON.stringify({ state: { locale: 'en', preferences: prefs }, version: 2 }));
    }, PREFERENCES);
    await pinSeed(page, s.seed);
    await openLibrary(page, lang);
    await startScenario(page, s, lang);
    await submitExpertLeads(page, s, lang);
    const result = await followExemplar(page, s, lang);
    // Let the last answer's frame be painted and measured.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const probe = await page.evaluate(() => {
      const p = window.__clickToPaint!;
      return { samples: [...p.samples], clicks: p.clicks, unanswered: p.unanswered() };
    });
    return { ...probe, ended: result.ended, deviations: result.deviations };
  } finally {
    await context.close();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
const fmt = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(1));

async function main() {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: npm run bench:paint [-- --runs N]   (N ≥ 1 play-throughs per row)');
    process.exit(2);
  }
  console.log('Computing the expert paths (e2e/support/precompute.ts) …');
  globalSetup();
  const app = await serveBuiltApp('paint');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  const notes: string[] = [];
  try {
    for (const cpu of [1, 4]) {
      for (const s of scenarios()) {
        const all: number[] = [];
        let clicks = 0;
        let unanswered = 0;
        for (let run = 0; run < runs; run++) {
          // A play-through that gets stuck (the app changed under the expert path) is reported, not fatal.
          const r = await playOnce(browser, app.url, s, cpu).catch((e: Error) => {
            notes.push(`${s.file} (CPU ×${cpu}, run ${run + 1}): not measured: ${e.message.split('\n')[0]}`);
            return null;
          });
          if (!r) continue;
          all.push(...r.samples);
          clicks += r.clicks;
          unanswered += r.unanswered;
          if (!r.ended || r.deviations) notes.push(`${s.file} (CPU ×${cpu}, run ${run + 1}): ended ${r.ended}, ${r.deviations} moves off the expert path`);
        }
        const sorted = [...all].sort((a, b) => a - b);
        const row = [s.file.replace(/^scenarios\//, ''), `×${cpu}`, String(clicks), String(unanswered)];
        const stats = sorted.length ? [median([...sorted]), percentile(sorted, 0.95), sorted[sorted.length - 1]!] : [];
        rows.push([...row, ...[0, 1, 2].map((i) => fmt(stats[i]))]);
        console.log(`  ${row.slice(0, 2).join(' CPU ')}: ${all.length} timed clicks`);
      }
    }
    console.log(`\nClick on a rep option → customer line painted, ms (Chromium ${browser.version()}, English UI, 1280×900, ${runs} play-through(s) per row)\n`);
    console.log(table(['scenario', 'CPU', 'clicks', 'no line', 'median', 'p95', 'max'], rows));
    if (notes.length) console.log(`\nNotes:\n  ${notes.join('\n  ')}`);
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
