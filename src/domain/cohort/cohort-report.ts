/**
 * The cohort report: everything the dashboard and the `cohort` command show for a set of analysed
 * attempts and filters. Trainees × stages (first and best attempt), the funnel along the LTC chain,
 * the most frequent pitfalls and missed key actions, the process indicators, trends by week and by
 * month, and the split of choices at each decision point. Plain data: ids, numbers, timestamps.
 */
import { STAGES, type StageId } from '../ltc/stages';
import type { Band } from '../scoring/score';
import type { AttemptAnalysis } from './analyze-attempt';
import { decisionSplits, leadPlanSplits, missedKeyActionFrequencies, pitfallFrequencies, type DecisionSplit, type ItemFrequency, type LeadPlanSplit } from './cohort-items';
import { indicatorSummary, mean, trends, type IndicatorSummary, type TrendRow } from './cohort-measures';

export interface CohortFilters {
  /** A scenario id, or null/absent for all scenarios. */
  scenario?: string | null;
  /** Only these trainees (names as analysed), or null/empty for everyone. */
  trainees?: readonly string[] | null;
  /** Attempts started from this moment on (ms since the epoch, inclusive). */
  from?: number | null;
  /** … up to this moment (inclusive). */
  to?: number | null;
  /** Minutes east of UTC for weeks and months; default 0 (UTC). */
  utcOffsetMinutes?: number;
}

/** One attempt as a heat-map row shows it. */
export interface HeatMapAttempt {
  attemptId: string;
  createdAt: number;
  overall: number;
  outcome: AttemptAnalysis['outcome'];
  stages: { stage: StageId; score: number; band: Band; reached: boolean }[];
}

export interface HeatMapRow {
  trainee: string;
  attempts: number;
  /** The trainee's earliest attempt … */
  first: HeatMapAttempt;
  /** … and the one with the highest overall score (the earliest of equals). */
  best: HeatMapAttempt;
  /** Mean stage scores over the trainee's attempts that reached each stage. */
  averages: Record<StageId, number | null>;
}

export interface FunnelStep {
  /** A stage reached, or `won`: cash collected (a deal is won only when it is paid). */
  step: StageId | 'won';
  attempts: number;
  /** Of all attempts in the report (0–1). */
  share: number;
}

export interface CohortReport {
  filters: Required<Omit<CohortFilters, 'trainees'>> & { trainees: string[] | null };
  attempts: number;
  /** Attempts dropped because a later copy of the same attempt (same id) was given. */
  duplicates: number;
  trainees: string[];
  scenarios: { id: string; version: string; hash: string; attempts: number }[];
  outcomes: { won: number; lost: number; stalled: number; abandoned: number; inProgress: number };
  heatMap: HeatMapRow[];
  funnel: FunnelStep[];
  pitfalls: ItemFrequency[];
  missedKeyActions: ItemFrequency[];
  indicators: { average: IndicatorSummary; byTrainee: (IndicatorSummary & { trainee: string })[] };
  trends: { weeks: TrendRow[]; months: TrendRow[] };
  decisions: DecisionSplit[];
  /** Stage 1: how the cohort graded and pursued each lead, per scenario version. */
  leadPlans: LeadPlanSplit[];
}

const heatMapAttempt = (a: AttemptAnalysis): HeatMapAttempt => ({
  attemptId: a.attemptId,
  createdAt: a.createdAt,
  overall: a.overall.score,
  outcome: a.outcome,
  stages: a.stages.map(({ stage, score, band, reached }) => ({ stage, score, band, reached })),
});

const earliest = (a: AttemptAnalysis, b: AttemptAnalysis) => a.createdAt - b.createdAt || a.attemptId.localeCompare(b.attemptId);

