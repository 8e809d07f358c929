/**
 * Checks the document against the scenario schema and turns zod's issues into diagnostics that
 * a trainer can act on: the exact key, "did you mean", the allowed keys, positions.
 */
import type { z } from 'zod';
import { conditionSchema, ID_PATTERN, METER_TEST_PATTERN, scenarioSchema, STEP_REF_PATTERN, textSchema } from '../scenario/schema';
import { STAGES } from '../ltc/stages';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatPath, type DocPath, type SourceDocument } from './source-document';
import { suggest } from './suggest';

type AnySchema = z.core.$ZodType;
type Def = { type: string; [k: string]: unknown };
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema that governs `path`, or undefined where the path leaves the schema. */
export function schemaAt(root: AnySchema, path: DocPath): AnySchema | undefined {
  let s: AnySchema | undefined = root;
  for (const seg of path) {
    s = s && unwrap(s);
    if (!s) return undefined;
    const def = defOf(s);
    if (def.type === 'object') {
      const shape = def.shape as Record<string, AnySchema>;
      s = Object.hasOwn(shape, String(seg)) ? shape[String(seg)] : undefined;
    }
    else if (def.type === 'record') s = def.valueType as AnySchema;
    else if (def.type === 'array') s = def.element as AnySchema;
    else if (def.type === 'union') {
      const options = def.options as AnySchema[];
      s = options.map((o) => unwrap(o)).find((o) => o && ['object', 'array'].includes(defOf(o).type) && (typeof seg === 'number') === (defOf(o).type === 'array'));
      s = s && schemaAt(s, [seg]);
    } else return undefined;
  }
  return s && unwrap(s);
}

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (;;) {
    const def = defOf(cur);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') cur = def.innerType as AnySchema;
    else return cur;
  }
}

function objectKeys(s: AnySchema | undefined): string[] {
  if (!s) return [];
  const def = defOf(s);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') return (def.options as AnySchema[]).flatMap((o) => objectKeys(unwrap(o)));
  return [];
}

function valueAt(value: unknown, path: DocPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return v;
}

/** What the shape check expected, as a kind of value the messages can name (EXPECTED_KINDS). */
const EXPECTED: Record<string, string> = { string: 'text', number: 'number', int: 'whole-number', boolean: 'boolean', array: 'list', object: 'map', record: 'map' };
/** Format problems by the pattern that failed. */
const FORMATS = new Map<string, string>([
  [ID_PATTERN.source, 'bad-id'],
  [METER_TEST_PATTERN.source, 'bad-meter-test'],
  [STEP_REF_PATTERN.source, 'bad-step'],
]);

function issueToDiagnostics(src: SourceDocument, issue: z.core.$ZodIssue): Diagnostic[] {
  const path = issue.path as DocPath;
  const where = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeys(schemaAt(scenarioSchema, path));
      return issue.keys.filter((k) => !FORBIDDEN_KEYS.includes(k)).slice(0, MAX_SHAPE_DIAGNOSTICS).map((key) => {
        const suggestion = suggest(key, allowed);
        return src.at('SC009', [...path, key], { key, where, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) }, true);
      });
    }
    case 'invalid_type':
      if (valueAt(src.value, path) === undefined && path.length) {
        const parent = path.slice(0, -1);
        return [src.at('SC010', parent, { key: String(path[path.length - 1]), where: formatPath(parent) }, true)];
      }
      if (!EXPECTED[issue.expected]) return [src.at('SC011', path, { where, problem: 'other', detail: issue.message })];
      return [src.at('SC011', path, { where, problem: 'type', expected: EXPECTED[issue.expected]!, ...kindOf(valueAt(src.value, path)) })];
    case 'invalid_union': {
      const schema = schemaAt(scenarioSchema, path);
      const isText = schema === unwrap(textSchema as AnySchema) || objectKeys(schema).join() === 'en,zh-CN';
      if (valueAt(src.value, path) === undefined && path.length) {
        const parent = path.slice(0, -1);
        return [src.at('SC010', parent, { key: String(path[path.length - 1]), where: formatPath(parent) }, true)];
      }
      if (schema && defOf(schema).type === 'union' && (defOf(schema).options as AnySchema[]).includes(conditionSchema as AnySchema)) {
        // A condition or a list of them: the option of the value's own shape says what is wrong inside.
        const value = valueAt(src.value, path);
        const inner = issue.errors.find((group) => !group.some((i) => i.code === 'invalid_type' && i.path.length === 0));
        if (value !== null && typeof value === 'object' && inner?.length) {
          return inner.flatMap((i) => issueToDiagnostics(src, { ...i, path: [...path, ...i.path] } as z.core.$ZodIssue));
        }
        return [src.at('SC011', path, { where, problem: 'not-condition' })];
      }
      return [src.at('SC011', path, { where, problem: isText ? 'not-text' : 'not-lines' })];
    }
    case 'invalid_value': {
      const found = valueAt(src.value, path);
      if (found === undefined && path.length) {
        const parent = path.slice(0, -1);
        return [src.at('SC010', parent, { key: String(path[path.length - 1]), where: formatPath(parent) }, true)];
      }
      const options = issue.values.map(String);
      const suggestion = typeof found === 'string' ? suggest(found, options) : undefined;
      if (typeof found === 'string' && options.every((o) => (STAGES as readonly string[]).includes(o))) {
        return [src.at('SC013', path, { id: found, where, ...(suggestion ? { suggestion } : {}) })];
      }
      return [src.at('SC011', path, { where, problem: 'not-allowed', value: String(found), allowed: options.join(', '), ...(suggestion ? { suggestion } : {}) })];
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      // Record keys are ids: a key that is not one is most often text that a comma split.
      return [src.at('SC011', path, { where: formatPath(parent), problem: 'bad-key', key }, true)];
    }
    case 'invalid_format': {
      const problem = issue.format === 'regex' ? FORMATS.get(String((issue as { pattern?: string }).pattern ?? '')) : undefined;
      const value = valueAt(src.value, path);
      if (problem && typeof value === 'string') return [src.at('SC011', path, { where, problem, value })];
      return [src.at('SC011', path, { where, problem: 'other', detail: issue.message })];
    }
    case 'too_small':
      if (issue.origin === 'array') return [src.at('SC011', path, { where, problem: 'too-few', minimum: Number(issue.minimum) })];
      return [src.at('SC011', path, { where, problem: 'other', detail: issue.message })];
    default:
      return [src.at('SC011', path, { where, problem: 'other', detail: issue.message })];
  }
}

