/**
 * The cohort lead's coaching as pure updates: each returns the whole new value, stamped `now`, for the
 * host to save. Comments have no id of their own, so they are addressed by their place in the list.
 */
import type { Coaching } from '../../domain/attempts/attempt-record';
import type { StageId } from '../../domain/ltc/stages';

/** The saved format's limits (see the attempt record schema): longer input is cut, never refused. */
export const MAX_COMMENT = 100_000;
export const MAX_COACH_NAME = 200;

const clip = (text: string, max: number) => text.slice(0, max);

/** Coaching before anything is written, signed by `coach`. */
export function emptyCoaching(coach: string, now: number): Coaching {
  return { coach: clip(coach, MAX_COACH_NAME), feedback: '', comments: [], ratings: [], updatedAt: now };
}

/** Adds a comment on move `turn` (from 1). */
export function addComment(c: Coaching, turn: number, text: string, now: number): Coaching {
  return { ...c, comments: [...c.comments, { turn, text: clip(text, MAX_COMMENT), at: now }], updatedAt: now };
}

/** Rewrites the comment at `index`; its time becomes the time of the edit. */
export function editComment(c: Coaching, index: number, text: string, now: number): Coaching {
  return { ...c, comments: c.comments.map((m, i) => (i === index ? { ...m, text: clip(text, MAX_COMMENT), at: now } : m)), updatedAt: now };
}

/** Deletes the comment at `index`. */
export function deleteComment(c: Coaching, index: number, now: number): Coaching {
  return { ...c, comments: c.comments.filter((_, i) => i !== index), updatedAt: now };
}

/** Rates the explain-back of `stage` 1–5 stars, or clears its rating (`null`). */
export function rateExplainBack(c: Coaching, stage: StageId, rating: 1 | 2 | 3 | 4 | 5 | null, now: number): Coaching {
  const others = c.ratings.filter((r) => r.stage !== stage);
  return { ...c, ratings: rating === null ? others : [...others, { stage, rating }], updatedAt: now };
}

/** Sets the overall feedback and the name it is signed with. */
export function setFeedback(c: Coaching, coach: string, feedback: string, now: number): Coaching {
  return { ...c, coach: clip(coach.trim(), MAX_COACH_NAME), feedback: clip(feedback, MAX_COMMENT), updatedAt: now };
}

/** The rating of `stage`'s explain-back, or null. */
export function ratingOf(c: Coaching | null, stage: StageId): number | null {
  return c?.ratings.find((r) => r.stage === stage)?.rating ?? null;
}

/** The comments in move order (then oldest first), each with its place in the saved list. */
export function commentsInOrder(c: Coaching | null): { index: number; turn: number; text: string; at: number }[] {
  return (c?.comments ?? []).map((m, index) => ({ ...m, index })).sort((a, b) => a.turn - b.turn || a.at - b.at || a.index - b.index);
}
