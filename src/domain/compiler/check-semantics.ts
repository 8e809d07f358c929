/**
 * Meaning checks over a (salvaged) scenario source: every id resolves, every step is reachable and
 * leads somewhere, every stage leads on, every checklist item can be earned, every text is translated,
 * every number is in range. All problems are reported, none stops the others.
 */
import { CONVERSATION_STAGES, STAGES, stageIndex, type ConversationStageId } from '../ltc/stages';
import type { ChecklistItem } from '../ltc/default-checklist';
import type { ConditionSource, EffectsSource, OptionSource, ScenarioSource, StepSource } from '../scenario/schema';
import { scenarioSchema } from '../scenario/schema';
import type { Diagnostic, DiagnosticArgs } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import { checkDeal } from './check-deal';
import { mergeChecklist } from './checklist-merge';
import type { DocPath, SourceDocument } from './source-document';
import { formatPath } from './source-document';
import type { Salvaged } from './salvage';
import { suggest } from './suggest';

type Container = { section: 'stages' | 'objections'; id: string; start: string; steps: Record<string, StepSource> };

/** `[...base, seg]`, or `base` itself when there is no segment. */
const child = (base: DocPath, seg?: string | number): DocPath => (seg === undefined ? base : [...base, seg]);

/**
 * Runs every semantic check; returns diagnostics in discovery order.
 *
 * Hot paths (every step and option of a large scenario) build document paths and texts only when
 * there is something to report.
 */
