/** Attempts at the feature tour, played through the real engine, for the debrief tests. */
import type { DrillContext, Move } from '../../domain/runtime/context';
import { replay } from '../../domain/runtime/drill';
import { explore } from '../../domain/explorer/explore';
import type { ScenarioModel } from '../../domain/scenario/model';
import { expertPlan } from '../../../test/support/load';
import type { Exemplar } from '../../domain/explorer/exemplar';

export function exemplarOf(model: ScenarioModel): Exemplar {
  const found = explore(model).exemplar;
  if (!found) throw new Error('the explorer found no expert path');
  return { seed: found.seed, moves: found.moves };
}

export function play(model: ScenarioModel, seed: number, moves: readonly Move[]): DrillContext {
  const { drill, rejectedAt } = replay(model, seed, moves);
  if (rejectedAt !== null) throw new Error(`move ${rejectedAt} was rejected`);
  return drill.context();
}

/** Reads the product sheet (two pitfalls, and a too-soon call), then pushes the sale and is hung up on. */
export function lostRun(model: ScenarioModel): DrillContext {
  const options = ['first-contact/intro/2', 'first-contact/intro/1', 'discovery/ask/3', 'too-early/first/2', 'pushy/first/2'];
  return play(model, 7, [{ type: 'leads.submit', plan: expertPlan(model) }, ...options.map((option) => ({ type: 'choose' as const, option }))]);
}
