/**
 * Cohort benchmark: `npx tsx bench/cohort.ts [--quick]` (also section 7 of `npm run bench`).
 *
 * Generates 1,000 attempt files from seeded random legal plays across the library's scenarios (the
 * same files every run), then times, in Node, what the browser does when a lead imports them and opens
 * the dashboard: reading and checking the files, compiling each distinct embedded scenario once,
 * replaying and scoring every attempt, analysing them, building the cohort report and exporting its
 * tables as CSV. Also the dashboard's re-analysis from stored records (a second replay of each log).
 * The target in Node is read + replay + report of 1,000 files in under 1 s; the browser's (measured
 * by `npm run bench:cohort-ui`) is 1,000 imported and the dashboard painted in under 1.5 s. Prints numbers only; aborts (exit 1) if a generated file is refused or does not reproduce.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { exportAttemptFile, readAttemptFile, type AttemptFile } from '../src/domain/attempts/attempt-file';
import { KnownSources } from '../src/domain/attempts/known-sources';
import { type AttemptRecord } from '../src/domain/attempts/attempt-record';
import { summarizeScore } from '../src/domain/scoring/score-summary';
import { memoizeCompile, statusOf, verifyAttemptFile, type VerifiedAttempt } from '../src/domain/attempts/verify-attempt-file';
import { analyzeAttempt } from '../src/domain/cohort/analyze-attempt';
import { cohortReport } from '../src/domain/cohort/cohort-report';
import { cohortTables, toCsv } from '../src/domain/cohort/cohort-tables';
import { compileScenario } from '../src/domain/compiler/compile';
import { explore } from '../src/domain/explorer/explore';
import type { Exemplar } from '../src/domain/explorer/exemplar';
import { startDrill } from '../src/domain/runtime/drill';
import type { ScenarioModel } from '../src/domain/scenario/model';
import { scoreContext } from '../src/domain/scoring/score';
import { expertLeadPlan } from '../src/domain/runtime/lead-plan';
import { int, median, ms, seededRandom, table } from './measure';

const ATTEMPTS = 1_000;
/** Read + replay + report of 1,000 files in Node (the browser adds rendering: `npm run bench:cohort-ui`). */
const TARGET_MS = 1_000;
const TRAINEES = Array.from({ length: 24 }, (_, i) => `Trainee ${String(i + 1).padStart(2, '0')}`);
const START = Date.UTC(2025, 0, 6, 9); // Monday 6 January 2025
const DAY = 86_400_000;

export interface Library {
  file: string;
  source: string;
  model: ScenarioModel;
}

/** One seeded random legal play: options mostly, sometimes recording a fact or waiting; to the end or abandoned. */
function randomAttempt(lib: Library, n: number, random: () => number): AttemptRecord {
  const seed = Math.floor(random() * 2 ** 31);
  const drill = startDrill(lib.model, seed);
  drill.send({ type: 'leads.submit', plan: expertLeadPlan(lib.model.leads) });
  const quitAt = random() < 0.05 ? Math.floor(random() * 30) : Infinity;
  for (let i = 0; i < 400 && !drill.ended(); i++) {
    if (i === quitAt) {
      drill.send({ type: 'abandon' });
      break;
    }
    const m = drill.moves();
    const r = random();
    if (m.recordable.length && r < 0.25) drill.send({ type: 'record', fact: m.recordable[Math.floor(random() * m.recordable.length)]! });
    else if (m.options.length && (r < 0.9 || !m.waits.length)) drill.send({ type: 'choose', option: m.options[Math.floor(random() * m.options.length)]!.id });
    else if (m.waits.length) drill.send({ type: 'wait', days: m.waits[Math.floor(random() * m.waits.length)]! });
    else break;
  }
  const ctx = drill.context();
  const createdAt = START + Math.floor(random() * 84) * DAY + Math.floor(random() * 8 * 3_600_000);
  const times = ctx.log.map((_, i) => createdAt + (i + 1) * 40_000);
  return {
    format: 'ltc-attempt',
    version: 3,
    id: `bench-${String(n).padStart(4, '0')}`,
    createdAt,
    updatedAt: times[times.length - 1] ?? createdAt,
    status: statusOf(ctx),
    scenario: { id: lib.model.id, version: lib.model.version, hash: lib.model.hash },
    trainee: TRAINEES[Math.floor(random() * TRAINEES.length)]!,
    seed,
    moves: ctx.log,
    times,
    freeText: [],
    explainBacks: [],
    ...(ctx.ending ? { score: summarizeScore(scoreContext(lib.model, ctx)) } : {}),
    imported: null,
    coaching:
      random() < 0.1
        ? { coach: 'Cohort lead', feedback: 'Good pace; slow down in discovery.', comments: [{ turn: 1, text: 'Look at your lead grades.', at: createdAt + DAY }], ratings: [], updatedAt: createdAt + DAY }
        : null,
    retryOf: null,
    draft: null,
  };
}

