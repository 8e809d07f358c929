/**
 * A read-only view of an attempt that another tab drives: its saved log replayed through the drill's actor,
 * advanced as the driving tab sends newer copies. Nothing here saves: the driving tab does.
 */
import { createStore } from 'zustand/vanilla';
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import type { Move } from '../domain/runtime/context';
import type { LiveSession, OpenProblem } from './sessions';
import { scenarioFor } from './sessions';

export type FollowedSession = LiveSession & {
  /** Shows a newer copy: plays its further moves, or replays it whole when it is not a continuation. */
  advance(record: AttemptRecord): boolean;
};

const sameMove = (a: Move, b: Move) => JSON.stringify(a) === JSON.stringify(b);

/** A followed attempt, or why it cannot be shown. */
export async function followAttempt(record: AttemptRecord): Promise<{ ok: true; session: FollowedSession } | { ok: false; problem: OpenProblem }> {
  const [found, { replayActor, sendMove }] = await Promise.all([scenarioFor(record), import('../domain/runtime/actor')]);
  if (!found.ok) return found;
  const { entry, scenario } = found;
  const actor = replayActor(scenario.model, record.seed, record.moves);
  if (!actor) return { ok: false, problem: 'does-not-replay' };
  const attempt = createStore<AttemptRecord>()(() => record);
  const session: FollowedSession = {
    model: scenario.model,
    actor,
    attempt,
    scenario,
    entry,
    say: () => undefined,
    explainBack: () => undefined,
    stop: () => actor.stop(),
    advance(next) {
      const log = actor.getSnapshot().context.log;
      const continues = next.seed === record.seed && next.moves.length >= log.length && log.every((m, i) => sameMove(m, next.moves[i]!));
      if (!continues) return false;
      for (const move of next.moves.slice(log.length)) if (!sendMove(actor, move)) return false;
      attempt.setState(next, true);
      return true;
    },
  };
  return { ok: true, session };
}
