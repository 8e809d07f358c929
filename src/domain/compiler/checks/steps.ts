/**
 * The steps pass: in every stage and objection, each step's customer variants and options — ids
 * unique, checklist ids known and of the right stage and kind, conditions, effects and raised
 * objections known, and each option going exactly one way on.
 */
import { STAGES } from '../../ltc/stages';
import type { OptionSource } from '../../scenario/schema';
import { formatPath, type DocPath } from '../source-document';
import type { CheckContext, Container } from './context';

const WAYS = ['next', 'stage', 'ends', 'resolves'] as const;
/** `stages.discovery.steps.x`: where an option's step is (for messages; built only to report). */
const stepWhere = (c: Container, op: DocPath) => `${c.section}.${c.id}.steps.${String(op[3])}`;
/** `2 ("ask")`: which option (for messages; built only to report). */
const optionLabel = (opt: OptionSource, i: number) => `${i + 1}${opt.id ? ` ("${opt.id}")` : ''}`;

/** An objection named like a stage (checked once, before the containers). */
export function checkObjectionNames(x: CheckContext): void {
  for (const o of x.objections) if ((STAGES as readonly string[]).includes(o)) x.report('SC017', ['objections', o], { id: o, where: `objections.${o}`, scope: 'objection-and-stage' }, true);
}

/** Checks the steps and options of one container; false when the container is too broken to check. */
export function checkSteps(x: CheckContext, c: Container): boolean {
  const base: DocPath = [c.section, c.id];
  const where = `${c.section}.${c.id}`;
  if (x.broken.has(where) && !c.start) return false;
  if (!Object.hasOwn(c.steps, c.start)) x.unknown('SC012', c.start, Object.keys(c.steps), [...base, 'start'], `${where}.start`);

  for (const [stepId, step] of Object.entries(c.steps)) {
    if (!x.noneBroken && x.broken.has(`${where}.steps.${stepId}`)) continue;
    const sp: DocPath = [...base, 'steps', stepId];
    if (Array.isArray(step.customer))
      step.customer.forEach((v, i) => {
        if (v.when) x.checkCondition(v.when, [...sp, 'customer', i, 'when']);
        if (v.assumes) x.checkCondition(v.assumes, [...sp, 'customer', i, 'assumes']);
      });
    if (step.assumes) x.checkCondition(step.assumes, [...sp, 'assumes']);
    if (step.options.length === 0) x.report('SC019', sp, { id: stepId, where, problem: 'no-options', objection: c.section === 'objections' ? 1 : '' }, true);
    const optionIds = new Set<string>();
    step.options.forEach((opt, i) => {
      const op: DocPath = [...sp, 'options', i];
      const oid = opt.id ?? String(i + 1);
      if (optionIds.has(oid)) x.report('SC017', [...op, 'id'], { id: oid, where: `${where}.steps.${stepId}`, scope: 'options' });
      optionIds.add(oid);
      checkListed(x, opt.shows, 'key-action', c, op, 'shows');
      checkListed(x, opt.commits, 'pitfall', c, op, 'commits');
      if (opt.when) x.checkCondition(opt.when, [...op, 'when']);
      if (opt.effects) x.checkEffects(opt.effects, [...op, 'effects']);
      x.checkRaises(opt.raises, op, 'raises');
      checkTargets(x, opt, c, op, i);
    });
  }
  return true;
}

/** Checks the checklist ids listed at `[...base, seg]`. */
function checkListed(x: CheckContext, ids: string[] | undefined, kind: 'key-action' | 'pitfall', container: Container, base: DocPath, seg: string) {
  ids?.forEach((id, i) => {
    const item = x.items.get(id);
    if (item && item.kind === kind && (container.section !== 'stages' || item.stage === container.id)) return;
    const path = [...base, seg];
    const p = [...path, i];
    if (!item) {
      const sameKind = x.checklist.filter((c) => c.kind === kind).map((c) => c.id);
      return x.unknown('SC016', id, sameKind, p, formatPath(path));
    }
    if (item.kind !== kind) {
      return x.report('SC028', p, { where: formatPath(p), problem: 'wrong-list', id, kind: item.kind, list: item.kind === 'pitfall' ? 'commits' : 'shows' });
    }
    if (container.section === 'stages' && item.stage !== container.id) {
      x.report('SC029', p, { where: formatPath(path), id, itemStage: item.stage, stage: container.id });
    }
  });
}

/** Where an option goes: a known next step, one way only, and only the ways its container allows. */
function checkTargets(x: CheckContext, opt: OptionSource, c: Container, op: DocPath, i: number) {
  const inObjection = c.section === 'objections';
  if (opt.next !== undefined && !Object.hasOwn(c.steps, opt.next)) x.unknown('SC012', opt.next, Object.keys(c.steps), [...op, 'next'], formatPath([...op, 'next']));
  if (inObjection && opt.stage !== undefined) x.report('SC028', [...op, 'stage'], { where: formatPath(op), problem: 'stage-in-objection' }, true);
  if (!inObjection && opt.resolves !== undefined) x.report('SC028', [...op, 'resolves'], { where: formatPath(op), problem: 'resolves-outside-objection' }, true);
  if (opt.ends?.outcome === 'won' && c.id !== 'collection') x.report('SC028', [...op, 'ends'], { where: formatPath(op), problem: 'won-outside-collection' }, true);
  const ways: ('next' | 'stage' | 'ends' | 'resolves')[] = [];
  for (const k of WAYS) if (opt[k] !== undefined && opt[k] !== false) ways.push(k);
  if (ways.length > 1) x.report('SC027', op, { option: optionLabel(opt, i), where: stepWhere(c, op), keys: ways.join(', ') });
  if (inObjection && opt.raises && ways.length) x.report('SC027', op, { option: optionLabel(opt, i), where: stepWhere(c, op), keys: `raises, ${ways[0]}` });
  if (ways.length === 0 && !opt.raises) x.report('SC026', op, { option: optionLabel(opt, i), where: stepWhere(c, op), objection: inObjection ? 1 : '' });
  if (opt.ends && ways.length === 1 && opt.raises) x.report('SC027', op, { option: optionLabel(opt, i), where: stepWhere(c, op), keys: 'raises, ends' });
}
