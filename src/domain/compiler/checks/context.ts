/**
 * The check context the semantic passes share (as YarnSpinner's checks share one compilation
 * context): the salvaged source, the ids it declares, the containers of steps, and the helpers that
 * report a diagnostic at a document path. Each pass (steps, graph, earnability, deal, settings,
 * translations) reads it and reports through it; none stops the others.
 *
 * Hot paths (every step and option of a large scenario) build document paths and texts only when
 * there is something to report.
 */
import { CONVERSATION_STAGES } from '../../ltc/stages';
import type { ChecklistItem } from '../../ltc/default-checklist';
import type { ConditionSource, EffectsSource, OptionSource, ScenarioSource, StepSource } from '../../scenario/schema';
import type { Diagnostic, DiagnosticArgs } from '../../diagnostics/diagnostic';
import type { DiagnosticCode } from '../../diagnostics/codes';
import { mergeChecklist } from '../checklist-merge';
import { formatPath, type DocPath, type SourceDocument } from '../source-document';
import type { Salvaged } from '../salvage';
import { suggest } from '../suggest';

/** A stage or a named objection: a start step and its steps. */
export interface Container {
  section: 'stages' | 'objections';
  id: string;
  start: string;
  steps: Record<string, StepSource>;
}

export interface CheckContext {
  src: SourceDocument;
  source: ScenarioSource;
  /** Dotted paths of the parts the shape check replaced by placeholders. */
  broken: ReadonlySet<string>;
  /** No placeholder anywhere: every `broken.has(…)` is false, so the keys need not be built. */
  noneBroken: boolean;
  languages: string[];
  checklist: ChecklistItem[];
  items: ReadonlyMap<string, ChecklistItem>;
  facts: string[];
  promises: string[];
  objections: string[];
  /** The six conversation stages, then the named objections. */
  containers: Container[];
  /** Every option of every container, with its container. */
  allOptions(): { c: Container; o: OptionSource }[];
  /** Whether any option of any container ends the attempt won. */
  anyWon(): boolean;
  report(code: DiagnosticCode, path: DocPath, args?: DiagnosticArgs, key?: boolean): void;
  /** `known.includes(id)`, through a set per list. */
  isKnown(known: readonly string[], id: unknown): boolean;
  /** An unknown id at `path`, listed in `where` (a document path), with a suggestion from `known`. */
  unknown(code: DiagnosticCode, id: string, known: string[], path: DocPath, where: string): void;
  /** Checks the ids listed at `[...base, seg]`. */
  checkIds(ids: string[] | undefined, known: string[], code: DiagnosticCode, base: DocPath, seg?: string): void;
  /** Checks the number at `[...base, seg]`. */
  range(value: number | undefined, min: number, max: number, base: DocPath, seg?: string | number): void;
  checkCondition(when: ConditionSource | undefined, path: DocPath): void;
  checkEffects(effects: EffectsSource | undefined, path: DocPath): void;
  /** Checks the objection id at `[...base, seg]`. */
  checkRaises(id: string | undefined, base: DocPath, seg: string): void;
}

/** `[...base, seg]`, or `base` itself when there is no segment. */
export const child = (base: DocPath, seg?: string | number): DocPath => (seg === undefined ? base : [...base, seg]);

/** The context of one check run; diagnostics go to `out` in discovery order. */
export function makeCheckContext(src: SourceDocument, { source, broken }: Salvaged, out: Diagnostic[]): CheckContext {
  const report = (code: DiagnosticCode, path: DocPath, args: DiagnosticArgs = {}, key = false) => void out.push(src.at(code, path, args, key));
  const checklist = mergeChecklist(source);
  const items = new Map(checklist.map((i) => [i.id, i]));
  const facts = Object.keys(source.customer?.facts ?? {});
  const promises = Object.keys(source.promises ?? {});
  const objections = Object.keys(source.objections ?? {});

  const knownSets = new Map<readonly string[], Set<unknown>>();
  const isKnown = (known: readonly string[], id: unknown) => {
    let set = knownSets.get(known);
    if (!set) knownSets.set(known, (set = new Set(known)));
    return set.has(id);
  };
  const unknown = (code: DiagnosticCode, id: string, known: string[], path: DocPath, where: string) => {
    const s = suggest(id, known);
    report(code, path, { id, where, ...(s ? { suggestion: s } : {}) });
  };
  const checkIds = (ids: string[] | undefined, known: string[], code: DiagnosticCode, base: DocPath, seg?: string) =>
    ids?.forEach((id, i) => {
      if (!isKnown(known, id)) {
        const path = child(base, seg);
        unknown(code, id, known, [...path, i], formatPath(path));
      }
    });
  const range = (value: number | undefined, min: number, max: number, base: DocPath, seg?: string | number) => {
    // Only numbers: anything else is the shape check's to report (and may not even compare).
    if (typeof value === 'number' && (value < min || value > max)) {
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
  const checkRaises = (id: string | undefined, base: DocPath, seg: string) => {
    if (id !== undefined && !isKnown(objections, id)) {
      const path = [...base, seg];
      unknown('SC014', id, objections, path, formatPath(path));
    }
  };

  const containers: Container[] = [
    ...CONVERSATION_STAGES.map((s) => ({ section: 'stages' as const, id: s, ...source.stages[s]! })),
    ...objections.map((o) => ({ section: 'objections' as const, id: o, ...source.objections![o]! })),
  ];
  let options: { c: Container; o: OptionSource }[] | undefined;
  const allOptions = () => (options ??= containers.flatMap((c) => Object.values(c.steps).flatMap((s) => s.options.map((o) => ({ c, o })))));
  let won: boolean | undefined;
  const anyWon = () => (won ??= containers.some((k) => Object.values(k.steps).some((st) => st.options.some((o) => o.ends?.outcome === 'won'))));

  return {
    src,
    source,
    broken,
    noneBroken: broken.size === 0,
    languages: source.languages ?? [],
    checklist,
    items,
    facts,
    promises,
    objections,
    containers,
    allOptions,
    anyWon,
    report,
    isKnown,
    unknown,
    checkIds,
    range,
    checkCondition,
    checkEffects,
    checkRaises,
  };
}
