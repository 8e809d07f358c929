/**
 * The replay promise: re-running an attempt's event log gives the scores it recorded. When it does
 * not (the file was edited, or the engine changed), the replay must say so and say where.
 */
import type { StageId } from '../ltc/stages';
import type { ScoreSummary } from '../scoring/score-summary';

export type ScoreDifference =
  | { part: 'overall'; recorded: number; recomputed: number }
  | { part: 'passed'; recorded: boolean; recomputed: boolean }
  | { part: 'outcome'; recorded: string | null; recomputed: string | null }
  | { part: 'stage'; stage: StageId; recorded: number | null; recomputed: number | null };

export type ScoreCheck =
  /** The re-run gives exactly the recorded summary. */
  | { status: 'reproduced'; differences: [] }
  /** The attempt recorded no score (it had not ended), so there is nothing to compare. */
  | { status: 'not-recorded'; differences: [] }
  | { status: 'differs'; differences: ScoreDifference[] };

/** Compares a recorded score summary with a recomputed one: every stage, the overall score, pass and outcome. */
export function checkScores(recorded: ScoreSummary | undefined | null, recomputed: ScoreSummary): ScoreCheck {
  if (!recorded) return { status: 'not-recorded', differences: [] };
  const differences: ScoreDifference[] = [];
  if (recorded.overall.score !== recomputed.overall.score || recorded.overall.band !== recomputed.overall.band) {
    differences.push({ part: 'overall', recorded: recorded.overall.score, recomputed: recomputed.overall.score });
  }
  if (recorded.overall.passed !== recomputed.overall.passed) {
    differences.push({ part: 'passed', recorded: recorded.overall.passed, recomputed: recomputed.overall.passed });
  }
  if (recorded.outcome !== recomputed.outcome) differences.push({ part: 'outcome', recorded: recorded.outcome, recomputed: recomputed.outcome });
  const stages = new Set<StageId>([...recorded.stages, ...recomputed.stages].map((s) => s.stage));
  for (const stage of stages) {
    const a = recorded.stages.find((s) => s.stage === stage);
    const b = recomputed.stages.find((s) => s.stage === stage);
    if (a?.score !== b?.score || a?.band !== b?.band) differences.push({ part: 'stage', stage, recorded: a?.score ?? null, recomputed: b?.score ?? null });
  }
  return differences.length ? { status: 'differs', differences } : { status: 'reproduced', differences: [] };
}
