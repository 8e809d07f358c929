/**
 * The trainee's attempt beside the explorer's exemplar (the expert path): at each decision point, did
 * the trainee choose what the exemplar chooses there, and if not, what the exemplar's choice says and
 * what it would have earned, played from the trainee's own position.
 */
import type { StageId } from '../ltc/stages';
import { findOption, type OptionModel, type ScenarioModel } from '../scenario/model';
import type { LeadPlan, Move } from '../runtime/context';
import type { Exemplar } from '../explorer/exemplar';
import type { Position } from '../runtime/context';
import { isRefusal, step } from '../runtime/engine';
import { scoreContext } from '../scoring/score';
import { earnedAt, type AttemptReplay, type Earned } from './frames';

/** Where a decision is made: the lead plan, or a step of a stage or an objection. */
export type DecisionPoint =
  | { kind: 'leads'; key: 'leads' }
  | { kind: 'stage' | 'objection'; key: string; container: string; step: string };

/** The decision point an option belongs to: options are `<container>/<step>/<id>`. */
export function pointOfOption(optionId: string): string {
  return optionId.slice(0, optionId.lastIndexOf('/'));
}

/** The decision point of a position, or null once the drill has ended. */
export function decisionPoint(position: Position): DecisionPoint | null {
  if (position.phase === 'leads') return { kind: 'leads', key: 'leads' };
  if (position.phase === 'ended') return null;
  const container = position.phase === 'stage' ? position.stage : position.objection;
  return { kind: position.phase, key: `${container}/${position.step}`, container, step: position.step };
}

/** The exemplar's choice at each decision point it passes (the first, if it passes one twice). */
export function exemplarChoices(exemplar: Exemplar): Map<string, string> {
  const choices = new Map<string, string>();
  for (const m of exemplar.moves) {
    if (m.type !== 'choose') continue;
    const point = pointOfOption(m.option);
    if (!choices.has(point)) choices.set(point, m.option);
  }
  return choices;
}

const samePlan = (a: LeadPlan, b: LeadPlan) => {
  const set = (xs: readonly string[]) => JSON.stringify([...new Set(xs)].sort());
  const grades = (g: LeadPlan['grades']) => JSON.stringify(Object.entries(g).sort(([x], [y]) => x.localeCompare(y)));
  return set(a.profile) === set(b.profile) && set(a.pursue) === set(b.pursue) && set(a.record) === set(b.record) && grades(a.grades) === grades(b.grades);
};

export type ExemplarMove = { kind: 'option'; option: OptionModel } | { kind: 'lead-plan'; plan: LeadPlan };

/** The exemplar's move played instead of the trainee's, from the trainee's position before it. */
export interface Alternative {
  /** False when the exemplar's option is not offered there (its condition does not hold for this trainee). */
  offered: boolean;
  /** The stage the move counts for. */
  stage: StageId;
  earned: Earned[];
  /** The score so far after the exemplar's move (null when not offered), and after the trainee's. */
  score: { overall: number; stage: number } | null;
  trainee: { overall: number; stage: number };
}

export interface MoveComparison {
  /** The move (frame) number, from 1. */
  index: number;
  point: DecisionPoint | null;
  /**
   * `same`: the trainee chose what the exemplar chooses here; `left`: something else; `not-on-path`:
   * the exemplar never decides here; `not-a-choice`: a wait, a record or abandoning.
   */
  status: 'same' | 'left' | 'not-on-path' | 'not-a-choice';
  exemplar: ExemplarMove | null;
  /** Set when the trainee left the exemplar. */
  alternative: Alternative | null;
}

/** Compares every replayed move with the exemplar's choice at the same decision point. */
export function compareWithExemplar(model: ScenarioModel, replay: AttemptReplay, exemplar: Exemplar): MoveComparison[] {
  const choices = exemplarChoices(exemplar);
  const exemplarPlan = exemplar.moves.find((m): m is Extract<Move, { type: 'leads.submit' }> => m.type === 'leads.submit')?.plan ?? null;
  return replay.frames.slice(1).map((frame): MoveComparison => {
    const point = frame.at && decisionPoint(frame.at);
    const move = frame.move!;
    const base = { index: frame.index, point, exemplar: null, alternative: null };
    if (!point || (move.type !== 'choose' && move.type !== 'leads.submit')) return { ...base, status: 'not-a-choice' };

    let ours: ExemplarMove | null = null;
    let theirs: Move | null = null;
    if (move.type === 'leads.submit') {
      if (exemplarPlan) {
        ours = { kind: 'lead-plan', plan: exemplarPlan };
        theirs = samePlan(exemplarPlan, move.plan) ? null : { type: 'leads.submit', plan: exemplarPlan };
      }
    } else {
      const optionId = choices.get(point.key);
      const option = optionId ? findOption(model, optionId) : undefined;
      if (option) {
        ours = { kind: 'option', option };
        theirs = option.id === move.option ? null : { type: 'choose', option: option.id };
      }
    }
    if (!ours) return { ...base, status: 'not-on-path' };
    if (!theirs) return { ...base, status: 'same', exemplar: ours };
    return { ...base, status: 'left', exemplar: ours, alternative: alternative(model, replay, frame.index, theirs) };
  });
}

function alternative(model: ScenarioModel, replay: AttemptReplay, index: number, move: Move): Alternative {
  const before = replay.states[index - 1]!;
  const stage = before.context.stage;
  const stageScore = (s: { stages: { stage: StageId; score: number }[]; overall: number }) => ({ overall: s.overall, stage: s.stages.find((x) => x.stage === stage)?.score ?? 0 });
  const frame = replay.frames[index]!;
  const trainee = stageScore({ overall: frame.score.overall, stages: frame.score.stages });
  const next = step(model, before, move);
  if (isRefusal(next)) return { offered: false, stage, earned: [], score: null, trainee };
  const score = scoreContext(model, next.context);
  return { offered: true, stage, earned: earnedAt(score, index), score: stageScore({ overall: score.overall.score, stages: score.stages }), trainee };
}
