/**
 * A realistic cohort for the dashboard's tests and benchmark: attempts played through the real engine
 * by simulated trainees who follow the expert path more closely as they practise, on several
 * scenarios, spread over weeks. Deterministic for a given seed. Each attempt is analysed exactly as
 * an imported attempt file is.
 */
import { statusOf } from '../../domain/attempts/verify-attempt-file';
import { newAttemptRecord, withMoves } from '../../domain/attempts/new-attempt';
import { analyzeAttempt, type AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { DrillState, Move } from '../../domain/runtime/context';
import { initial, isRefusal, legalMoves, step } from '../../domain/runtime/engine';
import type { ScenarioModel } from '../../domain/scenario/model';
import { expertLeadPlan } from '../../domain/runtime/lead-plan';

export interface SampleScenario {
  model: ScenarioModel;
  exemplar: Exemplar;
}

export interface SampleCohortOptions {
  scenarios: readonly SampleScenario[];
  trainees: readonly string[];
  attempts: number;
  /** When the first attempt starts (ms since the epoch); the rest follow over `days`. */
  start: number;
  days: number;
  seed?: number;
  /** Id prefix, so that two sample cohorts never share attempt ids. */
  prefix?: string;
}

const HOUR = 3_600_000;
const MAX_MOVES = 400;

/** mulberry32: a small seeded generator, so a sample cohort is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Plays one attempt. On the exemplar's own seed the trainee keeps to the expert's moves with
 * probability `skill` per move; once off the path (or on another seed) they pick at random, taking
 * the expert's option at a step when they recognise it (again with probability `skill`). A few
 * attempts stop early and stay in progress.
 */
function playAttempt(s: SampleScenario, seed: number, skill: number, stopAt: number, rnd: () => number): { moves: Move[]; snapshot: DrillState } {
  const { model, exemplar } = s;
  const expertOption = new Map<string, string>();
  for (const m of exemplar.moves) if (m.type === 'choose') expertOption.set(m.option.slice(0, m.option.lastIndexOf('/')), m.option);
  let onPath = seed === exemplar.seed;
  let snapshot = initial(model, seed);
  const moves: Move[] = [];
  const play = (move: Move) => {
    const next = step(model, snapshot, move);
    if (isRefusal(next)) return false;
    snapshot = next;
    moves.push(move);
    return true;
  };
  play({ type: 'leads.submit', plan: expertLeadPlan(model.leads) });
  while (snapshot.position.phase !== 'ended' && moves.length < Math.min(stopAt, MAX_MOVES)) {
    const expert = onPath ? exemplar.moves[moves.length] : undefined;
    if (expert && rnd() < skill && play(expert)) continue;
    onPath = false;
    const { position, options, waits, recordable } = legalMoves(model, snapshot);
    const point = position.phase === 'stage' ? `${position.stage}/${position.step}` : position.phase === 'objection' ? `${position.objection}/${position.step}` : '';
    const known = options.find((o) => o.id === expertOption.get(point));
    if (recordable.length && rnd() < skill) play({ type: 'record', fact: recordable[0]! });
    else if (known && rnd() < skill) play({ type: 'choose', option: known.id });
    else if (options.length && (!waits.length || rnd() < 0.85)) play({ type: 'choose', option: options[Math.floor(rnd() * options.length)]!.id });
    else if (waits.length) play({ type: 'wait', days: waits[Math.floor(rnd() * waits.length)]! });
    else break;
  }
  return { moves, snapshot };
}

/** Plays and analyses a cohort's attempts, oldest first. */
export function sampleCohort({ scenarios, trainees, attempts, start, days, seed = 1, prefix = 'sample' }: SampleCohortOptions): AttemptAnalysis[] {
  const rnd = random(seed);
  const practice = new Map<string, number>();
  const talent = new Map(trainees.map((t) => [t, rnd() * 0.3]));
  const out: AttemptAnalysis[] = [];
  for (let i = 0; i < attempts; i++) {
    const trainee = trainees[Math.floor(rnd() * trainees.length)]!;
    const s = scenarios[Math.floor(rnd() * scenarios.length)]!;
    const tries = practice.get(trainee) ?? 0;
    practice.set(trainee, tries + 1);
    const skill = Math.min(0.95, 0.25 + talent.get(trainee)! + tries * 0.03);
    const gameSeed = rnd() < 0.5 ? s.exemplar.seed : Math.floor(rnd() * 1_000_000);
    const stopAt = rnd() < 0.06 ? 3 + Math.floor(rnd() * 10) : Infinity;
    const { moves, snapshot } = playAttempt(s, gameSeed, skill, stopAt, rnd);
    const createdAt = Math.round(start + (i / attempts) * days * 24 * HOUR + rnd() * 8 * HOUR);
    const base = newAttemptRecord({ id: `${prefix}-${String(i + 1).padStart(4, '0')}`, scenario: s.model, seed: gameSeed, now: createdAt, trainee });
    const record = { ...withMoves(base, moves, createdAt + HOUR), status: statusOf(snapshot.context), updatedAt: createdAt + HOUR };
    out.push(analyzeAttempt(s.model, record, s.exemplar, snapshot.context));
  }
  return out;
}