export function checkSemantics(src: SourceDocument, { source, broken }: Salvaged): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: DiagnosticCode, path: DocPath, args: DiagnosticArgs = {}, key = false) => out.push(src.at(code, path, args, key));
  const languages = source.languages ?? [];
  const checklist = mergeChecklist(source);
  const items = new Map(checklist.map((i) => [i.id, i]));
  const facts = Object.keys(source.customer?.facts ?? {});
  const promises = Object.keys(source.promises ?? {});
  const objections = Object.keys(source.objections ?? {});
  /** No placeholder anywhere: every `broken.has(…)` is false, so the keys need not be built. */
  const noneBroken = broken.size === 0;

  // `known.includes(id)` through a set per list (same SameValueZero equality).
  const knownSets = new Map<readonly string[], Set<unknown>>();
  const isKnown = (known: readonly string[], id: unknown) => {
    let set = knownSets.get(known);
    if (!set) knownSets.set(known, (set = new Set(known)));
    return set.has(id);
  };

  /** An unknown id at `path`, listed in `where` (a document path), with a suggestion from `known`. */
  const unknown = (code: DiagnosticCode, id: string, known: string[], path: DocPath, where: string) => {
    const s = suggest(id, known);
    report(code, path, { id, where, ...(s ? { suggestion: s } : {}) });
  };
  /** Checks the ids listed at `[...base, seg]`. */
  const checkIds = (ids: string[] | undefined, known: string[], code: DiagnosticCode, base: DocPath, seg?: string) =>
    ids?.forEach((id, i) => {
      if (!isKnown(known, id)) {
        const path = child(base, seg);
        unknown(code, id, known, [...path, i], formatPath(path));
      }
    });
  /** Checks the number at `[...base, seg]`. */
  const range = (value: number | undefined, min: number, max: number, base: DocPath, seg?: string | number) => {
    if (value !== undefined && (value < min || value > max)) {
      const path = child(base, seg);
      report('SC024', path, { where: formatPath(path), value, min, max });
    }
  };
  /** Every `<stage or objection>/<step>` of the file (built on first use). */
  let stepRefs: string[] | undefined;
  const allStepRefs = () =>
    (stepRefs ??= [
      ...CONVERSATION_STAGES.flatMap((s) => Object.keys(source.stages[s]?.steps ?? {}).map((step) => `${s}/${step}`)),
      ...objections.flatMap((o) => Object.keys(source.objections![o]?.steps ?? {}).map((step) => `${o}/${step}`)),
    ]);
  /** Checks the checklist ids a condition tests at `[...base, seg]`: known, and of the right kind. */
  const checkTested = (ids: string[] | undefined, kind: 'key-action' | 'pitfall', base: DocPath, seg: 'shown' | 'committed') =>
    ids?.forEach((id, i) => {
      const item = items.get(id);
      if (item?.kind === kind) return;
      const path = [...base, seg];
      if (!item) return unknown('SC016', id, checklist.filter((c) => c.kind === kind).map((c) => c.id), [...path, i], formatPath(path));
      const list = seg === 'shown' ? 'committed' : 'shown';
      report('SC028', [...path, i], { where: formatPath([...path, i]), problem: 'wrong-list', id, kind: item.kind, list });
    });
  const checkCondition = (when: ConditionSource | undefined, path: DocPath) => {
    if (!when) return;
    checkIds(when.revealed, facts, 'SC015', path, 'revealed');
    checkIds(when['not-revealed'], facts, 'SC015', path, 'not-revealed');
    checkIds(when.recorded, facts, 'SC015', path, 'recorded');
    checkIds(when.promised, promises, 'SC025', path, 'promised');
    checkIds(when['not-promised'], promises, 'SC025', path, 'not-promised');
    checkTested(when.shown, 'key-action', path, 'shown');
    checkTested(when.committed, 'pitfall', path, 'committed');
    if (when.reached) checkIds(when.reached, allStepRefs(), 'SC012', path, 'reached');
  };
  const checkEffects = (effects: EffectsSource | undefined, path: DocPath) => {
    if (!effects) return;
    for (const m of ['trust', 'interest', 'patience'] as const) range(effects[m], -100, 100, path, m);
    range(effects.days, 0, 365, path, 'days');
    checkIds(effects.reveals, facts, 'SC015', path, 'reveals');
    checkIds(effects.promises, promises, 'SC025', path, 'promises');
  };
  /** Checks the objection id at `[...base, seg]`. */
  const checkRaises = (id: string | undefined, base: DocPath, seg: string) => {
    if (id !== undefined && !isKnown(objections, id)) {
      const path = [...base, seg];
      unknown('SC014', id, objections, path, formatPath(path));
    }
  };

  // --- containers: stages and objections -------------------------------------------------------
  const containers: Container[] = [
    ...CONVERSATION_STAGES.map((s) => ({ section: 'stages' as const, id: s, ...source.stages[s]! })),
    ...objections.map((o) => ({ section: 'objections' as const, id: o, ...source.objections![o]! })),
  ];
  for (const o of objections) if ((STAGES as readonly string[]).includes(o)) report('SC017', ['objections', o], { id: o, where: `objections.${o}`, scope: 'objection-and-stage' }, true);

  /** Checks the checklist ids listed at `[...base, seg]`. */
  const checkListed = (ids: string[] | undefined, kind: 'key-action' | 'pitfall', container: Container, base: DocPath, seg: string) =>
    ids?.forEach((id, i) => {
      const item = items.get(id);
      if (item && item.kind === kind && (container.section !== 'stages' || item.stage === container.id)) return;
      const path = [...base, seg];
      const p = [...path, i];
      if (!item) {
        const sameKind = checklist.filter((c) => c.kind === kind).map((c) => c.id);
        return unknown('SC016', id, sameKind, p, formatPath(path));
      }
      if (item.kind !== kind) {
        return report('SC028', p, { where: formatPath(p), problem: 'wrong-list', id, kind: item.kind, list: item.kind === 'pitfall' ? 'commits' : 'shows' });
      }
      if (container.section === 'stages' && item.stage !== container.id) {
        report('SC029', p, { where: formatPath(path), id, itemStage: item.stage, stage: container.id });
      }
    });

  /** Whether any option of any container ends the attempt won (computed once). */
  let anyWonOption: boolean | undefined;
  function anyWon(): boolean {
    anyWonOption ??= containers.some((k) => Object.values(k.steps).some((st) => st.options.some((o) => o.ends?.outcome === 'won')));
    return anyWonOption;
  }

  for (const c of containers) {
    const base: DocPath = [c.section, c.id];
    const where = `${c.section}.${c.id}`;
    if (broken.has(where) && !c.start) continue;
    if (!Object.hasOwn(c.steps, c.start)) unknown('SC012', c.start, Object.keys(c.steps), [...base, 'start'], `${where}.start`);

    for (const [stepId, step] of Object.entries(c.steps)) {
      if (!noneBroken && broken.has(`${where}.steps.${stepId}`)) continue;
      const sp: DocPath = [...base, 'steps', stepId];
      if (Array.isArray(step.customer)) step.customer.forEach((v, i) => v.when && checkCondition(v.when, [...sp, 'customer', i, 'when']));
      if (step.options.length === 0) report('SC019', sp, { id: stepId, where, problem: 'no-options', objection: c.section === 'objections' ? 1 : '' }, true);
      const optionIds = new Set<string>();
      step.options.forEach((opt, i) => {
        const op: DocPath = [...sp, 'options', i];
        const oid = opt.id ?? String(i + 1);
        if (optionIds.has(oid)) report('SC017', [...op, 'id'], { id: oid, where: `${where}.steps.${stepId}`, scope: 'options' });
        optionIds.add(oid);
        checkListed(opt.shows, 'key-action', c, op, 'shows');
        checkListed(opt.commits, 'pitfall', c, op, 'commits');
        if (opt.when) checkCondition(opt.when, [...op, 'when']);
        if (opt.effects) checkEffects(opt.effects, [...op, 'effects']);
        checkRaises(opt.raises, op, 'raises');
        checkTargets(opt, c, op, i);
      });
    }
    checkGraph(c);
  }

  function checkTargets(opt: OptionSource, c: Container, op: DocPath, i: number) {
    const inObjection = c.section === 'objections';
    if (opt.next !== undefined && !Object.hasOwn(c.steps, opt.next)) unknown('SC012', opt.next, Object.keys(c.steps), [...op, 'next'], formatPath([...op, 'next']));
    if (inObjection && opt.stage !== undefined) report('SC028', [...op, 'stage'], { where: formatPath(op), problem: 'stage-in-objection' }, true);
    if (!inObjection && opt.resolves !== undefined) report('SC028', [...op, 'resolves'], { where: formatPath(op), problem: 'resolves-outside-objection' }, true);
    if (opt.ends?.outcome === 'won' && c.id !== 'collection') report('SC028', [...op, 'ends'], { where: formatPath(op), problem: 'won-outside-collection' }, true);
    const ways: ('next' | 'stage' | 'ends' | 'resolves')[] = [];
    for (const k of WAYS) if (opt[k] !== undefined && opt[k] !== false) ways.push(k);
    if (ways.length > 1) report('SC027', op, { option: optionLabel(opt, i), where: stepWhere(c, op), keys: ways.join(', ') });
    if (inObjection && opt.raises && ways.length) report('SC027', op, { option: optionLabel(opt, i), where: stepWhere(c, op), keys: `raises, ${ways[0]}` });
    if (ways.length === 0 && !opt.raises) report('SC026', op, { option: optionLabel(opt, i), where: stepWhere(c, op), objection: inObjection ? 1 : '' });
    if (opt.ends && ways.length === 1 && opt.raises) report('SC027', op, { option: optionLabel(opt, i), where: stepWhere(c, op), keys: 'raises, ends' });
  }

  /** Reachability, dead ends and "leads on" within one container, ignoring guards. */
  function checkGraph(c: Container) {
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
    const anyStepBroken = !noneBroken && stepIds.some((id) => broken.has(`${where}.steps.${id}`));
    for (const id of stepIds) {
      // A broken step's links are unknown: what it would reach cannot be called unreachable.
      if (!anyStepBroken && !reached.has(id)) report('SC018', [c.section, c.id, 'steps', id], { id, where, start: c.start }, true);
    }
    // Which steps can leave the container (or end the attempt)? Backwards search over "next" edges.
    const leaves = (o: OptionSource) => o.stage !== undefined || o.ends !== undefined || o.resolves === true || (c.section === 'objections' && o.raises !== undefined);
    const cameFrom = new Map<string, string[]>();
    const canLeave = new Set<string>();
    for (const [id, step] of Object.entries(c.steps)) {
      if ((!noneBroken && broken.has(`${where}.steps.${id}`)) || step.options.some(leaves)) canLeave.add(id);
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
        report('SC019', [c.section, c.id, 'steps', id], { id, where, problem: 'no-way-on', objection: c.section === 'objections' ? 1 : '' }, true);
      }
    }
    if (c.section === 'stages' && !broken.has(where) && !anyStepBroken) {
      const stage = c.id as ConversationStageId;
      if (stage === 'collection' && !anyWon()) return report('SC033', [c.section, c.id], {}, true);
      let ok = false;
      for (const id of reached) {
        ok = c.steps[id]!.options.some((o) =>
          stage === 'collection' ? o.ends?.outcome === 'won' : o.stage !== undefined && stageIndex(o.stage as ConversationStageId) > stageIndex(stage),
        );
        if (ok) break;
      }
      if (!ok) report('SC020', [c.section, c.id], { stage, ...(stage === 'collection' ? {} : { to: STAGES[stageIndex(stage) + 1]! }) }, true);
    }
  }

  // --- objections raised, checklist earnable ---------------------------------------------------
  const allOptions = containers.flatMap((c) => Object.values(c.steps).flatMap((s) => s.options.map((o) => ({ c, o }))));
  const raised = new Set<string>([
    ...allOptions.flatMap(({ o }) => (o.raises ? [o.raises] : [])),
    ...(source.rules ?? []).map((r) => r.raises),
    ...Object.values(source.surprises ?? {}).flatMap((s) => (s.raises ? [s.raises] : [])),
  ]);
  for (const o of objections) if (!raised.has(o) && broken.size === 0) report('SC021', ['objections', o], { id: o }, true);

  const anyBroken = broken.size > 0;
  const canEarn = anyBroken ? undefined : earnable(allOptions);
  if (canEarn) {
    for (const item of checklist) {
      if (!canEarn(item)) report('SC022', checklistPath(source, item.id), { id: item.id, kind: item.kind, stage: item.stage }, true);
    }
  }
  const allEffects = [...allOptions.map(({ o }) => o.effects), ...Object.values(source.surprises ?? {}).map((s) => s.effects)];
  checkDeal(source, {
    report,
    checkCondition,
    range,
    items,
    ...(canEarn ? { canEarn } : {}),
    facts,
    promises,
    revealable: new Set(allEffects.flatMap((e) => (Array.isArray(e?.reveals) ? e.reveals : []))),
    promisable: new Set(allEffects.flatMap((e) => (Array.isArray(e?.promises) ? e.promises : []))),
  });
  for (const stage of STAGES) {
    if (!checklist.some((i) => i.stage === stage && i.kind === 'key-action')) report('SC031', ['checklist'], { stage }, true);
  }

  // --- the rest: checklist config, leads, rules, surprises, ranges, translations ---------------
  const config = source.checklist ?? {};
  const defaults = mergeChecklist({});
  checkIds(config.remove, defaults.map((i) => i.id), 'SC016', ['checklist', 'remove']);
  for (const id of Object.keys(config.weights ?? {})) {
    if (!items.has(id)) unknown('SC016', id, [...items.keys()], ['checklist', 'weights', id], 'checklist.weights');
    range(config.weights![id], 0, 10, ['checklist', 'weights', id]);
  }
  for (const id of Object.keys(config.why ?? {})) {
    if (!items.has(id)) unknown('SC016', id, [...items.keys()], ['checklist', 'why', id], 'checklist.why');
  }
  config.add?.forEach((a, i) => {
    if (defaults.some((d) => d.id === a.id) && !config.remove?.includes(a.id)) report('SC017', ['checklist', 'add', i, 'id'], { id: a.id, where: 'checklist.add', scope: 'default-checklist' });
    range(a.weight, 0, 10, ['checklist', 'add', i, 'weight']);
  });

  if (!broken.has('leads')) checkLeads();
  function checkLeads() {
    const l = source.leads;
    const pool = l.pool.map((p) => p.id);
    const seen = new Set<string>();
    l.pool.forEach((p, i) => {
      if (seen.has(p.id)) report('SC017', ['leads', 'pool', i, 'id'], { id: p.id, where: 'leads.pool' });
      seen.add(p.id);
      range(p.size, 0, 10_000_000, ['leads', 'pool', i, 'size']);
    });
    if (!pool.includes(l['customer-lead'])) report('SC030', ['leads', 'customer-lead'], { kind: 'lead', id: l['customer-lead'], where: 'leads.customer-lead', ...opt(suggest(l['customer-lead'], pool)) });
    const criteria = Object.keys(l.profile.criteria);
    l.profile.ideal.forEach((id, i) => criteria.includes(id) || report('SC030', ['leads', 'profile', 'ideal', i], { kind: 'profile-criterion', id, where: 'leads.profile.ideal', ...opt(suggest(id, criteria)) }));
    const fields = Object.keys(l.record.fields);
    l.record.ideal.forEach((id, i) => fields.includes(id) || report('SC030', ['leads', 'record', 'ideal', i], { kind: 'record-field', id, where: 'leads.record.ideal', ...opt(suggest(id, fields)) }));
    range(l['max-pursue'], 1, Math.max(1, pool.length), ['leads', 'max-pursue']);
    if (pool.length < 3) report('SC034', ['leads', 'pool'], { problem: 'too-few', size: pool.length }, true);
    else if (new Set(l.pool.map((p) => p.grade)).size < 2) report('SC034', ['leads', 'pool'], { problem: 'one-grade' }, true);
  }

  (source.rules ?? []).forEach((r, i) => {
    checkCondition(r.when, ['rules', i, 'when']);
    checkRaises(r.raises, ['rules', i], 'raises');
  });
  for (const [id, s] of Object.entries(source.surprises ?? {})) {
    if (broken.has(`surprises.${id}`)) continue;
    const p: DocPath = ['surprises', id];
    range(s.chance, 0, 1, p, 'chance');
    checkCondition(s.when, [...p, 'when']);
    checkEffects(s.effects, [...p, 'effects']);
    checkRaises(s.raises, p, 'raises');
    if (s.ends?.outcome === 'won') report('SC028', [...p, 'ends'], { where: formatPath(p), problem: 'surprise-wins' }, true);
    if (s.raises && s.ends) report('SC027', p, { option: id, where: 'surprises', keys: 'raises, ends' });
  }

  const start = source.customer?.start;
  if (start) for (const m of ['trust', 'interest', 'patience'] as const) range(start[m], 0, 100, ['customer', 'start', m]);
  range(source.minutes, 1, 600, ['minutes']);
  range(source['pass-mark']?.overall, 0, 100, ['pass-mark', 'overall']);
  for (const [s, v] of Object.entries(source['pass-mark']?.stages ?? {})) range(v, 0, 100, ['pass-mark', 'stages', s]);
  for (const k of ['too-soon', 'too-long'] as const) {
    const rule = source.cadence?.[k];
    if (!rule) continue;
    range(rule.days, 0, 365, ['cadence', k, 'days']);
    for (const m of ['trust', 'interest', 'patience'] as const) range(rule.effects[m], -100, 100, ['cadence', k, 'effects', m]);
  }
  source.cadence?.waits?.forEach((w, i) => range(w, 1, 365, ['cadence', 'waits', i]));

  const calendarStart = source.calendar?.start;
  if (typeof calendarStart === 'string' && !isCalendarDate(calendarStart)) report('SC037', ['calendar', 'start'], { where: 'calendar.start', value: calendarStart });

  checkTranslations(source, languages, broken, report, typeof calendarStart === 'string');
  return out;
}

