/** Timing helpers for the benchmark: medians after warm-up, and time-boxed throughput. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median wall time of one run, in milliseconds. */
  median: number;
  /** Median CPU time (user + system, all threads) of one run, in milliseconds. */
  cpuMedian: number;
  min: number;
  max: number;
  runs: number;
}

export interface TimingOptions {
  /** Untimed runs first, so the JIT has seen the code. */
  warmup?: number;
  /** Timed runs wanted … */
  runs?: number;
  /** … but stop early once this much time went into timed runs (at least `minRuns` are done). */
  budgetMs?: number;
  minRuns?: number;
}

/** Runs `fn` `warmup` times untimed, then up to `runs` times timed; returns the median. */
export function timeMedian(fn: () => unknown, opts: TimingOptions = {}): Timing {
  const { warmup = 3, runs = 15, budgetMs = 2_000, minRuns = 3 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  while (times.length < runs && (times.length < minRuns || performance.now() - started < budgetMs)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    cpu.push(cpuMs(process.cpuUsage(c0)));
  }
  times.sort((a, b) => a - b);
  return { median: median(times), cpuMedian: median(cpu), min: times[0]!, max: times[times.length - 1]!, runs: times.length };
}

/** The median of a list of numbers (sorted in place). */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Times one call of `fn`, returning its result and the milliseconds it took. */
export function timeOnce<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)) };
}

export interface Throughput {
  choices: number;
  games: number;
  ms: number;
  /** Choices per second over the whole time box (wall clock). */
  perSecond: number;
  /** Process CPU time used in the time box, and choices per CPU second. */
  cpuMs: number;
  perCpuSecond: number;
  /** Games cut short by the per-game safety cap (loops, stuck states). */
  capped: number;
}

/**
 * Plays games with `playOne(gameIndex)` (which returns the choices it made and whether it hit a cap)
 * until `budgetMs` has passed, after a short warm-up; at least `minGames` games are played.
 */
export function throughput(
  playOne: (game: number) => { choices: number; capped?: boolean },
  opts: { budgetMs?: number; warmupMs?: number; minGames?: number } = {},
): Throughput {
  const { budgetMs = 2_000, warmupMs = 300, minGames = 1 } = opts;
  let game = 0;
  const warmStart = performance.now();
  while (performance.now() - warmStart < warmupMs) playOne(game++);
  let choices = 0;
  let games = 0;
  let capped = 0;
  const c0 = process.cpuUsage();
  const started = performance.now();
  let elapsed = 0;
  while (games < minGames || elapsed < budgetMs) {
    const r = playOne(game++);
    choices += r.choices;
    if (r.capped) capped++;
    games++;
    elapsed = performance.now() - started;
  }
  const cpu = cpuMs(process.cpuUsage(c0));
  return { choices, games, ms: elapsed, perSecond: (choices / elapsed) * 1000, cpuMs: cpu, perCpuSecond: (choices / cpu) * 1000, capped };
}

/** A small, fast, seeded generator (mulberry32) so both engines see the same random choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- formatting ------------------------------------------------------------------------------

export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + ' ms';
export const perSec = (v: number): string => `${Math.round(v).toLocaleString('en-US')}/s`;
export const int = (v: number): string => Math.round(v).toLocaleString('en-US');
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}×` : 'n/a');

/** Renders rows as a plain-text table with left-aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
