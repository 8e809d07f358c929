/**
 * A seeded pseudo-random generator (mulberry32) whose whole state is one 32-bit number, so it lives
 * in the drill's context and survives `getPersistedSnapshot`. Not for cryptography; for replayable
 * surprises. Kept here rather than taken from a library because the state must be plain data.
 */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Turns any integer seed into a generator state. */
export function seedState(seed: number): number {
  return Math.imul(seed | 0, 2654435761) ^ 0x9e3779b9;
}
