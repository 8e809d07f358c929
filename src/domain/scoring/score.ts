/**
 * The scorer: a pure function of (model, event log). It plays the log on the engine and rates every
 * stage against the checklist from what each move earned (the credit kept on its transcript entry),
 * pointing at the turn of each key action and pitfall, and reports the LTC process indicators. It
 * returns data and message keys, never sentences.
 */
import { STAGES, type StageId } from '../ltc/stages';
import type { ChecklistItem } from '../ltc/default-checklist';
import type { ScenarioModel } from '../scenario/model';
import type { DrillContext, DrillEnding, EventLog, MeterPoint, Touch } from '../runtime/context';
import { play } from '../runtime/engine';
import { judgeLeadPlan, type LeadPlanJudgement } from '../runtime/lead-plan';

export type { EventLog } from '../runtime/context';

export type Band = 'excellent' | 'good' | 'pass' | 'fail' | 'not-reached';
export const BAND_EXCELLENT = 90;
export const BAND_GOOD = 75;

export interface ItemResult {
  id: string;
  weight: number;
  /** Key actions: the first turn that showed it, or null if missed. */
  turn: number | null;
}
export interface PitfallResult {
  id: string;
  weight: number;
  /** Every turn that committed it (empty: avoided). */
  turns: number[];
}

export interface StageScore {
  stage: StageId;
  reached: boolean;
  score: number;
  band: Band;
  passMark: number;
  passed: boolean;
  keyActions: ItemResult[];
  pitfalls: PitfallResult[];
}

export interface ProcessIndicators {
  daysPerStage: Partial<Record<StageId, number>>;
  totalDays: number;
  touches: Touch[];
  touchCounts: { total: number; ok: number; tooSoon: number; tooLong: number };
  /** Days from entering collection (contract signed) to cash, when won. */
  signingToCash: number | null;
  series: MeterPoint[];
  objectionsRaised: string[];
  surprises: string[];
  moves: number;
}

export interface AttemptScore {
  outcome: DrillEnding | null;
  overall: { score: number; band: Band; passMark: number; passed: boolean };
  stages: StageScore[];
  indicators: ProcessIndicators;
  leadPlan: LeadPlanJudgement | null;
}

export class ReplayError extends Error {
  constructor(readonly moveIndex: number) {
    super(`Move ${moveIndex + 1} of the log is not legal at that point of the scenario.`);
  }
}

/** Scores an attempt from its event log. Throws ReplayError when the log does not fit the model. */
export function score(model: ScenarioModel, log: EventLog): AttemptScore {
  const { state, rejectedAt } = play(model, log);
  if (rejectedAt !== null) throw new ReplayError(rejectedAt);
  return scoreContext(model, state.context);
}

/**
 * A stage's score from what was shown and committed in it: key-action weight earned minus pitfall
 * weight committed (each pitfall once), over the stage's total key-action weight, as 0–100.
 */
export function stageValue(items: readonly ChecklistItem[], shown: ReadonlySet<string>, committed: ReadonlySet<string>): number {
  let total = 0;
  let earned = 0;
  let lost = 0;
  for (const i of items) {
    if (i.kind === 'key-action') {
      total += i.weight;
      if (shown.has(i.id)) earned += i.weight;
    } else if (committed.has(i.id)) lost += i.weight;
  }
  return total > 0 ? Math.round((Math.max(0, earned - lost) / total) * 100) : 0;
}

function band(score: number, passMark: number, reached: boolean): Band {
  if (!reached) return 'not-reached';
  if (score < passMark) return 'fail';
  return score >= BAND_EXCELLENT ? 'excellent' : score >= BAND_GOOD ? 'good' : 'pass';
}

/** Scores a drill's context as it stands (a finished attempt, or one in progress). */
export function scoreContext(model: ScenarioModel, ctx: DrillContext): AttemptScore {
  const lead = ctx.leadPlan ? judgeLeadPlan(model.leads, ctx.leadPlan) : null;
  const reachedStages = new Set(ctx.stageLog.map((s) => s.stage));
  const { shownAt, committedAt } = ledgerOf(ctx);
  const turnsFor = (item: ChecklistItem): number[] => (item.kind === 'key-action' ? shownAt : committedAt).get(item.id) ?? [];

  const stages: StageScore[] = STAGES.map((stage) => {
    const items = model.checklist.filter((i) => i.stage === stage);
    const reached = reachedStages.has(stage) && (stage !== 'leads' || ctx.leadPlan !== null);
    const keyActions = items.filter((i) => i.kind === 'key-action').map((i) => ({ id: i.id, weight: i.weight, turn: turnsFor(i)[0] ?? null }));
    const pitfalls = items.filter((i) => i.kind === 'pitfall').map((i) => ({ id: i.id, weight: i.weight, turns: turnsFor(i) }));
    const value = reached ? stageValue(items, new Set(keyActions.filter((k) => k.turn !== null).map((k) => k.id)), new Set(pitfalls.filter((p) => p.turns.length).map((p) => p.id))) : 0;
    const passMark = model.passMark.stages[stage];
    return { stage, reached, score: value, band: band(value, passMark, reached), passMark, passed: reached && value >= passMark, keyActions, pitfalls };
  });

  const overallScore = Math.round(stages.reduce((s, st) => s + st.score, 0) / stages.length);
  const won = ctx.ending?.outcome === 'won';
  return {
    outcome: ctx.ending,
    overall: {
      score: overallScore,
      band: band(overallScore, model.passMark.overall, true),
      passMark: model.passMark.overall,
      passed: won && overallScore >= model.passMark.overall,
    },
    stages,
    indicators: indicators(ctx),
    leadPlan: lead,
  };
}

/** Every turn that showed each key action and committed each pitfall, from the entries' credits. */
function ledgerOf(ctx: DrillContext): { shownAt: Map<string, number[]>; committedAt: Map<string, number[]> } {
  const shownAt = new Map<string, number[]>();
  const committedAt = new Map<string, number[]>();
  const note = (into: Map<string, number[]>, id: string, turn: number) => {
    const turns = into.get(id);
    if (!turns) into.set(id, [turn]);
    else if (turns[turns.length - 1] !== turn) turns.push(turn);
  };
  for (const e of ctx.transcript) {
    if (e.kind !== 'rep' && e.kind !== 'record' && e.kind !== 'lead-plan') continue;
    for (const id of e.credit.shown) note(shownAt, id, e.turn);
    for (const id of e.credit.committed) note(committedAt, id, e.turn);
  }
  return { shownAt, committedAt };
}

function indicators(ctx: DrillContext): ProcessIndicators {
  const daysPerStage: Partial<Record<StageId, number>> = {};
  ctx.stageLog.forEach((s, i) => {
    const end = ctx.stageLog[i + 1]?.day ?? ctx.day;
    daysPerStage[s.stage] = (daysPerStage[s.stage] ?? 0) + (end - s.day);
  });
  const collection = ctx.stageLog.find((s) => s.stage === 'collection');
  const count = (v: Touch['verdict']) => ctx.touches.filter((t) => t.verdict === v).length;
  return {
    daysPerStage,
    totalDays: ctx.day,
    touches: ctx.touches,
    touchCounts: { total: ctx.touches.length, ok: count('ok') + count('first'), tooSoon: count('too-soon'), tooLong: count('too-long') },
    signingToCash: ctx.ending?.outcome === 'won' && collection ? ctx.day - collection.day : null,
    series: ctx.series,
    objectionsRaised: ctx.raised,
    surprises: ctx.firedSurprises,
    moves: ctx.log.length,
  };
}
