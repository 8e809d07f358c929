/**
 * Cohort dashboard benchmark: `npm run bench:dashboard` (add `-- --runs 9` for more runs).
 *
 * Plays and analyses 1,000 attempts (60 trainees, the library's three scenarios, 16 weeks; the same
 * attempts every run), then renders the dashboard into jsdom with React's production build and times
 * the first render (report, heat map, funnel, items, indicators, trends), a filter to one scenario
 * (the report again and the decision splits) and the heat map's switch from best to first attempts.
 * jsdom does no layout or painting, and the uPlot charts (a lazily loaded chunk that draws on a
 * canvas) are left out: these are the JavaScript costs only. Prints numbers only.
 *
 * Runs with the app's TypeScript settings (`tsx --tsconfig tsconfig.app.json`) for the components'
 * JSX. The DOM side lives in src/features/cohort/measure-dashboard.test-support.tsx, loaded by path
 * because this file is type-checked with Node's settings (no DOM, no JSX).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { builtinEnvironments } from 'vitest/runtime';
import type { AttemptAnalysis } from '../src/domain/cohort/analyze-attempt';
import type { ScenarioModel } from '../src/domain/scenario/model';
import { sampleCohort } from '../src/features/cohort/sample-cohort.test-support';
import { libraryScenario, modelsByHash } from '../src/features/cohort/realistic-cohort.test-support';
import { median, ms } from './measure';

process.env.NODE_ENV ??= 'production';
const ROOT = join(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;

// Stylesheets are the bundler's business, and the charts draw on a canvas: in Node both are empty modules.
register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function load(url, context, next) {
      if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
      if (url.endsWith('/features/cohort/CohortChart.tsx')) return { format: 'module', source: 'export default function CohortChart() { return null; }', shortCircuit: true };
      return next(url, context);
    }`),
);

type Sample = [wall: number, cpu: number];
interface DashboardTimes {
  first: Sample[];
  report: Sample[];
  filter: Sample[];
  toggle: Sample[];
  elements: number;
}
type MeasureDashboard = (analyses: AttemptAnalysis[], models: Record<string, ScenarioModel>, scenario: string, runs: number, cpuNow: () => number) => Promise<DashboardTimes>;

/** The app's translations, read from src/locales (the app bundles them with Vite's import.meta.glob). */
function resources() {
  const dir = join(ROOT, 'src/locales');
  const of = (lang: string) => Object.fromEntries(readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json')).map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(dir, lang, f), 'utf8'))]));
  return { en: { translation: of('en') }, 'zh-CN': { translation: of('zh-CN') } };
}

const cores = cpus();
const load = loadavg();
console.log('Cohort dashboard benchmark (jsdom, React production build; JavaScript only: no layout, paint or charts)');
console.log(`  node ${process.version}; ${cores.length} × ${cores[0]?.model ?? 'unknown cpu'}; load ${load.map((l) => l.toFixed(2)).join(' ')}${load[0]! > cores.length ? ' (busier than the core count: compare the cpu figures)' : ''}`);

const t0 = performance.now();
const scenarios = ['first-deal-tutorial', 'precision-erp', 'retail-saas-rollout'].map(libraryScenario);
const trainees = Array.from({ length: 60 }, (_, i) => `Trainee ${String(i + 1).padStart(2, '0')}`);
const analyses = sampleCohort({ scenarios, trainees, attempts: 1_000, start: Date.UTC(2026, 0, 5, 9), days: 112, seed: 42 });
console.log(`  ${analyses.length.toLocaleString('en')} attempts by ${trainees.length} trainees on ${scenarios.length} scenarios, played and analysed in ${ms(performance.now() - t0)} (not part of the render)`);

const { teardown } = await builtinEnvironments.jsdom.setup(globalThis, { jsdom: { url: 'http://localhost/', pretendToBeVisual: true } });
const i18n = (await import('i18next')).default;
const { initReactI18next } = await import('react-i18next');
await i18n.use(initReactI18next).init({ resources: resources(), lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });

const support = pathToFileURL(join(ROOT, 'src/features/cohort/measure-dashboard.test-support.tsx')).href;
const { measureDashboard } = (await import(support)) as { measureDashboard: MeasureDashboard };
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times = await measureDashboard(analyses, modelsByHash(scenarios), 'precision-erp', RUNS, cpuNow);

const line = (label: string, s: Sample[]) =>
  console.log(`  ${label.padEnd(46)} ${ms(median(s.map((x) => x[0]))).padStart(9)}  (cpu ${ms(median(s.map((x) => x[1])))}; fastest ${ms(Math.min(...s.map((x) => x[0])))})`);
console.log(`  medians of ${RUNS} runs after a warm-up run:`);
line('first render of the dashboard', times.first);
line('  the cohort report alone (part of it)', times.report);
line('filter to one scenario (+ decision splits)', times.filter);
line('heat map, best → first attempts', times.toggle);
console.log(`  elements in the page after the filter: ${times.elements.toLocaleString('en')}`);
await teardown(globalThis);