/** Whether `date` (YYYY-MM-DD) names a day of the calendar. */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The placeholders the player fills in a text. */
export const PLACEHOLDERS = ['date', 'weekday', 'due-date'] as const;
const PLACEHOLDER = /\{([a-z][a-z-]*)\}/g;

const WAYS = ['next', 'stage', 'ends', 'resolves'] as const;
/** `stages.discovery.steps.x`: where an option's step is (for messages; built only to report). */
const stepWhere = (c: Container, op: DocPath) => `${c.section}.${c.id}.steps.${String(op[3])}`;
/** `2 ("ask")`: which option (for messages; built only to report). */
const optionLabel = (opt: OptionSource, i: number) => `${i + 1}${opt.id ? ` ("${opt.id}")` : ''}`;

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

const opt = (s: string | undefined): DiagnosticArgs => (s ? { suggestion: s } : {});

function checklistPath(source: ScenarioSource, id: string): DocPath {
  const i = source.checklist?.add?.findIndex((a) => a.id === id) ?? -1;
  return i >= 0 ? ['checklist', 'add', i] : [];
}

type ZodLike = { _zod: { def: { type: string; options?: ZodLike[]; shape?: Record<string, ZodLike>; valueType?: ZodLike; element?: ZodLike; innerType?: ZodLike } } };
const defOf = (z: ZodLike) => z._zod.def;
const unwrap = (z: ZodLike): ZodLike => (['optional', 'nullable', 'default'].includes(defOf(z).type) ? unwrap(defOf(z).innerType!) : z);
/** Whether `z` is the text schema (or a union holding it); cached per schema object. */
const textUnions = new WeakMap<ZodLike, boolean>();
const isTextUnion = (z: ZodLike): boolean => {
  let known = textUnions.get(z);
  if (known === undefined) {
    known =
      defOf(z).type === 'union' &&
      (defOf(z).options ?? []).map(unwrap).some((o) => (defOf(o).type === 'object' && Object.keys(defOf(o).shape ?? {}).join() === 'en,zh-CN') || isTextUnion(o));
    textUnions.set(z, known);
  }
  return known;
};

