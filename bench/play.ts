/** Random play-throughs of a compiled scenario with the real drill API. */
import type { ScenarioModel } from '../src/domain/scenario/model';
import type { LeadPlan } from '../src/domain/runtime/context';
import { startDrill } from '../src/domain/runtime/drill';
import { expertLeadPlan } from '../src/domain/runtime/lead-plan';

export interface GameResult {
  /** Options chosen (waits and the lead plan are not counted). */
  choices: number;
  waits: number;
  ending: string;
  capped: boolean;
}

/**
 * Plays one game to its end: submits the expert lead plan, then picks a random legal option among
 * `drill.moves().options` until the drill ends. When no option is offered (every `when` fails) it
 * waits the shortest wait, as a trainee would. `cap` bounds loops in hand-written scenarios.
 */
export function playOurs(model: ScenarioModel, seed: number, random: () => number, cap = 5_000, plan: LeadPlan = expertLeadPlan(model.leads)): GameResult {
  const drill = startDrill(model, seed);
  drill.send({ type: 'leads.submit', plan });
  let choices = 0;
  let waits = 0;
  for (;;) {
    const moves = drill.moves();
    if (moves.position.phase === 'ended') return { choices, waits, ending: moves.position.ending.outcome, capped: false };
    if (choices + waits >= cap) return { choices, waits, ending: 'capped', capped: true };
    const { options } = moves;
    if (options.length) {
      if (!drill.send({ type: 'choose', option: options[Math.floor(random() * options.length)]!.id })) return { choices, waits, ending: 'rejected', capped: true };
      choices++;
    } else if (moves.waits.length) {
      if (!drill.send({ type: 'wait', days: Math.min(...moves.waits) })) return { choices, waits, ending: 'rejected', capped: true };
      waits++;
    } else return { choices, waits, ending: 'stuck', capped: true };
  }
}
