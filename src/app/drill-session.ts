/**
 * The glue between a running drill (XState actor) and the attempts library: every accepted move is
 * saved as the attempt's event log, with the trainee's own words and explain-backs, so closing the
 * tab loses nothing; when the drill ends the score is saved with it. Continuing replays the saved log
 * through the engine to the same point.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StageId } from '../domain/ltc/stages';
import type { ScenarioModel } from '../domain/scenario/model';
import { replayActor, startActor, type DrillActor } from '../domain/runtime/actor';
import { scoreContext } from '../domain/scoring/score';
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import { finishedRecord, newAttemptRecord } from '../domain/attempts/new-attempt';
import { recordDraft, recordExplainBack, recordMoves, recordWords } from '../domain/attempts/reflection';
import { movesBefore, retryRecord } from '../domain/attempts/retry';
import { attemptsStore } from '../state/attempts/use-attempts';
import { randomId } from '../state/random-id';

export interface DrillSession {
  model: ScenarioModel;
  actor: DrillActor;
  /** The attempt as saved, updated after every move, answer and explain-back. */
  attempt: StoreApi<AttemptRecord>;
  /** Keeps the trainee's own words for the step on screen (`turn`: the next move's number). */
  say(turn: number, text: string): void;
  /** Keeps (or replaces) the explain-back of `stage`. */
  explainBack(stage: StageId, text: string, skipped: boolean): void;
  /** Keeps the words being written (saved shortly after typing pauses). */
  draft(draft: AttemptRecord['draft']): void;
  stop(): void;
}

/** How long typing must pause before a draft is saved. */
const DRAFT_SAVE_DELAY = 400;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! | 0;
}

function track(model: ScenarioModel, actor: DrillActor, initial: AttemptRecord): DrillSession {
  const attempt = createStore<AttemptRecord>()(() => initial);
  const save = () => {
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'done') {
      // The session's copy ends too (status and score), so what is exported from the debrief is the finished attempt.
      attempt.setState(finishedRecord(attempt.getState(), scoreContext(model, snapshot.context)), true);
      void attemptsStore.getState().update(attempt.getState());
    } else void attemptsStore.getState().saveProgress(attempt.getState());
  };
  let saved = initial.moves.length;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  const subscription = actor.subscribe((snapshot) => {
    const log = snapshot.context.log;
    if (log.length === saved) return;
    saved = log.length;
    attempt.setState(recordMoves(attempt.getState(), log, Date.now()), true);
    save();
  });
  return {
    model,
    actor,
    attempt,
    say(turn, text) {
      attempt.setState(recordWords(attempt.getState(), turn, text), true);
      save();
    },
    explainBack(stage, text, skipped) {
      attempt.setState(recordExplainBack(attempt.getState(), stage, text, skipped), true);
      save();
    },
    draft(draft) {
      attempt.setState(recordDraft(attempt.getState(), draft), true);
      // Saved once typing pauses, not at every key.
      clearTimeout(draftTimer);
      draftTimer = setTimeout(save, DRAFT_SAVE_DELAY);
    },
    stop: () => {
      clearTimeout(draftTimer);
      subscription.unsubscribe();
    },
  };
}

/** Starts a new attempt at `model` with a fresh random seed, saved from the first move on. */
export function startSession(model: ScenarioModel, trainee: string): DrillSession {
  const seed = randomSeed();
  const record = newAttemptRecord({ id: randomId(), scenario: model, seed, now: Date.now(), trainee });
  void attemptsStore.getState().saveProgress(record);
  return track(model, startActor(model, seed), record);
}

/**
 * Starts a retry of `original` from its move `turn`: a new attempt on the same seed whose moves before
 * `turn` are replayed by the engine, live from there; null when they no longer replay.
 */
export function retrySession(model: ScenarioModel, original: AttemptRecord, turn: number): DrillSession | null {
  const actor = replayActor(model, original.seed, movesBefore(original, turn));
  if (!actor) return null;
  const stages = actor.getSnapshot().context.stageLog.map((s) => s.stage);
  const record = retryRecord(original, turn, { id: randomId(), now: Date.now(), finished: stages.slice(0, -1) });
  void attemptsStore.getState().saveProgress(record);
  return track(model, actor, record);
}

/** Continues a saved attempt: replays its log; null when the log no longer fits the scenario. */
export function continueSession(model: ScenarioModel, record: AttemptRecord): DrillSession | null {
  const actor = replayActor(model, record.seed, record.moves);
  return actor && track(model, actor, record);
}
