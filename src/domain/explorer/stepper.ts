/** Stepping the real drill machine cheaply, and the moves worth trying from a state. */
import { createActor, type AnyActorScope } from 'xstate';
import type { StageId } from '../ltc/stages';
import type { ScenarioModel } from '../scenario/model';
import type { Move, TranscriptEntry } from '../runtime/context';
import { availableMoves, machineFor } from '../runtime/drill';
import type { DrillSnapshot } from '../runtime/machine';

export type Send = (snap: DrillSnapshot, move: Move) => DrillSnapshot | null;

/**
 * A pure step through the model's machine. XState's `transition()` builds a throwaway actor on
 * every call (~5× the cost of the step itself); our actions are all `assign`s, so the scope of one
 * never-started actor serves every step. Returns null when the move is not legal.
 */
export function makeSend(model: ScenarioModel): Send {
  const machine = machineFor(model);
  const scope = (createActor(machine, { input: { seed: 0 } }) as unknown as { _actorScope: AnyActorScope })._actorScope;
  return (snap, move) => {
    const next = machine.transition(snap, move, scope) as DrillSnapshot;
    return next.context.log.length > snap.context.log.length ? next : null;
  };
}

/**
 * The moves worth trying: every option offered; recording the first recordable fact (recording
 * never hurts, so one canonical order reaches all that any order does); and, before a touch that
 * would come too soon, the shortest wait that brings the gap into the customer's comfort window
 * (waiting longer only risks a "too long" silence and more surprise draws).
 */
export function candidateMoves(model: ScenarioModel, snap: DrillSnapshot, waitsInARow: number): Move[] {
  const avail = availableMoves(model, snap);
  const c = snap.context;
  const record = avail.recordable.slice().sort().slice(0, 1);
  const gap = c.lastTouch ? c.day - c.lastTouch.day : null;
  const touchNow = avail.options.some((o) => o.effects.channel && o.effects.channel !== 'wait' && !o.effects.days);
  const { tooSoon, tooLong } = model.cadence;
  const wait =
    gap !== null && touchNow && gap < tooSoon.days && waitsInARow === 0
      ? avail.waits.filter((w) => gap + w >= tooSoon.days && gap + w <= tooLong.days).sort((a, b) => a - b)[0]
      : undefined;
  return [
    ...avail.options.map((o) => ({ type: 'choose' as const, option: o.id })),
    ...record.map((fact) => ({ type: 'record' as const, fact })),
    ...(wait !== undefined ? [{ type: 'wait' as const, days: wait }] : []),
  ];
}

/** Checklist progress a move made: entries appended to the transcript, by the stage they count for. */
export function progressOf(
  before: readonly TranscriptEntry[],
  after: readonly TranscriptEntry[],
  recordItems: ReadonlyMap<StageId, string[]>,
): { stage: StageId; shown: string[]; committed: string[]; objections: string[] }[] {
  const out = new Map<StageId, { stage: StageId; shown: string[]; committed: string[]; objections: string[] }>();
  for (let i = before.length; i < after.length; i++) {
    const e = after[i]!;
    let p = out.get(e.stage);
    if (!p) out.set(e.stage, (p = { stage: e.stage, shown: [], committed: [], objections: [] }));
    if (e.kind === 'rep') {
      p.shown.push(...e.shows);
      p.committed.push(...e.commits);
    } else if (e.kind === 'record') p.shown.push(...(recordItems.get(e.stage) ?? []));
    else if (e.kind === 'objection') p.objections.push(e.objection);
  }
  return [...out.values()];
}
