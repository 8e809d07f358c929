/** Plays a drill with moves picked by index from a list of numbers (what fast-check generates). */
import type { ScenarioModel } from '../../src/domain/scenario/model';
import type { Move } from '../../src/domain/runtime/context';
import { startDrill, type Drill } from '../../src/domain/runtime/drill';
import { expertLeadPlan } from '../../src/domain/scoring/lead-plan';

export function legalMoves(d: Drill): Move[] {
  const m = d.moves();
  return [
    ...m.options.map((o) => ({ type: 'choose' as const, option: o.id })),
    ...m.recordable.map((fact) => ({ type: 'record' as const, fact })),
    ...m.waits.map((days) => ({ type: 'wait' as const, days })),
  ];
}

/** Plays `picks` (each taken modulo the number of legal moves) until they run out or the drill ends. */
export function playPicks(model: ScenarioModel, seed: number, picks: number[], abandonAt = -1): Drill {
  const d = startDrill(model, seed);
  d.send({ type: 'leads.submit', plan: expertLeadPlan(model.leads) });
  picks.forEach((p, i) => {
    if (d.snapshot().status === 'done') return;
    if (i === abandonAt) {
      d.send({ type: 'abandon' });
      return;
    }
    const moves = legalMoves(d);
    if (moves.length) d.send(moves[p % moves.length]!);
  });
  return d;
}
