/**
 * The second check of an imported attempt file, after `readAttemptFile`: its scenario source compiles,
 * is the scenario it claims to be (hash, id, version), and the event log replays. The result is the
 * record to store, the model and the full recomputed score, or one message saying what is wrong.
 * A re-run that does not give the recorded score is not refused but flagged, for the reader to be told.
 * The compiler is passed in, so this runs in Node and in the browser's lazily loaded import chunk;
 * nothing here stores anything.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { DrillContext } from '../runtime/context';
import type { ScenarioModel } from '../scenario/model';
import { scoreContext, type AttemptScore } from '../scoring/score';
import { checkScores, type ScoreCheck } from '../replay/determinism';
import { play } from '../runtime/engine';
import { type AttemptRecord, type AttemptStatus } from './attempt-record';
import { summarizeScore } from '../scoring/score-summary';
import { attemptFromFile, shownFileName, type AttemptFile, type AttemptFileMessage } from './attempt-file';

/** `compileScenario` from the compiler, or anything with its signature. */
export type CompileScenario = (source: string, file: string) => { model?: ScenarioModel; diagnostics: readonly Diagnostic[] };

export interface VerifyOptions {
  /** The name of the file being imported (messages name it; the record keeps it). */
  fileName: string;
  compile: CompileScenario;
  /** When the import happens (ms since the epoch): stored as `imported.at`. */
  now: number;
}

export interface VerifiedAttempt {
  ok: true;
  /** The record to store: the file's attempt, `imported` set. */
  record: AttemptRecord;
  model: ScenarioModel;
  /** The drill's context at the end of the replayed log. */
  context: DrillContext;
  score: AttemptScore;
  scoreCheck: ScoreCheck;
  /** What the reader must be told plainly before storing (e.g. the score differs); empty when all is as recorded. */
  flags: AttemptFileMessage[];
}

export type AttemptVerification = VerifiedAttempt | { ok: false; error: AttemptFileMessage };

/** The status a drill in `context` should have been saved with. */
export function statusOf(context: DrillContext): AttemptStatus {
  if (!context.ending) return 'in-progress';
  return context.ending.outcome === 'abandoned' ? 'abandoned' : 'finished';
}

/** Checks an attempt file against its own scenario and replays it. Never throws for bad files. */
export function verifyAttemptFile(file: AttemptFile, { fileName, compile, now }: VerifyOptions): AttemptVerification {
  const shown = shownFileName(fileName);
  const fail = (key: AttemptFileMessage['key'], args: AttemptFileMessage['args'] = {}): AttemptVerification => ({ ok: false, error: { key, args: { file: shown, ...args } } });
  const declared = file.scenario;

  const { model, diagnostics } = compile(declared.source, declared.file || `${declared.id}.yaml`);
  if (!model) {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    return fail('attemptFile.verify.does-not-compile', {
      scenario: shownFileName(declared.file || declared.id),
      code: first?.code ?? 'SC000',
      line: first?.line ?? 0,
      column: first?.column ?? 0,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
    });
  }
  if (model.hash !== declared.hash) return fail('attemptFile.verify.hash-mismatch', { declared: declared.hash, actual: model.hash });
  if (model.id !== declared.id) return fail('attemptFile.verify.id-mismatch', { declared: declared.id, actual: model.id });
  if (model.version !== declared.version) return fail('attemptFile.verify.version-mismatch', { declared: declared.version, actual: model.version });

  const { attempt } = file;
  const { state, rejectedAt } = play(model, attempt);
  const { context } = state;
  if (rejectedAt !== null) return fail('attemptFile.verify.not-replayable', { move: rejectedAt + 1, moves: attempt.moves.length });

  const score = scoreContext(model, context);
  const scoreCheck = checkScores(attempt.score, summarizeScore(score));
  const flags: AttemptFileMessage[] = [];
  if (scoreCheck.status === 'differs') flags.push({ key: 'attemptFile.verify.score-differs', args: { file: shown, differences: scoreCheck.differences.length } });
  const replayed = statusOf(context);
  if (replayed !== attempt.status) flags.push({ key: 'attemptFile.verify.status-differs', args: { file: shown, recorded: attempt.status, replayed } });
  if (scoreCheck.status === 'not-recorded' && context.ending) flags.push({ key: 'attemptFile.verify.score-not-recorded', args: { file: shown } });

  const record = attemptFromFile(file, { file: shown.slice(0, 1_000), at: now });
  return { ok: true, record, model, context, score, scoreCheck, flags };
}

/**
 * Wraps a compiler so each distinct scenario source is compiled once: a cohort's files embed the same
 * few scenarios, and one model object also means one drill machine. Keeps the `max` latest sources.
 */
export function memoizeCompile(compile: CompileScenario, max = 16): CompileScenario {
  const cache = new Map<string, ReturnType<CompileScenario>>();
  return (source, file) => {
    let result = cache.get(source);
    if (result) {
      cache.delete(source); // re-insert: the map's order is least recently used first
    } else {
      result = compile(source, file);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, result);
    return result;
  };
}
