/** Plays a drill with moves picked by index from a list of numbers (what fast-check generates). */
import type { ScenarioModel } from '../../src/domain/scenario/model';
import type { Move } from '../../src/domain/runtime/context';
import { startDrill, type Drill } from '../../src/domain/runtime/drill';
import { expertLeadPlan } from '../../src/domain/runtime/lead-plan';

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
    if (d.ended()) return;
    if (i === abandonAt) {
      d.send({ type: 'abandon' });
      return;
    }
    const moves = legalMoves(d);
    if (moves.length) d.send(moves[p % moves.length]!);
  });
  return d;
}

/** A drill of `model` (seed 3) after the expert's lead plan and then these options, each of which must be legal. */
export function playOptions(model: ScenarioModel, options: string[]): Drill {
  const d = startDrill(model, 3);
  d.send({ type: 'leads.submit', plan: expertLeadPlan(model.leads) });
  for (const o of options) if (!d.send({ type: 'choose', option: o })) throw new Error(`option ${o} is not legal here`);
  return d;
}
