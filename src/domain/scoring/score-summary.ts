/** The part of a full score that an attempt keeps; the rest is recomputed by replaying its log. */
import type { StageId } from '../ltc/stages';
import type { AttemptScore, Band } from './score';

export interface ScoreSummary {
  overall: { score: number; band: Band; passed: boolean };
  stages: { stage: StageId; score: number; band: Band }[];
  outcome: 'won' | 'lost' | 'stalled' | 'abandoned' | null;
}

/** The summary of a full score. */
export function summarizeScore(score: AttemptScore): ScoreSummary {
  return {
    overall: { score: score.overall.score, band: score.overall.band, passed: score.overall.passed },
    stages: score.stages.map((s) => ({ stage: s.stage, score: s.score, band: s.band })),
    outcome: score.outcome?.outcome ?? null,
  };
}
