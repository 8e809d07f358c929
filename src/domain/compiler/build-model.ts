/** Turns a checked scenario source into the runtime's model: texts normalised, defaults filled, ids made global. */
import { CONVERSATION_STAGES, STAGES, type ConversationStageId, type StageId } from '../ltc/stages';
import type { ConditionSource, EffectsSource, ScenarioSource, StepSource, VariantsSource } from '../scenario/schema';
import { METER_TEST_PATTERN } from '../scenario/schema';
import {
  MODEL_FORMAT,
  type Cadence,
  type Comparison,
  type Condition,
  type Effects,
  type Meter,
  type ScenarioModel,
  type StepGraph,
  type StepModel,
} from '../scenario/model';
import { buildContract, buildPayment, type Builders } from './build-deal';
import { mergeChecklist } from './checklist-merge';
import { toText } from './texts';

/** Cadence a customer's rhythm implies when the file does not override it. */
export const RHYTHM_CADENCE: Record<ScenarioModel['customer']['rhythm'], Omit<Cadence, 'waits'>> = {
  fast: { tooSoon: { days: 1, effects: { trust: -2 } }, tooLong: { days: 5, effects: { interest: -10, trust: -5 } } },
  deliberate: { tooSoon: { days: 3, effects: { trust: -5, patience: -10 } }, tooLong: { days: 10, effects: { interest: -8 } } },
  consensus: { tooSoon: { days: 4, effects: { trust: -5, patience: -10 } }, tooLong: { days: 14, effects: { interest: -6, trust: -3 } } },
};
export const DEFAULT_WAITS = [1, 3, 7];
export const DEFAULT_PASS_MARK = 60;
export const DEFAULT_MAX_PURSUE = 2;

/** A short, stable content hash (cyrb53) of the source text, as 14 hex digits. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef ^ 0;
  let h2 = 0x41c6ce57 ^ 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Builds the model from a source that passed every check. */
