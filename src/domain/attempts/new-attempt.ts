/**
 * Making and updating attempt records: plain functions without the schema, so the app's first
 * screen can save attempts without loading the validator (attempt-record.ts), which is loaded when
 * saved data is read.
 */
import type { Move } from '../runtime/context';
import type { AttemptScore } from '../scoring/score';
import { summarizeScore } from '../scoring/score-summary';
import type { AttemptRecord } from './attempt-record';
import { ATTEMPT_FORMAT, ATTEMPT_VERSION } from './attempt-format';

export interface NewAttempt {
  id: string;
  scenario: { id: string; version: string; hash: string };
  seed: number;
  now: number;
  trainee?: string;
  /** The attempt this one retries, from which move. */
  retryOf?: AttemptRecord['retryOf'];
}

/** A fresh in-progress attempt with an empty log. */
export function newAttemptRecord({ id: attemptId, scenario, seed, now, trainee = '', retryOf = null }: NewAttempt): AttemptRecord {
  return {
    format: ATTEMPT_FORMAT,
    version: ATTEMPT_VERSION,
    id: attemptId,
    createdAt: now,
    updatedAt: now,
    status: 'in-progress',
    scenario: { id: scenario.id, version: scenario.version, hash: scenario.hash },
    trainee,
    seed,
    moves: [],
    times: [],
    freeText: [],
    explainBacks: [],
    imported: null,
    coaching: null,
    retryOf,
    draft: null,
  };
}

/**
 * The record with its event log brought up to `moves` (the drill's log, which only grows): moves not
 * yet saved are stamped `now`; the times of moves already saved are kept.
 */
export function withMoves(record: AttemptRecord, moves: readonly Move[], now: number): AttemptRecord {
  const times = record.times.slice(0, moves.length);
  while (times.length < moves.length) times.push(now);
  return { ...record, moves: [...moves], times };
}

/** The record of an attempt that has ended: finished (or abandoned) with its score summary. */
export function finishedRecord(record: AttemptRecord, score: AttemptScore): AttemptRecord {
  const status = score.outcome?.outcome === 'abandoned' ? 'abandoned' : 'finished';
  return { ...record, status, score: summarizeScore(score) };
}
