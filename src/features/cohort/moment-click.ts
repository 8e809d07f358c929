/**
 * One click handler per table or list, instead of one closure per cell: a button that opens a replay
 * carries the attempt and the move in `data-attempt` and `data-turn`.
 */
import type { MouseEvent } from 'react';

export type OpenMoment = (attemptId: string, turn: number) => void;

/** Calls `open` when the click landed on (or inside) a moment button. */
export function momentClick(e: MouseEvent, open: OpenMoment): void {
  const button = (e.target as Element).closest<HTMLElement>('button[data-attempt][data-turn]');
  if (!button || !e.currentTarget.contains(button)) return;
  const turn = Number(button.dataset.turn);
  if (button.dataset.attempt && Number.isInteger(turn)) open(button.dataset.attempt, turn);
}
