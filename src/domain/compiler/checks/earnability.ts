/**
 * The earnability pass: every named objection is raised somewhere (SC021), every checklist item can
 * be earned by some option of its stage or of an objection (SC022), every stage has a key action
 * (SC031). Returns "can this item be earned" for the deal pass, or undefined when the document is
 * too broken to tell.
 */
import type { ChecklistItem } from '../../ltc/default-checklist';
import { STAGES } from '../../ltc/stages';
import type { OptionSource, ScenarioSource } from '../../scenario/schema';
import type { DocPath } from '../source-document';
import type { CheckContext, Container } from './context';

export function checkEarnability(x: CheckContext): ((item: ChecklistItem) => boolean) | undefined {
  const { source } = x;
  const allOptions = x.allOptions();
  const raised = new Set<string>([
    ...allOptions.flatMap(({ o }) => (o.raises ? [o.raises] : [])),
    ...(source.rules ?? []).map((r) => r.raises),
    ...Object.values(source.surprises ?? {}).flatMap((s) => (s.raises ? [s.raises] : [])),
  ]);
  for (const o of x.objections) if (!raised.has(o) && x.noneBroken) x.report('SC021', ['objections', o], { id: o }, true);

  const canEarn = x.noneBroken ? earnable(allOptions) : undefined;
  if (canEarn) {
    for (const item of x.checklist) {
      if (!canEarn(item)) x.report('SC022', checklistPath(source, item.id), { id: item.id, kind: item.kind, stage: item.stage }, true);
    }
  }
  return canEarn;
}

/** Every stage has at least one key action to rate it by. */
export function checkStagesRated(x: CheckContext): void {
  for (const stage of STAGES) {
    if (!x.checklist.some((i) => i.stage === stage && i.kind === 'key-action')) x.report('SC031', ['checklist'], { stage }, true);
  }
}

/**
 * Whether an option shows (a key action) or commits (a pitfall) the item, in the item's stage or in
 * an objection: one pass over the options instead of one per item.
 */
function earnable(allOptions: { c: Container; o: OptionSource }[]): (item: ChecklistItem) => boolean {
  const slow = (item: ChecklistItem) =>
    item.auto !== undefined ||
    allOptions.some(({ c, o }) => (item.kind === 'key-action' ? o.shows : o.commits)?.includes(item.id) && (c.section === 'objections' || c.id === item.stage));
  // Listed id → where it is listed: in some objection, and in which stages.
  const index = { 'key-action': new Map<unknown, { objection: boolean; stages: Set<string> }>(), pitfall: new Map<unknown, { objection: boolean; stages: Set<string> }>() };
  for (const { c, o } of allOptions) {
    for (const kind of ['key-action', 'pitfall'] as const) {
      const ids: unknown = kind === 'key-action' ? o.shows : o.commits;
      if (ids === undefined || ids === null) continue;
      if (!Array.isArray(ids)) return slow; // not a list (only in a broken document): keep the exact check
      for (const id of ids) {
        let at = index[kind].get(id);
        if (!at) index[kind].set(id, (at = { objection: false, stages: new Set() }));
        if (c.section === 'objections') at.objection = true;
        else at.stages.add(c.id);
      }
    }
  }
  return (item) => {
    if (item.auto !== undefined) return true;
    const at = index[item.kind === 'key-action' ? 'key-action' : 'pitfall'].get(item.id);
    return !!at && (at.objection || at.stages.has(item.stage));
  };
}

function checklistPath(source: ScenarioSource, id: string): DocPath {
  const i = source.checklist?.add?.findIndex((a) => a.id === id) ?? -1;
  return i >= 0 ? ['checklist', 'add', i] : [];
}
