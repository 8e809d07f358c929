/**
 * Lighthouse on the built app (the library screen, as a trainee first sees it), served by
 * `vite preview`, in Debian's Chromium launched by chrome-launcher. Runs the mobile preset (the
 * default: simulated slow 4G and a ×4 slower CPU) and the desktop preset, prints the four category
 * scores and the performance metrics, lists the audits that did not pass, and saves each report as
 * JSON in test-results/lighthouse/. Asserts nothing.
 *
 *   npm run bench:lighthouse               # one run per preset
 *   npm run bench:lighthouse -- --runs 3   # the median of three runs per preset
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serveBuiltApp } from './built-app';
import { median, table } from './measure';

const OUT = join(ROOT, 'test-results', 'lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PRESETS: { name: string; config: Config | undefined }[] = [
  { name: 'mobile', config: undefined },
  { name: 'desktop', config: desktopConfig },
];
/** Performance metrics: audit id, label, and how to print its numeric value. */
const METRICS: [string, string, (v: number) => string][] = [
  ['first-contentful-paint', 'FCP', (v) => `${Math.round(v)} ms`],
  ['largest-contentful-paint', 'LCP', (v) => `${Math.round(v)} ms`],
  ['total-blocking-time', 'TBT', (v) => `${Math.round(v)} ms`],
  ['cumulative-layout-shift', 'CLS', (v) => v.toFixed(3)],
  ['speed-index', 'Speed Index', (v) => `${Math.round(v)} ms`],
];

/** The audits of the scored categories that did not pass, as `category: title (id)`. */
function failures(lhr: Result): string[] {
  return CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => `${c}: ${a.title} (${a.id}${a.displayValue ? `, ${a.displayValue}` : ''})`),
  );
}

async function main() {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: npm run bench:lighthouse [-- --runs N]   (N ≥ 1 runs per preset)');
    process.exit(2);
  }
  const app = await serveBuiltApp('lighthouse');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', ...CHROMIUM_ARGS], logLevel: 'silent' });
  mkdirSync(OUT, { recursive: true });
  const columns: Map<string, string>[] = [];
  const problems = new Set<string>();
  let version = '';
  try {
    for (const preset of PRESETS) {
      const results: Result[] = [];
      for (let run = 1; run <= runs; run++) {
        const result = await lighthouse(
          app.url + '/',
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          preset.config,
        );
        if (!result) throw new Error('Lighthouse returned no result');
        if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
        const file = join(OUT, runs === 1 ? `${preset.name}.json` : `${preset.name}-${run}.json`);
        writeFileSync(file, result.report as string);
        console.log(`  ${preset.name} run ${run}: ${file}`);
        results.push(result.lhr);
        version = result.lhr.lighthouseVersion;
        for (const f of failures(result.lhr)) problems.add(`${preset.name}: ${f}`);
      }
      const col = new Map<string, string>();
      for (const c of CATEGORIES) col.set(c, String(Math.round(median(results.map((r) => (r.categories[c]?.score ?? 0) * 100)))));
      for (const [id, label, show] of METRICS) col.set(label, show(median(results.map((r) => r.audits[id]?.numericValue ?? Number.NaN))));
      columns.push(col);
    }
    const rows = [...CATEGORIES, ...METRICS.map((m) => m[1])].map((k) => [k, ...columns.map((c) => c.get(k)!)]);
    const runsNote = runs === 1 ? 'one run per preset' : `median of ${runs} runs per preset`;
    console.log(`\nLighthouse ${version} on ${app.url}/ (Chromium ${await chromeVersion(chrome.port)}, ${runsNote})\n`);
    console.log(table(['', ...PRESETS.map((p) => p.name)], rows));
    console.log(problems.size ? `\nAudits not passed:\n  ${[...problems].join('\n  ')}` : '\nEvery scored audit passed.');
  } finally {
    chrome.kill();
    await app.close();
  }
}

/** The browser's version, from the DevTools endpoint chrome-launcher opened. */
async function chromeVersion(port: number): Promise<string> {
  const info = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser?: string };
  return info.Browser?.replace(/^[^/]*\//, '') ?? 'unknown';
}

await main();
