/** An expert path: a seed and the moves the explorer found best from it. */
import type { Move } from '../runtime/context';

export interface Exemplar {
  seed: number;
  moves: readonly Move[];
}