/** The benchmark's attempt files: seeded, so every run sees the same 1,000 files. */
export function generateAttemptFiles(library: Library[], count = ATTEMPTS): { name: string; record: AttemptRecord; bytes: Uint8Array }[] {
  const random = seededRandom(20250106);
  return Array.from({ length: count }, (_, n) => {
    const lib = library[n % library.length]!;
    const record = randomAttempt(lib, n, random);
    const text = exportAttemptFile(record, { file: lib.file, source: lib.source, hash: lib.model.hash }, record.updatedAt + DAY);
    return { name: `${record.id}.json`, record, bytes: new TextEncoder().encode(text) };
  });
}

/** The library's scenarios, compiled. */
export function loadLibrary(fail: (message: string) => never): Library[] {
  return readdirSync('scenarios')
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((name) => {
      const file = join('scenarios', name);
      const source = readFileSync(file, 'utf8');
      const { model } = compileScenario(source, file);
      if (!model) fail(`${file} does not compile`);
      return { file: name, source, model: model! };
    });
}

/** Wall and process CPU time (all threads, incl. GC) of one call. */
interface Took {
  wall: number;
  cpu: number;
}
const time = <T>(fn: () => T): Took & { value: T } => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
};

const STEPS = ['read', 'compile', 'verify', 'analyze', 'report', 'csv', 'reanalyze'] as const;
type PipelineTimes = Record<(typeof STEPS)[number], Took>;

/** The import and dashboard pipeline once, as the browser would run it on the lead's machine. */
function pipeline(files: { name: string; bytes: Uint8Array }[], exemplars: Map<string, Exemplar | null>, fail: (m: string) => never): PipelineTimes {
  const compiling: Took = { wall: 0, cpu: 0 };
  const compile = memoizeCompile((source, file) => {
    const t = time(() => compileScenario(source, file));
    compiling.wall += t.wall;
    compiling.cpu += t.cpu;
    return t.value;
  });
  // File by file, as an import does: each file's text is dropped once it is checked, so 1,000
  // embedded copies of the scenarios never sit in memory at once.
  const read: Took = { wall: 0, cpu: 0 };
  // The sources earlier files embedded: a file that embeds one again is read without decoding it.
  const known = new KnownSources();
  const verifying: Took = { wall: 0, cpu: 0 };
  const add = (sum: Took, t: Took) => {
    sum.wall += t.wall;
    sum.cpu += t.cpu;
  };
  const verified = files.map((f) => {
    const r = time(() => readAttemptFile(f.bytes, f.name, undefined, undefined, known));
    add(read, r);
    if (!r.value.ok) fail(`${f.name} was refused: ${r.value.error.key}`);
    const v = time(() => verifyAttemptFile((r.value as { file: AttemptFile }).file, { fileName: f.name, compile, now: 0 }));
    add(verifying, v);
    if (!v.value.ok) fail(`${f.name} did not verify: ${v.value.error.key}`);
    if (v.value.ok && v.value.flags.length) fail(`${f.name} was flagged: ${v.value.flags.map((x) => x.key).join(', ')}`);
    return v.value as VerifiedAttempt;
  });
  const verify = { ...verifying, value: verified };
  const analyze = time(() => verify.value.map((v) => analyzeAttempt(v.model, v.record, exemplars.get(v.model.hash) ?? null, v.context, v.score)));
  const report = time(() => cohortReport(analyze.value));
  if (report.value.attempts !== files.length) fail(`the report counts ${report.value.attempts} attempts, not ${files.length}`);
  const csv = time(() => cohortTables(report.value).map(toCsv));
  // The dashboard opened later, from stored records: every log replayed again.
  const reanalyze = time(() => verify.value.map((v) => analyzeAttempt(v.model, v.record, exemplars.get(v.model.hash) ?? null)));
  const minus = (a: Took, b: Took): Took => ({ wall: a.wall - b.wall, cpu: a.cpu - b.cpu });
  return { read, compile: compiling, verify: minus(verify, compiling), analyze, report, csv, reanalyze };
}