export function buildModel(source: ScenarioSource, text: string): ScenarioModel {
  const original = source.languages[0] ?? 'en';
  const t = (v: Parameters<typeof toText>[0]) => toText(v, original);
  const optionalText = <K extends string>(key: K, v: Parameters<typeof toText>[0]) => (v === undefined ? {} : ({ [key]: t(v) } as Record<K, ReturnType<typeof t>>));

  const condition = (c: ConditionSource | undefined): Condition | undefined => {
    if (!c) return undefined;
    const meters = (['trust', 'interest', 'patience'] as Meter[]).flatMap((meter) => {
      const m = c[meter] ? METER_TEST_PATTERN.exec(c[meter]!) : null;
      return m ? [{ meter, op: m[1] as Comparison, value: Number(m[2]) }] : [];
    });
    return {
      ...(meters.length ? { meters } : {}),
      ...(c.revealed ? { revealed: c.revealed } : {}),
      ...(c['not-revealed'] ? { notRevealed: c['not-revealed'] } : {}),
      ...(c.promised ? { promised: c.promised } : {}),
      ...(c['not-promised'] ? { notPromised: c['not-promised'] } : {}),
      ...(c.recorded ? { recorded: c.recorded } : {}),
      ...(c.shown ? { shown: c.shown } : {}),
      ...(c.committed ? { committed: c.committed } : {}),
      ...(c.reached ? { reached: c.reached } : {}),
      ...(c.stage ? { stage: c.stage as StageId[] } : {}),
    };
  };
  const effects = (e: EffectsSource | undefined): Effects => ({ ...(e ?? {}) });
  const ending = (e: { outcome: 'won' | 'lost' | 'stalled'; reason?: Parameters<typeof toText>[0] } | undefined) =>
    e ? { outcome: e.outcome, ...optionalText('reason', e.reason) } : undefined;

  const lines = (v: VariantsSource | undefined) =>
    v === undefined
      ? []
      : Array.isArray(v)
        ? v.map((l) => ({
            ...(l.when ? { when: condition(l.when)! } : {}),
            ...(l.assumes ? { assumes: condition(l.assumes)! } : {}),
            text: t(l.text),
          }))
        : [{ text: t(v) }];

  const step = (container: string, id: string, s: StepSource): StepModel => ({
    id,
    ...optionalText('narration', s.narration),
    lines: lines(s.customer),
    ...(s.assumes ? { assumes: condition(s.assumes)! } : {}),
    options: s.options.map((o, i) => {
      const ends = ending(o.ends);
      return {
        id: `${container}/${id}/${o.id ?? i + 1}`,
        rep: t(o.rep),
        ...optionalText('reply', o.reply),
        shows: o.shows ?? [],
        commits: o.commits ?? [],
        ...(o.when ? { when: condition(o.when)! } : {}),
        effects: effects(o.effects),
        target: {
          ...(o.next !== undefined ? { step: o.next } : {}),
          ...(o.stage !== undefined ? { stage: o.stage as ConversationStageId } : {}),
          ...(ends ? { ends } : {}),
          ...(o.raises !== undefined ? { raises: o.raises } : {}),
          ...(o.resolves ? { resolves: true } : {}),
        },
        ...optionalText('why', o.why),
      };
    }),
  });
  const graph = (id: string, g: { start: string; narration?: Parameters<typeof toText>[0]; steps: Record<string, StepSource> }): StepGraph => ({
    id,
    start: g.start,
    ...optionalText('narration', g.narration),
    steps: Object.fromEntries(Object.entries(g.steps).map(([sid, s]) => [sid, step(id, sid, s)])),
  });

  const rhythm = RHYTHM_CADENCE[source.customer.rhythm];
  const c = source.cadence ?? {};
  const passStages = source['pass-mark']?.stages ?? {};
  const l = source.leads;
  const cadence: Cadence = {
    tooSoon: c['too-soon'] ? { days: c['too-soon'].days, effects: { ...c['too-soon'].effects } } : rhythm.tooSoon,
    tooLong: c['too-long'] ? { days: c['too-long'].days, effects: { ...c['too-long'].effects } } : rhythm.tooLong,
    waits: c.waits ?? DEFAULT_WAITS,
  };
  const checklist = mergeChecklist(source, original);
  const builders: Builders = { condition: (x) => condition(x)!, text: t, lines };

  return {
    format: MODEL_FORMAT,
    id: source.scenario,
    version: source.version,
    hash: contentHash(text),
    title: t(source.title),
    summary: t(source.summary),
    industry: t(source.industry),
    difficulty: source.difficulty,
    minutes: source.minutes,
    languages: source.languages,
    author: source.author,
    passMark: {
      overall: source['pass-mark']?.overall ?? DEFAULT_PASS_MARK,
      stages: Object.fromEntries(STAGES.map((s) => [s, (passStages as Record<string, number>)[s] ?? DEFAULT_PASS_MARK])) as Record<StageId, number>,
    },
    customer: {
      name: t(source.customer.name),
      role: t(source.customer.role),
      company: { name: t(source.customer.company.name), size: source.customer.company.size, industry: t(source.customer.company.industry) },
      rhythm: source.customer.rhythm,
      start: { ...source.customer.start },
      facts: Object.fromEntries(Object.entries(source.customer.facts).map(([id, f]) => [id, { id, kind: f.kind, label: t(f.label), text: t(f.text) }])),
      team: Object.fromEntries(
        Object.entries(source.customer.team ?? {}).map(([id, p]) => [id, { id, name: t(p.name), ...optionalText('role', p.role), side: p.side ?? 'customer' }]),
      ),
    },
    calendar: { start: source.calendar?.start ?? null },
    cadence,
    promises: Object.fromEntries(Object.entries(source.promises ?? {}).map(([id, p]) => [id, { id, label: t(p.label) }])),
    checklist,
    contract: buildContract(source, checklist, builders),
    payment: buildPayment(source, cadence, builders),
    leads: {
      brief: t(l.brief),
      customerLead: l['customer-lead'],
      maxPursue: l['max-pursue'] ?? DEFAULT_MAX_PURSUE,
      criteria: Object.entries(l.profile.criteria).map(([id, label]) => ({ id, label: t(label) })),
      idealProfile: l.profile.ideal,
      fields: Object.entries(l.record.fields).map(([id, label]) => ({ id, label: t(label) })),
      idealRecord: l.record.ideal,
      pool: l.pool.map((p) => ({
        id: p.id,
        company: t(p.company),
        size: p.size,
        industry: t(p.industry),
        source: t(p.source),
        signals: (p.signals ?? []).map(t),
        ...optionalText('notes', p.notes),
        grade: p.grade,
      })),
    },
    stages: Object.fromEntries(CONVERSATION_STAGES.map((s) => [s, graph(s, source.stages[s]!)])) as Record<ConversationStageId, StepGraph>,
    objections: Object.fromEntries(
      Object.entries(source.objections ?? {}).map(([id, o]) => [id, { ...graph(id, o), label: t(o.label) }]),
    ),
    rules: (source.rules ?? []).map((r, index) => ({ index, at: r.at as ConversationStageId, when: condition(r.when) ?? {}, raises: r.raises })),
    surprises: Object.entries(source.surprises ?? {}).map(([id, s]) => {
      const ends = ending(s.ends);
      return {
        id,
        label: t(s.label),
        chance: s.chance,
        ...(s.when ? { when: condition(s.when)! } : {}),
        narration: t(s.narration),
        ...optionalText('customer', s.customer),
        effects: effects(s.effects),
        ...(s.raises ? { raises: s.raises } : {}),
        ...(ends ? { ends } : {}),
      };
    }),
  };
}
