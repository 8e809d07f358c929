/**
 * Checks the document against the scenario schema and turns zod's issues into diagnostics that
 * a trainer can act on: the exact key, "did you mean", the allowed keys, positions.
 */
import type { z } from 'zod';
import { scenarioSchema, textSchema } from '../scenario/schema';
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
    if (def.type === 'object') s = (def.shape as Record<string, AnySchema>)[String(seg)];
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
      return issue.keys.map((key) => {
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
      const detail = isText
        ? 'expected a text: a string, or a map with "en" and/or "zh-CN"'
        : 'expected a text, or a list of { when, text } variants';
      return [src.at('SC011', path, { where: formatPath(path), detail })];
    }
    case 'invalid_value': {
      const found = valueAt(src.value, path);
      const options = issue.values.map(String);
      const suggestion = typeof found === 'string' ? suggest(found, options) : undefined;
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

/** Validates the document's shape; never throws. */
export function checkShape(src: SourceDocument): ShapeResult {
  const result = scenarioSchema.safeParse(src.value);
  if (result.success) return { diagnostics: [], brokenPaths: [] };
  const diagnostics = result.error.issues.flatMap((i) => issueToDiagnostics(src, i));
  return { diagnostics, brokenPaths: result.error.issues.map((i) => i.path as DocPath) };
}