/** For a text union that also allows a list of variants: the schema of one variant; cached. */
const variantSchemas = new WeakMap<ZodLike, ZodLike | null>();
function variantSchema(z: ZodLike): ZodLike | null {
  let known = variantSchemas.get(z);
  if (known === undefined) {
    const list = (defOf(z).options ?? []).map(unwrap).find((o) => defOf(o).type === 'array');
    known = list ? unwrap(defOf(list).element!) : null;
    variantSchemas.set(z, known);
  }
  return known;
}

/**
 * Whether the walk below can reach a text from `z` (through object fields, record values and list
 * items, as childSchema goes); cached. Subtrees that cannot (effects, conditions, id lists) are
 * not walked.
 */
const textReach = new WeakMap<ZodLike, boolean>();
function reachesText(z: ZodLike): boolean {
  let known = textReach.get(z);
  if (known === undefined) {
    textReach.set(z, false); // a schema that refers back to itself adds nothing new
    const d = defOf(z);
    known =
      isTextUnion(z) ||
      (d.type === 'object' && Object.values(d.shape ?? {}).some((f) => reachesText(unwrap(f)))) ||
      (d.type === 'record' && reachesText(unwrap(d.valueType!))) ||
      (d.type === 'array' && reachesText(unwrap(d.element!)));
    textReach.set(z, known);
  }
  return known;
}

