/** The moves the explorer tries from a state: every legal move, with waiting capped in a row. */
import type { ScenarioModel } from '../scenario/model';
import type { DrillState, Move } from '../runtime/context';
import { legalMoves } from '../runtime/engine';

/** Every option offered, every fact that can be recorded, and (below the cap) every wait. */
export function candidateMoves(model: ScenarioModel, state: DrillState, waitsInARow: number, maxWaitsInARow: number): Move[] {
  const legal = legalMoves(model, state);
  const moves: Move[] = legal.options.map((o) => ({ type: 'choose' as const, option: o.id }));
  for (const fact of legal.recordable) moves.push({ type: 'record', fact });
  if (waitsInARow < maxWaitsInARow) for (const days of legal.waits) moves.push({ type: 'wait', days });
  return moves;
}
