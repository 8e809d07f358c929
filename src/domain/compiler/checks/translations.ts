/**
 * The translations pass: every text exists in every declared language and in no undeclared one
 * (SC023, SC032), and names only the placeholders the player fills, in a scenario with a calendar
 * (SC038). It walks the source along the zod schema, only into the parts that can hold a text.
 */
import { scenarioSchema, type ScenarioSource } from '../../scenario/schema';
import type { DiagnosticCode } from '../../diagnostics/codes';
import type { DiagnosticArgs } from '../../diagnostics/diagnostic';
import { formatPath, type DocPath } from '../source-document';
import type { CheckContext } from './context';

/** The placeholders the player fills in a text. */
export const PLACEHOLDERS = ['date', 'weekday', 'due-date'] as const;
const PLACEHOLDER = /\{([a-z][a-z-]*)\}/g;

export function checkTranslationsPass(x: CheckContext, hasCalendar: boolean): void {
  checkTranslations(x.source, x.languages, x.broken, x.report, hasCalendar);
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
  broken: ReadonlySet<string>,
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