/** Runs the cohort benchmark and prints its figures with `log`. */
export function runCohortBench(log: (line?: string) => void, fail: (message: string) => never, quick = false): void {
  const library = loadLibrary(fail);
  const generated = time(() => generateAttemptFiles(library));
  const files = generated.value;
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const moves = files.reduce((n, f) => n + f.record.moves.length, 0);
  const outcomes = new Map<string, number>();
  for (const f of files) outcomes.set(f.record.score?.outcome ?? 'in progress', (outcomes.get(f.record.score?.outcome ?? 'in progress') ?? 0) + 1);
  log(`${int(ATTEMPTS)} attempt files from seeded random legal plays of ${library.map((l) => l.model.id).join(', ')}: ${int(bytes / 1024 / 1024)} MB in all, ${int(moves)} moves (${(moves / ATTEMPTS).toFixed(1)} per attempt); outcomes ${[...outcomes].map(([o, c]) => `${o} ${c}`).join(', ')}; generated in ${ms(generated.wall)}.`);

  // The browser loads each scenario's expert path precomputed by the build; here it is found once per scenario.
  const exemplarTime = time(() => new Map(library.map((l) => [l.model.hash, explore(l.model, quick ? { maxStates: 20_000 } : {}).exemplar] as const)));
  const exemplars = new Map([...exemplarTime.value].map(([hash, ex]) => [hash, ex && { seed: ex.seed, moves: ex.moves }]));
  log(`Expert paths for the decision splits: ${ms(exemplarTime.wall)} (explore()${quick ? ' with maxStates 20,000' : ''}, once per scenario; not part of the pipeline: the browser gets them from the build).`);

  const runs: PipelineTimes[] = [];
  for (let i = 0; i < 4; i++) runs.push(pipeline(files, exemplars, fail));
  const importTotal = (t: PipelineTimes): Took => ({ wall: t.read.wall + t.compile.wall + t.verify.wall + t.analyze.wall + t.report.wall, cpu: t.read.cpu + t.compile.cpu + t.verify.cpu + t.analyze.cpu + t.report.cpu });
  const warm = runs.slice(1);
  const cell = (t: Took) => `${ms(t.wall)} (cpu ${ms(t.cpu)})`;
  const warmCell = (f: (t: PipelineTimes) => Took) => cell({ wall: median(warm.map((t) => f(t).wall)), cpu: median(warm.map((t) => f(t).cpu)) });
  const label: Record<(typeof STEPS)[number], string> = {
    read: `read and check the files (${int(bytes / 1024 / 1024)} MB: size, UTF-8, depth, JSON.parse, shape)`,
    compile: `compile each distinct scenario once (${library.length})`,
    verify: 'replay and score every attempt, check against the recorded score',
    analyze: 'analyse every attempt (from the replayed context and score)',
    report: 'build the cohort report',
    csv: 'export every table as CSV',
    reanalyze: 'dashboard from stored records: replay + score + analyse all again',
  };
  const rows = STEPS.map((k) => [label[k], cell(runs[0]![k]), warmCell((t) => t[k])]);
  rows.push(['import + dashboard data (read … report)', cell(importTotal(runs[0]!)), warmCell(importTotal)]);
  log(table(['step (1,000 attempts)', 'first run', `median of ${warm.length} more`], rows));
  const first = importTotal(runs[0]!);
  const verdict = (v: number) => (v < TARGET_MS ? 'under the target' : 'OVER the target');
  log(`Import + dashboard data, first run: ${ms(first.wall)} wall, ${ms(first.cpu)} cpu, against ${int(TARGET_MS)} ms for read + replay + report: ${verdict(first.wall)} (by cpu: ${verdict(first.cpu)}).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const load = loadavg();
  console.log(`cohort benchmark: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown cpu'}, load ${load.map((l) => l.toFixed(2)).join(' ')}${load[0]! > cpus().length ? ' (busier than the core count: compare the cpu figures)' : ''}`);
  runCohortBench(
    (line = '') => console.log(line),
    (message) => {
      console.error(`\n!!! BENCHMARK ABORTED: ${message}`);
      process.exit(1);
    },
    process.argv.includes('--quick'),
  );
}