/** What was found, as a kind of value (FOUND_KINDS) and, for a scalar, the value itself. */
function kindOf(v: unknown): { found: string; value?: string | number } {
  if (v === null || v === undefined) return { found: 'null' };
  if (Array.isArray(v)) return { found: 'list' };
  if (typeof v === 'object') return { found: 'map' };
  if (typeof v === 'string') return { found: 'text', value: v.length > 40 ? v.slice(0, 40) + '…' : v };
  if (typeof v === 'number') return { found: 'number', value: v };
  return { found: typeof v === 'boolean' ? 'boolean' : 'text', value: String(v) };
}

export interface ShapeResult {
  diagnostics: Diagnostic[];
  /** Paths of issues, for salvaging the valid parts of a broken document. */
  brokenPaths: DocPath[];
}

/** At most this many shape problems are reported for one file: past that, the rest is noise. */
export const MAX_SHAPE_DIAGNOSTICS = 100;
const FORBIDDEN_KEYS = ['__proto__', 'prototype'];

/** Keys that could tamper with object prototypes are refused wherever they appear. */
function forbiddenKeys(src: SourceDocument): { diagnostics: Diagnostic[]; paths: DocPath[] } {
  const diagnostics: Diagnostic[] = [];
  const paths: DocPath[] = [];
  const stack: [unknown, DocPath][] = [[src.value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const key of Object.keys(v)) {
      const p = [...path, Array.isArray(v) ? Number(key) : key];
      if (FORBIDDEN_KEYS.includes(key)) {
        paths.push(p);
        const parent = schemaAt(scenarioSchema, path);
        const allowed = objectKeys(parent);
        diagnostics.push(
          parent && defOf(parent).type === 'object'
            ? src.at('SC009', p, { key, where: formatPath(path), allowed: allowed.join(', ') }, true)
            : src.at('SC011', p, { where: formatPath(path), problem: 'forbidden-key', key }, true),
        );
      } else stack.push([(v as Record<string, unknown>)[key], p]);
    }
  }
  return { diagnostics, paths };
}

/** Validates the document's shape; never throws. */
export function checkShape(src: SourceDocument): ShapeResult {
  const forbidden = forbiddenKeys(src);
  const result = scenarioSchema.safeParse(src.value);
  if (result.success && !forbidden.paths.length) return { diagnostics: [], brokenPaths: [] };
  const issues = result.success ? [] : result.error.issues;
  const diagnostics = [...forbidden.diagnostics];
  for (const issue of issues) {
    if (diagnostics.length >= MAX_SHAPE_DIAGNOSTICS) break;
    diagnostics.push(...issueToDiagnostics(src, issue));
  }
  return { diagnostics: diagnostics.slice(0, MAX_SHAPE_DIAGNOSTICS), brokenPaths: [...forbidden.paths, ...issues.map((i) => i.path as DocPath)] };
}
