/**
 * What a play says that it should not: every line said where what it assumes does not hold, found
 * by playing, independently of the explorer's search (which must report each of them).
 */
import { graphOf, type ScenarioModel } from '../../src/domain/scenario/model';
import type { DrillState, Move } from '../../src/domain/runtime/context';
import { holds } from '../../src/domain/runtime/conditions';
import { initial, isRefusal, legalMoves, step } from '../../src/domain/runtime/engine';
import { expertLeadPlan } from '../../src/domain/runtime/lead-plan';
import { failedTest } from '../../src/domain/explorer/coherence';

/** `container/step:assumes`, `container/step:<variant>` or `container/step:silent` for each wrong line of a move. */
export function wrongLines(model: ScenarioModel, before: DrillState, after: DrillState): string[] {
  const out: string[] = [];
  const t = after.context.transcript;
  for (let i = before.context.transcript.length; i < t.length; i++) {
    const e = t[i]!;
    if (e.kind !== 'customer') continue;
    const s = graphOf(model, e.container)!.steps[e.step]!;
    const ref = `${e.container}/${e.step}`;
    const self = { ref, resumed: !!e.resumed };
    const ctx = e.resumed ? after.context : { ...after.context, reached: after.context.reached.filter((r) => r !== ref) };
    const chosen = s.lines.findIndex((l) => holds(l.when, ctx));
    if (failedTest(model, s.assumes, ctx, self)) out.push(`${ref}:assumes`);
    if (chosen < 0 && s.lines.every((l) => l.when)) out.push(`${ref}:silent`);
    const v = chosen < 0 ? s.lines.length - 1 : chosen;
    if (failedTest(model, s.lines[v]!.assumes, ctx, self)) out.push(`${ref}:${v}`);
  }
  return out;
}

/** Plays `picks` (each modulo the legal moves, waits at most once in a row) from the expert lead plan; the wrong lines said. */
export function playForWrongLines(model: ScenarioModel, seed: number, picks: number[]): string[] {
  const zero = initial(model, seed);
  const first = step(model, zero, { type: 'leads.submit', plan: expertLeadPlan(model.leads) });
  if (isRefusal(first)) return [];
  let s: DrillState = first;
  const out = wrongLines(model, zero, s);
  let waited = false;
  for (const p of picks) {
    if (s.position.phase === 'ended') break;
    const legal = legalMoves(model, s);
    const moves: Move[] = [
      ...legal.options.map((o) => ({ type: 'choose' as const, option: o.id })),
      ...legal.recordable.map((fact) => ({ type: 'record' as const, fact })),
      ...(waited ? [] : legal.waits.map((days) => ({ type: 'wait' as const, days }))),
    ];
    if (!moves.length) break;
    const move = moves[p % moves.length]!;
    const next = step(model, s, move);
    if (isRefusal(next)) break;
    out.push(...wrongLines(model, s, next));
    waited = move.type === 'wait';
    s = next;
  }
  return out;
}