/** Child schemas: per object schema and key, per record or array schema (any key); cached. */
const fieldSchemas = new WeakMap<ZodLike, Map<string, ZodLike | undefined>>();
const itemSchemas = new WeakMap<ZodLike, ZodLike | undefined>();

/** The schema one level down from `z` along `seg`. */
function childSchema(z: ZodLike, seg: string | number): ZodLike | undefined {
  const d = defOf(z);
  if (d.type === 'object') {
    let fields = fieldSchemas.get(z);
    if (!fields) fieldSchemas.set(z, (fields = new Map()));
    const key = String(seg);
    if (fields.has(key)) return fields.get(key);
    const found = Object.hasOwn(d.shape ?? {}, key) ? unwrap(d.shape![key]!) : undefined;
    fields.set(key, found);
    return found;
  }
  if (d.type === 'record' || d.type === 'array') {
    if (itemSchemas.has(z)) return itemSchemas.get(z);
    const found = unwrap(d.type === 'record' ? d.valueType! : d.element!);
    itemSchemas.set(z, found);
    return found;
  }
  return undefined;
}

/** Every text must exist in every declared language, and in no undeclared one. */
function checkTranslations(
  source: ScenarioSource,
  languages: string[],
  broken: Set<string>,
  report: (c: DiagnosticCode, p: DocPath, a: DiagnosticArgs, key?: boolean) => void,
  hasCalendar: boolean,
) {
  const declared = languages.join(', ');
  const checkPlaceholders = (text: unknown, path: DocPath) => {
    if (typeof text !== 'string' || !text.includes('{')) return;
    const named = new Set<string>();
    for (const m of text.matchAll(PLACEHOLDER)) named.add(m[1]!);
    for (const name of named) {
      const known = (PLACEHOLDERS as readonly string[]).includes(name);
      if (known && hasCalendar) continue;
      report('SC038', path.slice(), { where: formatPath(path), name, placeholder: `{${name}}`, problem: known ? 'no-calendar' : 'unknown' });
    }
  };
  const checkText = (value: unknown, path: DocPath) => {
    const present = typeof value === 'string' ? [languages[0]] : Object.keys(value as object);
    for (const locale of languages) if (!present.includes(locale)) report('SC023', path.slice(), { where: formatPath(path), locale, languages: declared });
    for (const locale of present) if (locale && !languages.includes(locale)) report('SC032', path.slice(), { where: formatPath(path), locale });
    if (typeof value === 'string') checkPlaceholders(value, path);
    else for (const v of Object.values(value as object)) checkPlaceholders(v, path);
  };
  // One path, extended and shortened as the walk goes; dotted keys only when there are placeholders to skip.
  const path: (string | number)[] = [];
  const tracking = broken.size > 0;
  const visit = (value: unknown, schema: ZodLike | undefined, dotted: string) => {
    if (value === null || value === undefined || !schema || !reachesText(schema)) return;
    if (tracking && broken.has(dotted)) return;
    if (isTextUnion(schema)) {
      // A text, or (for a step's customer line) a list of { when, text } variants.
      if (typeof value === 'string' || (typeof value === 'object' && !Array.isArray(value))) return checkText(value, path);
      const variant = variantSchema(schema);
      if (Array.isArray(value) && variant) visitItems(value, () => variant, dotted);
      return;
    }
    if (Array.isArray(value)) visitItems(value, (i) => childSchema(schema, i), dotted);
    else if (typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) {
        path.push(k);
        visit(record[k], childSchema(schema, k), tracking ? (dotted ? `${dotted}.${k}` : k) : '');
        path.pop();
      }
    }
  };
  const visitItems = (list: unknown[], schemaOf: (i: number) => ZodLike | undefined, dotted: string) =>
    list.forEach((v, i) => {
      path.push(i);
      visit(v, schemaOf(i), tracking ? `${dotted}.${i}` : '');
      path.pop();
    });
  if (languages.length) visit(source, scenarioSchema as unknown as ZodLike, '');
}
