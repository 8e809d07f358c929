/**
 * The order in which a step's options are shown: shuffled per attempt, so the expert's answer is
 * not always in the same place, but deterministic — a pure function of the attempt's seed and the
 * step — so a reload, a replay or a retry shows the same order. Moves still name options by id, so
 * the order changes nothing in what an event log means.
 */
import type { Position } from './context';
import { nextRandom, seedState } from './rng';

/** A 32-bit FNV-1a hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The key of the step the drill is at (`<stage or objection>/<step>`), or null between steps. */
export function stepKey(position: Position): string | null {
  if (position.phase === 'stage') return `${position.stage}/${position.step}`;
  if (position.phase === 'objection') return `${position.objection}/${position.step}`;
  return null;
}

/**
 * `items` in the order shown at the step `key` of the attempt seeded `seed` (a Fisher–Yates shuffle
 * drawn from the seed and the step). The same seed and step give the same order; the shuffle ranks
 * items by id, so an option hidden by its `when` does not move the others.
 */
export function shuffledFor<T extends { id: string }>(seed: number, key: string, items: readonly T[]): T[] {
  // Sorted by id first: the permutation depends on which items there are, not on the order they come in.
  const out = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let rng = seedState(seed ^ hash(key));
  for (let i = out.length - 1; i > 0; i--) {
    const [roll, next] = nextRandom(rng);
    rng = next;
    const j = Math.floor(roll * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The options offered at `position`, in the order the trainee sees them. */
export function shownOptions<T extends { id: string }>(seed: number, position: Position, options: readonly T[]): T[] {
  const key = stepKey(position);
  return key === null ? [...options] : shuffledFor(seed, key, options);
}
