/**
 * The step-graph pass, per stage and objection, ignoring guards: every step reachable from the
 * start (SC018), every reachable step able to leave (SC019), every stage leading on to a later one,
 * and collection able to end the attempt won (SC020, SC033).
 */
import { STAGES, stageIndex, type ConversationStageId } from '../../ltc/stages';
import type { OptionSource } from '../../scenario/schema';
import type { CheckContext, Container } from './context';

export function checkGraph(x: CheckContext, c: Container): void {
  const where = `${c.section}.${c.id}`;
  if (!Object.hasOwn(c.steps, c.start)) return;
  const reached = new Set<string>([c.start]);
  const queue = [c.start];
  for (let qi = 0; qi < queue.length; qi++) {
    const step = c.steps[queue[qi]!]!;
    for (const o of step.options) {
      if (o.next && Object.hasOwn(c.steps, o.next) && !reached.has(o.next)) {
        reached.add(o.next);
        queue.push(o.next);
      }
    }
  }
  const stepIds = Object.keys(c.steps);
  const isBroken = (id: string) => !x.noneBroken && x.broken.has(`${where}.steps.${id}`);
  const anyStepBroken = !x.noneBroken && stepIds.some(isBroken);
  for (const id of stepIds) {
    // A broken step's links are unknown: what it would reach cannot be called unreachable.
    if (!anyStepBroken && !reached.has(id)) x.report('SC018', [c.section, c.id, 'steps', id], { id, where, start: c.start }, true);
  }
  // Which steps can leave the container (or end the attempt)? Backwards search over "next" edges.
  const leaves = (o: OptionSource) => o.stage !== undefined || o.ends !== undefined || o.resolves === true || (c.section === 'objections' && o.raises !== undefined);
  const cameFrom = new Map<string, string[]>();
  const canLeave = new Set<string>();
  for (const [id, step] of Object.entries(c.steps)) {
    if (isBroken(id) || step.options.some(leaves)) canLeave.add(id);
    for (const o of step.options) {
      if (o.next === undefined) continue;
      const from = cameFrom.get(o.next);
      if (from) from.push(id);
      else cameFrom.set(o.next, [id]);
    }
  }
  const back = [...canLeave];
  for (let i = 0; i < back.length; i++) {
    for (const from of cameFrom.get(back[i]!) ?? []) {
      if (!canLeave.has(from)) {
        canLeave.add(from);
        back.push(from);
      }
    }
  }
  for (const id of reached) {
    const step = c.steps[id]!;
    if (!canLeave.has(id) && step.options.length > 0) {
      x.report('SC019', [c.section, c.id, 'steps', id], { id, where, problem: 'no-way-on', objection: c.section === 'objections' ? 1 : '' }, true);
    }
  }
  if (c.section === 'stages' && !x.broken.has(where) && !anyStepBroken) {
    const stage = c.id as ConversationStageId;
    if (stage === 'collection' && !x.anyWon()) return x.report('SC033', [c.section, c.id], {}, true);
    let ok = false;
    for (const id of reached) {
      ok = c.steps[id]!.options.some((o) =>
        stage === 'collection' ? o.ends?.outcome === 'won' : o.stage !== undefined && stageIndex(o.stage as ConversationStageId) > stageIndex(stage),
      );
      if (ok) break;
    }
    if (!ok) x.report('SC020', [c.section, c.id], { stage, ...(stage === 'collection' ? {} : { to: STAGES[stageIndex(stage) + 1]! }) }, true);
  }
}
