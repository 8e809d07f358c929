/**
 * One attempt as the cohort dashboard sees it: who, which scenario, when, how it ended, how far it got,
 * each stage's score and band, the key actions missed and pitfalls committed (with their turns, for
 * links into the replay), the LTC process indicators, and the decision at each step beside the
 * exemplar's. Pure data and ids: the UI and the CLI label them.
 */
import { STAGES, type StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { AttemptRecord, AttemptStatus } from '../attempts/attempt-record';
import type { DrillContext, DrillEnding } from '../runtime/context';
import { scoreContext, type AttemptScore, type Band } from '../scoring/score';
import type { Exemplar } from '../explorer/exemplar';
import { exemplarChoices, pointOfOption } from '../replay/exemplar';
import { play } from '../runtime/engine';
import { graphOf } from '../scenario/model';
import type { Grade, LineVariant } from '../scenario/model';
import { reviewLeadPlan } from '../teaching/lead-plan-review';
import type { LocalizedText } from '../text/localized-text';

export interface StageResult {
  stage: StageId;
  reached: boolean;
  score: number;
  band: Band;
  passed: boolean;
  /** The move that entered the stage (0 for stage 1, entered before any move); null if not reached. */
  enteredAt: number | null;
}

export interface Decision {
  /** The decision point: `<stage or objection>/<step>`. */
  point: string;
  /** The stage it counts for (an objection's is the stage it was raised in). */
  stage: StageId;
  /** The move number. */
  turn: number;
  chosen: string;
  /** The exemplar's option at this point; null when it never decides here or there is no exemplar. */
  exemplar: string | null;
  /**
   * The customer's line the trainee was answering, as it was said (the variant whose condition held,
   * dates filled): `variant` is its index among the step's lines (null when it matches none). Null when
   * the transcript has no line for the step before the choice.
   */
  line: { variant: number | null; text: LocalizedText } | null;
}

/** One lead of stage 1 as the trainee planned it, beside the scenario's expert answer. */
export interface LeadDecision {
  lead: string;
  /** The grade the trainee gave; null when none. */
  given: Grade | null;
  expected: Grade;
  pursued: boolean;
  /** The lead the scenario is about: the expert pursues it. */
  shouldPursue: boolean;
}

export interface AttemptAnalysis {
  attemptId: string;
  trainee: string;
  scenario: { id: string; version: string; hash: string };
  createdAt: number;
  updatedAt: number;
  /** When the last move was made, if known. */
  lastMoveAt: number | null;
  status: AttemptStatus;
  outcome: DrillEnding['outcome'] | null;
  /** The stage where the attempt ended, or null while in progress. */
  endedIn: StageId | null;
  stagesReached: StageId[];
  overall: { score: number; band: Band; passed: boolean };
  stages: StageResult[];
  /** Key actions not shown in stages the attempt reached. */
  missedKeyActions: { stage: StageId; id: string }[];
  /** Pitfalls committed, with every turn that committed them. */
  pitfalls: { stage: StageId; id: string; turns: number[] }[];
  indicators: {
    daysPerStage: Partial<Record<StageId, number>>;
    totalDays: number;
    touches: { total: number; ok: number; tooSoon: number; tooLong: number };
    /** Days from signing (entering collection) to cash; null unless won. */
    signingToCash: number | null;
    moves: number;
    objections: number;
    surprises: number;
  };
  /** Every option chosen, in order, beside the exemplar's choice there. */
  decisions: Decision[];
  /** Stage 1's lead plan, lead by lead in the scenario's order; null when none was submitted. */
  leadPlan: LeadDecision[] | null;
  /** Whether an exemplar was given (without one, no decision has an exemplar choice). */
  hasExemplar: boolean;
  /** Index of the first move that did not replay (the analysis covers the moves before it), or null. */
  rejectedAt: number | null;
}

const choicesCache = new WeakMap<Exemplar, Map<string, string>>();
const choicesOf = (exemplar: Exemplar) => {
  let c = choicesCache.get(exemplar);
  if (!c) choicesCache.set(exemplar, (c = exemplarChoices(exemplar)));
  return c;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const templates = new WeakMap<LineVariant, [string, RegExp][]>();
/** Whether `said` is `line` as said: the same text in each of its languages, placeholders filled with anything. */
function isSaid(line: LineVariant, said: LocalizedText): boolean {
  let patterns = templates.get(line);
  if (!patterns) {
    patterns = Object.entries(line.text)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([locale, v]) => [locale, new RegExp(`^${v.split(/\{(?:date|weekday|due-date)\}/).map(escapeRegExp).join('.+?')}$`, 's')]);
    templates.set(line, patterns);
  }
  return patterns.length > 0 && patterns.every(([locale, re]) => {
    const v = (said as Record<string, string | undefined>)[locale];
    return typeof v === 'string' && re.test(v);
  });
}

/** The index of the variant of `lines` that `said` is (the first that fits), or null. */
export function variantSaid(lines: readonly LineVariant[], said: LocalizedText): number | null {
  const exact = lines.findIndex((l) => l.text === said);
  if (exact >= 0) return exact;
  const found = lines.findIndex((l) => isSaid(l, said));
  return found >= 0 ? found : null;
}

/**
 * Analyses one attempt by replaying its log. Pass `context` (and its `score`) when the attempt was
 * just replayed, e.g. by `verifyAttemptFile`, to skip a second replay. `exemplar` gives the expert's
 * choice at each decision.
 */
export function analyzeAttempt(model: ScenarioModel, record: AttemptRecord, exemplar: Exemplar | null, context?: DrillContext, score?: AttemptScore): AttemptAnalysis {
  let ctx = context;
  let rejectedAt: number | null = null;
  if (!ctx) {
    const played = play(model, record);
    ctx = played.state.context;
    rejectedAt = played.rejectedAt;
  }
  score = (context && score) || scoreContext(model, ctx);
  const entered = new Map<StageId, number>();
  for (const s of ctx.stageLog) if (!entered.has(s.stage)) entered.set(s.stage, s.turn);

  const stages = score.stages.map((s): StageResult => ({
    stage: s.stage,
    reached: s.reached,
    score: s.score,
    band: s.band,
    passed: s.passed,
    enteredAt: s.reached ? (entered.get(s.stage) ?? 0) : null,
  }));

  const repStage = new Map<number, StageId>();
  for (const e of ctx.transcript) if (e.kind === 'rep') repStage.set(e.turn, e.stage);
  const choices = exemplar ? choicesOf(exemplar) : null;
  // The line last said at each step, as the transcript is walked: at each choice, the one at its step.
  const saidAt = new Map<string, LocalizedText>();
  const lineBefore = new Map<number, LocalizedText | undefined>();
  for (const e of ctx.transcript) {
    if (e.kind === 'customer') saidAt.set(`${e.container}/${e.step}`, e.text);
    else if (e.kind === 'rep' && !lineBefore.has(e.turn)) lineBefore.set(e.turn, saidAt.get(pointOfOption(e.option)));
  }
  const decisions: Decision[] = [];
  ctx.log.forEach((m, i) => {
    if (m.type !== 'choose') return;
    const point = pointOfOption(m.option);
    const said = lineBefore.get(i + 1);
    const [container = '', step = ''] = point.split('/');
    const lines = graphOf(model, container)?.steps[step]?.lines ?? [];
    decisions.push({
      point,
      stage: repStage.get(i + 1) ?? ctx.stage,
      turn: i + 1,
      chosen: m.option,
      exemplar: choices?.get(point) ?? null,
      line: said ? { variant: variantSaid(lines, said), text: said } : null,
    });
  });
  const leadPlan = ctx.leadPlan
    ? reviewLeadPlan(model.leads, ctx.leadPlan).leads.map((l): LeadDecision => ({ lead: l.lead.id, given: l.given, expected: l.expected, pursued: l.pursued, shouldPursue: l.shouldPursue }))
    : null;

  const ind = score.indicators;
  const lastTime = record.times.slice(0, ctx.log.length).filter((t): t is number => t !== null);
  return {
    attemptId: record.id,
    trainee: record.trainee.trim(),
    scenario: { ...record.scenario },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    lastMoveAt: lastTime.length ? Math.max(...lastTime) : null,
    status: record.status,
    outcome: ctx.ending?.outcome ?? null,
    endedIn: ctx.ending?.stage ?? null,
    stagesReached: STAGES.filter((s) => stages.find((x) => x.stage === s)!.reached),
    overall: { score: score.overall.score, band: score.overall.band, passed: score.overall.passed },
    stages,
    missedKeyActions: score.stages.filter((s) => s.reached).flatMap((s) => s.keyActions.filter((k) => k.turn === null).map((k) => ({ stage: s.stage, id: k.id }))),
    pitfalls: score.stages.flatMap((s) => s.pitfalls.filter((p) => p.turns.length).map((p) => ({ stage: s.stage, id: p.id, turns: [...p.turns] }))),
    indicators: {
      daysPerStage: { ...ind.daysPerStage },
      totalDays: ind.totalDays,
      touches: { ...ind.touchCounts },
      signingToCash: ind.signingToCash,
      moves: ind.moves,
      objections: ind.objectionsRaised.length,
      surprises: ind.surprises.length,
    },
    decisions,
    leadPlan,
    hasExemplar: exemplar !== null,
    rejectedAt,
  };
}

/**
 * The analysis with the exemplar's choice at each decision, when the analysis was made without it
 * (e.g. in a worker that has no expert paths): the same as analysing with `exemplar` from the start.
 */
export function withExemplar(analysis: AttemptAnalysis, exemplar: Exemplar | null): AttemptAnalysis {
  if (!exemplar) return analysis;
  const choices = choicesOf(exemplar);
  return { ...analysis, hasExemplar: true, decisions: analysis.decisions.map((d) => ({ ...d, exemplar: choices.get(d.point) ?? null })) };
}
