/**
 * Meaning checks of the contract's terms and the payment tracker: their conditions name known ids
 * (through the shared condition check), "agreed", "done" and "sent" only test what stays true once it
 * holds (SC036), none of them can never hold (SC035, cheaply: an id nothing can make true), and the
 * due day is in range.
 */
import type { ChecklistItem } from '../../ltc/default-checklist';
import type { ConditionSource, MilestoneSource, VariantsSource } from '../../scenario/schema';
import { AGREED_BY } from '../build-deal';
import { formatPath, type DocPath } from '../source-document';
import type { CheckContext } from './context';

/** Tests that can turn false once true: a milestone must not use them. */
const CHANGEABLE = ['trust', 'interest', 'patience', 'not-revealed', 'not-promised', 'stage'] as const;
export const MAX_DUE_DAYS = 365;

/**
 * Checks `contract` and `payment`; `canEarn` says whether an option can earn a checklist item
 * (undefined when the document is too broken to tell).
 */
export function checkDeal(x: CheckContext, canEarn: ((item: ChecklistItem) => boolean) | undefined): void {
  const { source } = x;
  // The facts and promises some effect reveals or makes.
  const allEffects = [...x.allOptions().map(({ o }) => o.effects), ...Object.values(source.surprises ?? {}).map((s) => s.effects)];
  const revealable = new Set(allEffects.flatMap((e) => (Array.isArray(e?.reveals) ? e.reveals : [])));
  const promisable = new Set(allEffects.flatMap((e) => (Array.isArray(e?.promises) ? e.promises : [])));
  const known = (test: 'shown' | 'committed' | 'revealed' | 'promised' | 'recorded', id: string): boolean | undefined => {
    if (test === 'shown' || test === 'committed') {
      const item = x.items.get(id);
      if (!item || item.kind !== (test === 'shown' ? 'key-action' : 'pitfall') || !canEarn) return undefined;
      return canEarn(item);
    }
    // Undeclared ids are reported as unknown (SC015, SC025) instead.
    if (test === 'promised') return x.promises.includes(id) ? promisable.has(id) : undefined;
    return x.facts.includes(id) ? revealable.has(id) : undefined;
  };
  /** The first test of `c` that nothing can ever make true, with its path. */
  const impossible = (c: ConditionSource, path: DocPath) => {
    for (const test of ['shown', 'committed', 'revealed', 'promised', 'recorded'] as const) {
      const ids = c[test];
      const i = ids?.findIndex((id) => known(test, id) === false) ?? -1;
      if (i >= 0) return { test, id: ids![i]!, path: [...path, test, i] };
    }
    return undefined;
  };
  const milestone = (m: MilestoneSource, path: DocPath) => {
    const alternatives: [ConditionSource, DocPath][] = Array.isArray(m) ? m.map((c, i) => [c, [...path, i]]) : [[m, path]];
    const reasons = alternatives.map(([c, p]) => {
      x.checkCondition(c, p);
      for (const test of CHANGEABLE) if (c[test] !== undefined) x.report('SC036', [...p, test], { where: formatPath(p), test }, true);
      return impossible(c, p);
    });
    const first = reasons[0];
    if (first && reasons.every(Boolean)) x.report('SC035', first.path, { where: formatPath(path), test: first.test, id: first.id });
  };
  const variants = (v: VariantsSource | undefined, path: DocPath) => {
    if (Array.isArray(v)) v.forEach((line, i) => x.checkCondition(line.when, [...path, i, 'when']));
  };

  for (const [id, term] of Object.entries(source.contract?.terms ?? {})) {
    const path: DocPath = ['contract', 'terms', id];
    variants(term.says, [...path, 'says']);
    if (term.agreed !== undefined) milestone(term.agreed, [...path, 'agreed']);
    else if (term.kind && !x.items.has(AGREED_BY[term.kind])) {
      x.report('SC035', path, { where: formatPath(path), test: 'shown', id: AGREED_BY[term.kind], implicit: 1 }, true);
    }
  }
  const p = source.payment;
  if (!p) return;
  variants(p.amount, ['payment', 'amount']);
  x.range(p.due, 0, MAX_DUE_DAYS, ['payment', 'due']);
  if (p.invoice?.sent !== undefined) milestone(p.invoice.sent, ['payment', 'invoice', 'sent']);
  for (const [id, a] of Object.entries(p.approvals ?? {})) if (a.done !== undefined) milestone(a.done, ['payment', 'approvals', id, 'done']);
}
