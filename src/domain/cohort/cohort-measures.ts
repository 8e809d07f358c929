/**
 * The cohort's process indicators and trends (the LTC method's weekly and monthly reviews): days per
 * stage, touches against the customer's rhythm, days from signing to cash; attempts, average score,
 * win rate and stage averages per ISO week and per month. Averages skip attempts a figure does not
 * apply to (a stage not reached, a deal not won) and are null when none applies.
 */
import { STAGES, type StageId } from '../ltc/stages';
import type { AttemptAnalysis } from './analyze-attempt';
import { calendarMonth, isoWeek, type Period } from './calendar';

/** The mean of `values`, or null when there are none. */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const byStage = (f: (stage: StageId) => number | null) => Object.fromEntries(STAGES.map((s) => [s, f(s)])) as Record<StageId, number | null>;

export interface IndicatorSummary {
  attempts: number;
  /** Mean days spent in each stage, over the attempts that reached it. */
  daysPerStage: Record<StageId, number | null>;
  totalDays: number | null;
  /** Mean touches per attempt: all, on the customer's rhythm, too soon, too long. */
  touches: { total: number | null; ok: number | null; tooSoon: number | null; tooLong: number | null };
  /** Share of all touches that were on rhythm (0–1). */
  onRhythmShare: number | null;
  /** Mean days from signing to cash, over won attempts. */
  signingToCash: number | null;
  won: number;
  /** Share of the ended attempts that were won (0–1), as in the trends; null when none ended. */
  winRate: number | null;
}

/** The process indicators over `attempts`. */
export function indicatorSummary(attempts: readonly AttemptAnalysis[]): IndicatorSummary {
  const ind = attempts.map((a) => a.indicators);
  const touches = ind.reduce((n, i) => n + i.touches.total, 0);
  const won = attempts.filter((a) => a.outcome === 'won').length;
  const ended = attempts.filter((a) => a.outcome !== null).length;
  return {
    attempts: attempts.length,
    daysPerStage: byStage((s) => mean(ind.flatMap((i) => (i.daysPerStage[s] === undefined ? [] : [i.daysPerStage[s]!])))),
    totalDays: mean(ind.map((i) => i.totalDays)),
    touches: {
      total: mean(ind.map((i) => i.touches.total)),
      ok: mean(ind.map((i) => i.touches.ok)),
      tooSoon: mean(ind.map((i) => i.touches.tooSoon)),
      tooLong: mean(ind.map((i) => i.touches.tooLong)),
    },
    onRhythmShare: touches ? ind.reduce((n, i) => n + i.touches.ok, 0) / touches : null,
    signingToCash: mean(ind.flatMap((i) => (i.signingToCash === null ? [] : [i.signingToCash]))),
    won,
    winRate: ended ? won / ended : null,
  };
}

export interface TrendRow {
  /** `2025-W07` (ISO week) or `2025-02` (month). */
  period: string;
  /** The period's first moment, ms since the epoch. */
  start: number;
  attempts: number;
  averageScore: number | null;
  /** Share of the period's ended attempts that were won (0–1); null when none ended. */
  winRate: number | null;
  /** Mean score of each stage over the attempts that reached it. */
  stages: Record<StageId, number | null>;
}

/** Attempts grouped by the period their start falls in, oldest first. */
export function trend(attempts: readonly AttemptAnalysis[], periodOf: (ms: number) => Period): TrendRow[] {
  const groups = new Map<string, { period: Period; attempts: AttemptAnalysis[] }>();
  for (const a of attempts) {
    const period = periodOf(a.createdAt);
    let g = groups.get(period.key);
    if (!g) groups.set(period.key, (g = { period, attempts: [] }));
    g.attempts.push(a);
  }
  return [...groups.values()]
    .sort((a, b) => a.period.start - b.period.start)
    .map(({ period, attempts: group }) => {
      const ended = group.filter((a) => a.outcome !== null);
      return {
        period: period.key,
        start: period.start,
        attempts: group.length,
        averageScore: mean(group.map((a) => a.overall.score)),
        winRate: ended.length ? ended.filter((a) => a.outcome === 'won').length / ended.length : null,
        stages: byStage((s) => mean(group.flatMap((a) => a.stages.filter((x) => x.stage === s && x.reached).map((x) => x.score)))),
      };
    });
}

/** Trends by ISO week and by month. */
export function trends(attempts: readonly AttemptAnalysis[], utcOffsetMinutes = 0): { weeks: TrendRow[]; months: TrendRow[] } {
  return {
    weeks: trend(attempts, (ms) => isoWeek(ms, utcOffsetMinutes)),
    months: trend(attempts, (ms) => calendarMonth(ms, utcOffsetMinutes)),
  };
}
