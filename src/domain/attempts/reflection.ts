/**
 * The trainee's own words around the simulation: "say it your way first" before choosing an option,
 * and an explain-back at the end of each stage (the Feynman step). Neither changes the drill; they are
 * kept with the attempt, and these pure rules say which one is due.
 */
import type { StageId } from '../ltc/stages';
import type { DrillContext, Move } from '../runtime/context';
import type { AttemptRecord } from './attempt-record';
import { withMoves } from './new-attempt';

type FreeText = AttemptRecord['freeText'][number];
type ExplainBack = AttemptRecord['explainBacks'][number];

/** The turn (1-based move number) of the last option chosen, 0 before any. */
export function lastChoiceTurn(log: readonly Move[]): number {
  return log.findLastIndex((m) => m.type === 'choose') + 1;
}

/**
 * The words written for the step now on screen: an entry after the last option chosen (waits and
 * records in between do not answer the step). Null when the trainee has not written yet.
 */
export function wordsForCurrentStep(log: readonly Move[], freeText: readonly FreeText[]): FreeText | null {
  const after = lastChoiceTurn(log);
  return freeText.findLast((f) => f.turn > after) ?? null;
}

/**
 * The free-text entries once the option numbered `turn` is chosen: the words written for this step
 * move to that turn, so the transcript shows them beside the option they led to.
 */
export function attachWordsToChoice(log: readonly Move[], freeText: readonly FreeText[], turn: number): FreeText[] {
  const words = wordsForCurrentStep(log, freeText);
  if (!words || words.turn === turn) return [...freeText];
  return [...freeText.filter((f) => f !== words), { turn, text: words.text }];
}

/**
 * The stage whose explain-back is due: the first stage the drill has left (or ended in, unless it
 * was abandoned) without one. Null when none is due.
 */
export function dueExplainBack(ctx: Pick<DrillContext, 'stageLog' | 'ending'>, explainBacks: readonly ExplainBack[]): StageId | null {
  const done = new Set(explainBacks.map((e) => e.stage));
  const visited = ctx.stageLog.map((s) => s.stage);
  const finished = ctx.ending && ctx.ending.outcome !== 'abandoned' ? visited : visited.slice(0, -1);
  return finished.find((s) => !done.has(s)) ?? null;
}

/**
 * The attempt after the drill's log grew to `log`: new moves stamped `now`, and words written for a
 * step moved beside the option it was answered with.
 */
export function recordMoves(record: AttemptRecord, log: readonly Move[], now: number): AttemptRecord {
  const chose = log.length > record.moves.length && log[log.length - 1]?.type === 'choose';
  const freeText = chose ? attachWordsToChoice(record.moves, record.freeText, log.length) : record.freeText;
  return { ...withMoves(record, log, now), freeText };
}

/** The attempt with the trainee's words for the step on screen (`turn`: the next move's number); the draft is done with. */
export function recordWords(record: AttemptRecord, turn: number, text: string): AttemptRecord {
  return { ...record, freeText: [...record.freeText.filter((f) => f.turn !== turn), { turn, text }], draft: null };
}

/** The attempt with the explain-back of `stage` (replacing an earlier one); the draft is done with. */
export function recordExplainBack(record: AttemptRecord, stage: StageId, text: string, skipped: boolean): AttemptRecord {
  return { ...record, explainBacks: [...record.explainBacks.filter((e) => e.stage !== stage), { stage, text, skipped }], draft: null };
}

type Draft = NonNullable<AttemptRecord['draft']>;

/** The attempt with the words being written kept as its draft (none when empty). */
export function recordDraft(record: AttemptRecord, draft: Draft | null): AttemptRecord {
  return { ...record, draft: draft && draft.text ? draft : null };
}

/** The draft text for the say-first answer of `turn`, or for the explain-back of `stage` ('' when there is none). */
export function draftFor(draft: AttemptRecord['draft'] | undefined, at: { turn: number } | { stage: StageId }): string {
  if (!draft) return '';
  if ('turn' in at) return draft.kind === 'say-first' && draft.turn === at.turn ? draft.text : '';
  return draft.kind === 'explain-back' && draft.stage === at.stage ? draft.text : '';
}
