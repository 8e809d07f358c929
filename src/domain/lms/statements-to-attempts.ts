/**
 * Attempts rebuilt from the statements an LRS holds (see statements.ts): statements are grouped by
 * the attempt they carry, the move log is read back in order from the move statements, explain-backs
 * and the recorded score from theirs, and each attempt becomes an attempt file, which the caller
 * checks like any imported file (`readAttemptFile`, `verifyAttemptFile`). Statements of other
 * profiles are ignored; an attempt whose statements do not fit together is named with the reason.
 */
import type { Statement } from '@xapi/xapi';
import { STAGES, type StageId } from '../ltc/stages';
import type { Move } from '../runtime/context';
import type { AttemptRecord } from '../attempts/attempt-record';
import { ATTEMPT_FILE_FORMAT, ATTEMPT_FILE_VERSION, type AttemptFile } from '../attempts/attempt-file';
import type { ScoreSummary } from '../scoring/score-summary';
import { CONTEXT, PROFILE, RESULT, VERBS } from './xapi-profile';

/** A scenario's source by content hash (the library's or one kept with attempts). */
export type SourceOf = (hash: string) => { file: string; source: string } | null;

export type RebuiltAttempt =
  | { ok: true; attemptId: string; trainee: string; file: AttemptFile; statements: number }
  | { ok: false; attemptId: string; trainee: string; problem: 'scenario-unknown' | 'no-moves' | 'mixed-scenarios'; scenario: string };

interface AttemptScenario {
  id: string;
  version: string;
  hash: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const ours = (s: Statement) => (s.context?.contextActivities?.category ?? []).some((c) => c.id === PROFILE);
const ms = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : null;
};

/** The attempt-level facts every statement of the profile carries. */
function facts(s: Statement) {
  const e = s.context?.extensions ?? {};
  const scenario = e[CONTEXT.scenario];
  const attempt = e[CONTEXT.attempt];
  if (typeof attempt !== 'string' || !isRecord(scenario)) return null;
  const { id, version, hash } = scenario;
  if (typeof id !== 'string' || typeof version !== 'string' || typeof hash !== 'string') return null;
  return {
    attempt,
    scenario: { id, version, hash } as AttemptScenario,
    seed: e[CONTEXT.seed],
    createdAt: e[CONTEXT.createdAt],
    trainee: typeof e[CONTEXT.trainee] === 'string' ? (e[CONTEXT.trainee] as string) : '',
  };
}

/**
 * The attempts in `statements` (any order, duplicates and other statements allowed) as attempt files.
 * `now` stamps the files' `exportedAt`. Values are taken as they are: the file checks judge them.
 */
export function attemptsFromStatements(statements: readonly Statement[], sourceOf: SourceOf, now: number): RebuiltAttempt[] {
  const groups = new Map<string, Statement[]>();
  const seen = new Set<string>();
  for (const s of statements) {
    if (!ours(s)) continue;
    if (s.id && seen.has(s.id)) continue;
    if (s.id) seen.add(s.id);
    const f = facts(s);
    if (!f) continue;
    const list = groups.get(f.attempt) ?? [];
    list.push(s);
    groups.set(f.attempt, list);
  }
  const out: RebuiltAttempt[] = [];
  for (const [attemptId, list] of groups) out.push(rebuild(attemptId, list, sourceOf, now));
  return out.sort((a, b) => a.trainee.localeCompare(b.trainee) || a.attemptId.localeCompare(b.attemptId));
}

function rebuild(attemptId: string, list: Statement[], sourceOf: SourceOf, now: number): RebuiltAttempt {
  const first = facts(list[0]!)!;
  const scenarioKey = (x: AttemptScenario) => `${x.id}@${x.version}#${x.hash}`;
  const trainee = first.trainee;
  if (list.some((s) => scenarioKey(facts(s)!.scenario) !== scenarioKey(first.scenario))) {
    return { ok: false, attemptId, trainee, problem: 'mixed-scenarios', scenario: first.scenario.id };
  }
  const moves = new Map<number, { move: Move; time: number | null; words: string | null }>();
  const explainBacks = new Map<StageId, { text: string; skipped: boolean; at: number }>();
  let summary: ScoreSummary | null = null;
  let ended = false;
  let updatedAt = typeof first.createdAt === 'number' ? first.createdAt : 0;
  for (const s of list) {
    const e = s.context?.extensions ?? {};
    const r = s.result?.extensions ?? {};
    const time = ms(s.timestamp);
    if (time !== null) updatedAt = Math.max(updatedAt, time);
    const index = e[CONTEXT.moveIndex];
    if (typeof index === 'number' && Number.isInteger(index) && index >= 1 && isRecord(e[CONTEXT.move]) && !moves.has(index)) {
      moves.set(index, { move: e[CONTEXT.move] as unknown as Move, time, words: typeof r[RESULT.words] === 'string' ? (r[RESULT.words] as string) : null });
    }
    if (s.verb.id === VERBS.responded) {
      const stage = e[CONTEXT.stage];
      if (typeof stage === 'string' && (STAGES as readonly string[]).includes(stage)) {
        const at = time ?? 0;
        const known = explainBacks.get(stage as StageId);
        if (!known || known.at <= at) explainBacks.set(stage as StageId, { text: s.result?.response ?? '', skipped: r[RESULT.skipped] === true, at });
      }
    }
    if ((s.verb.id === VERBS.completed || s.verb.id === VERBS.passed || s.verb.id === VERBS.failed || s.verb.id === VERBS.terminated) && RESULT.scoreSummary in r) {
      summary = r[RESULT.scoreSummary] as ScoreSummary;
      ended = true;
    }
  }
  // The log is the unbroken run of moves from the first: a move not yet received ends it.
  const log: { move: Move; time: number | null; words: string | null }[] = [];
  for (let i = 1; moves.has(i); i++) log.push(moves.get(i)!);
  if (!log.length) return { ok: false, attemptId, trainee, problem: 'no-moves', scenario: first.scenario.id };
  const source = sourceOf(first.scenario.hash);
  if (!source) return { ok: false, attemptId, trainee, problem: 'scenario-unknown', scenario: `${first.scenario.id} ${first.scenario.version}` };
  const complete = ended && log.length === moves.size;
  const status: AttemptRecord['status'] = complete ? (summary?.outcome === 'abandoned' ? 'abandoned' : 'finished') : 'in-progress';
  const createdAt = typeof first.createdAt === 'number' ? first.createdAt : (log[0]!.time ?? 0);
  const file: AttemptFile = {
    format: ATTEMPT_FILE_FORMAT,
    version: ATTEMPT_FILE_VERSION,
    exportedAt: now,
    attempt: {
      id: attemptId,
      createdAt,
      updatedAt: Math.max(updatedAt, createdAt),
      status,
      trainee,
      seed: first.seed as number,
      moves: log.map((m) => m.move),
      times: log.map((m) => m.time),
      freeText: log.flatMap((m, i) => (m.words !== null ? [{ turn: i + 1, text: m.words }] : [])),
      explainBacks: STAGES.flatMap((stage) => {
        const b = explainBacks.get(stage);
        return b ? [{ stage, text: b.text, skipped: b.skipped }] : [];
      }),
      score: complete ? summary : null,
      coaching: null,
      // Statements report neither a retry's origin nor words not yet submitted.
      retryOf: null,
      draft: null,
    },
    scenario: { ...first.scenario, file: source.file, source: source.source },
  };
  return { ok: true, attemptId, trainee, file, statements: list.length };
}
