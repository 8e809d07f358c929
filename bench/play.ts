/** Random play-throughs of a compiled scenario on the engine, as the scorer and the cohort play logs. */
import type { ScenarioModel } from '../src/domain/scenario/model';
import type { DrillState, LeadPlan, Move } from '../src/domain/runtime/context';
import { initial, isRefusal, legalMoves, step } from '../src/domain/runtime/engine';
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
  let state: DrillState = initial(model, seed);
  // Each state is dropped once the next is made, so moves may grow the histories in place.
  const send = (move: Move) => {
    const next = step(model, state, move, true);
    if (isRefusal(next)) return false;
    state = next;
    return true;
  };
  send({ type: 'leads.submit', plan });
  let choices = 0;
  let waits = 0;
  for (;;) {
    const moves = legalMoves(model, state);
    if (moves.position.phase === 'ended') return { choices, waits, ending: moves.position.ending.outcome, capped: false };
    if (choices + waits >= cap) return { choices, waits, ending: 'capped', capped: true };
    const { options } = moves;
    if (options.length) {
      if (!send({ type: 'choose', option: options[Math.floor(random() * options.length)]!.id })) return { choices, waits, ending: 'rejected', capped: true };
      choices++;
    } else if (moves.waits.length) {
      if (!send({ type: 'wait', days: Math.min(...moves.waits) })) return { choices, waits, ending: 'rejected', capped: true };
      waits++;
    } else return { choices, waits, ending: 'stuck', capped: true };
  }
}