/** Keeps one copy of each attempt: the most recently updated (e.g. the one with the coach's comments). */
function latestCopies(analyses: readonly AttemptAnalysis[]): AttemptAnalysis[] {
  const byId = new Map<string, AttemptAnalysis>();
  for (const a of analyses) {
    const seen = byId.get(a.attemptId);
    if (!seen || a.updatedAt > seen.updatedAt) byId.set(a.attemptId, a);
  }
  return [...byId.values()];
}

/** Builds the cohort report for the analysed attempts that pass `filters`. */
export function cohortReport(analyses: readonly AttemptAnalysis[], filters: CohortFilters = {}): CohortReport {
  const f = {
    scenario: filters.scenario ?? null,
    trainees: filters.trainees?.length ? [...filters.trainees] : null,
    from: filters.from ?? null,
    to: filters.to ?? null,
    utcOffsetMinutes: filters.utcOffsetMinutes ?? 0,
  };
  const unique = latestCopies(analyses);
  const wanted = new Set(f.trainees);
  const attempts = unique
    .filter((a) => (f.scenario === null || a.scenario.id === f.scenario) && (f.trainees === null || wanted.has(a.trainee)) && (f.from === null || a.createdAt >= f.from) && (f.to === null || a.createdAt <= f.to))
    .sort(earliest);

  const byTrainee = new Map<string, AttemptAnalysis[]>();
  for (const a of attempts) {
    const own = byTrainee.get(a.trainee);
    if (own) own.push(a);
    else byTrainee.set(a.trainee, [a]);
  }
  const trainees = [...byTrainee.keys()].sort((a, b) => a.localeCompare(b));

  const scenarios = new Map<string, CohortReport['scenarios'][number]>();
  for (const a of attempts) {
    const s = scenarios.get(a.scenario.hash) ?? { ...a.scenario, attempts: 0 };
    s.attempts++;
    scenarios.set(a.scenario.hash, s);
  }

  const heatMap = trainees.map((trainee): HeatMapRow => {
    const own = byTrainee.get(trainee)!; // already oldest first
    const best = own.reduce((b, a) => (a.overall.score > b.overall.score ? a : b));
    return {
      trainee,
      attempts: own.length,
      first: heatMapAttempt(own[0]!),
      best: heatMapAttempt(best),
      averages: Object.fromEntries(STAGES.map((s) => [s, mean(own.flatMap((a) => a.stages.filter((x) => x.stage === s && x.reached).map((x) => x.score)))])) as Record<StageId, number | null>,
    };
  });

  const count = (p: (a: AttemptAnalysis) => boolean) => attempts.filter(p).length;
  const share = (n: number) => (attempts.length ? n / attempts.length : 0);
  const funnel: FunnelStep[] = [
    ...STAGES.map((stage) => count((a) => a.stagesReached.includes(stage))).map((n, i) => ({ step: STAGES[i]!, attempts: n, share: share(n) })),
    { step: 'won', attempts: count((a) => a.outcome === 'won'), share: share(count((a) => a.outcome === 'won')) },
  ];

  return {
    filters: f,
    attempts: attempts.length,
    duplicates: analyses.length - unique.length,
    trainees,
    scenarios: [...scenarios.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version)),
    outcomes: {
      won: count((a) => a.outcome === 'won'),
      lost: count((a) => a.outcome === 'lost'),
      stalled: count((a) => a.outcome === 'stalled'),
      abandoned: count((a) => a.outcome === 'abandoned'),
      inProgress: count((a) => a.outcome === null),
    },
    heatMap,
    funnel,
    pitfalls: pitfallFrequencies(attempts),
    missedKeyActions: missedKeyActionFrequencies(attempts),
    indicators: {
      average: indicatorSummary(attempts),
      byTrainee: trainees.map((trainee) => ({ trainee, ...indicatorSummary(byTrainee.get(trainee)!) })),
    },
    trends: trends(attempts, f.utcOffsetMinutes),
    decisions: decisionSplits(attempts),
    leadPlans: leadPlanSplits(attempts),
  };
}
