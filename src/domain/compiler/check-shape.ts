/**
 * Checks the document against the scenario schema and turns zod's issues into diagnostics that
 * a trainer can act on: the exact key, "did you mean", the allowed keys, positions.
 */
import type { z } from 'zod';
import { conditionSchema, scenarioSchema, textSchema } from '../scenario/schema';
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

function describeWhere(path: DocPath): string {
  return path.length ? `"${formatPath(path)}"` : 'the top level';
}

function valueAt(value: unknown, path: DocPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return v;
}

function issueToDiagnostics(src: SourceDocument, issue: z.core.$ZodIssue): Diagnostic[] {
  const path = issue.path as DocPath;
  const where = describeWhere(path);
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
        return [src.at('SC010', parent, { key: String(path[path.length - 1]), where: describeWhere(parent) }, true)];
      }
      return [src.at('SC011', path, { where: formatPath(path) || 'The file', detail: `expected ${issue.expected}, found ${kindOf(valueAt(src.value, path))}` })];
    case 'invalid_union': {
      const schema = schemaAt(scenarioSchema, path);
      const isText = schema === unwrap(textSchema as AnySchema) || objectKeys(schema).join() === 'en,zh-CN';
      if (valueAt(src.value, path) === undefined && path.length) {
        const parent = path.slice(0, -1);
        return [src.at('SC010', parent, { key: String(path[path.length - 1]), where: describeWhere(parent) }, true)];
      }
      if (schema && defOf(schema).type === 'union' && (defOf(schema).options as AnySchema[]).includes(conditionSchema as AnySchema)) {
        // A condition or a list of them: the option of the value's own shape says what is wrong inside.
        const value = valueAt(src.value, path);
        const inner = issue.errors.find((group) => !group.some((i) => i.code === 'invalid_type' && i.path.length === 0));
        if (value !== null && typeof value === 'object' && inner?.length) {
          return inner.flatMap((i) => issueToDiagnostics(src, { ...i, path: [...path, ...i.path] } as z.core.$ZodIssue));
        }
        return [src.at('SC011', path, { where: formatPath(path), detail: 'expected a condition (a map of tests), or a list of conditions of which any may hold' })];
      }
      const detail = isText
        ? 'expected a text: a string, or a map with "en" and/or "zh-CN"'
        : 'expected a text, or a list of { when, text } variants';
      return [src.at('SC011', path, { where: formatPath(path), detail })];
    }
    case 'invalid_value': {
      const found = valueAt(src.value, path);
      const options = issue.values.map(String);
      const suggestion = typeof found === 'string' ? suggest(found, options) : undefined;
      if (typeof found === 'string' && options.every((o) => (STAGES as readonly string[]).includes(o))) {
        return [src.at('SC013', path, { id: found, where: `"${formatPath(path)}"`, ...(suggestion ? { suggestion } : {}) })];
      }
      const detail = `"${String(found)}" is not allowed; use one of ${options.join(', ')}${suggestion ? `. Did you mean "${suggestion}"?` : ''}`;
      return [src.at('SC011', path, { where: formatPath(path), detail })];
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      const why = issue.issues[0]?.message ?? 'not a valid id';
      return [src.at('SC011', path, { where: formatPath(parent) || 'The file', detail: `the key "${key}" is not a valid id (${why}); if this was meant as text inside { … }, a comma split it: quote the text` }, true)];
    }
    default:
      return [src.at('SC011', path, { where: formatPath(path) || 'The file', detail: issue.message })];
  }
}

function kindOf(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
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
            ? src.at('SC009', p, { key, where: describeWhere(path), allowed: allowed.join(', ') }, true)
            : src.at('SC011', p, { where: formatPath(path) || 'The file', detail: `the key "${key}" is not allowed; use an id of lower-case letters, digits and dashes` }, true),
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
