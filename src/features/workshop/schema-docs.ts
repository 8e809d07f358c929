/**
 * Key documentation and completion from the one JSON Schema (`public/scenario.schema.json`, generated
 * from the zod schema): what keys a map at a given place allows, what each means, which values an
 * enum allows. A place is a path of keys, with `[]` for a list item (see `yaml-path.ts`).
 */
import schemaJson from '../../../public/scenario.schema.json';

type JsonSchema = {
  $ref?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
};

const ROOT = schemaJson as unknown as JsonSchema & { definitions: Record<string, JsonSchema> };

function deref(s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  for (let i = 0; cur?.$ref && i < 20; i++) cur = ROOT.definitions[cur.$ref.replace('#/definitions/', '')];
  return cur;
}

/** The alternatives a schema stands for (refs followed, unions and `allOf` flattened), each with the description found on the way. */
function alternatives(s: JsonSchema | undefined, description?: string, depth = 0): { schema: JsonSchema; description?: string }[] {
  const d = deref(s);
  if (!d || depth > 10) return [];
  const desc = description ?? s?.description ?? d.description;
  const union = d.anyOf ?? d.oneOf;
  if (union) return union.flatMap((u) => alternatives(u, desc, depth + 1));
  if (d.allOf?.length) return d.allOf.flatMap((u) => alternatives(u, desc, depth + 1));
  return [{ schema: d, ...(desc ? { description: desc } : {}) }];
}

/** The schemas at `path` (a key path, `[]` for list items). */
function schemasAt(path: readonly string[]): { schema: JsonSchema; description?: string }[] {
  let current = alternatives(ROOT);
  for (const seg of path) {
    current = current.flatMap(({ schema }) => {
      if (seg === '[]') return schema.items ? alternatives(schema.items) : [];
      const prop = schema.properties?.[seg];
      if (prop) return alternatives(prop);
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return alternatives(schema.additionalProperties);
      return [];
    });
    if (!current.length) return [];
  }
  return current;
}

export interface KeyDoc {
  key: string;
  description?: string;
}

/** The keys a map at `path` allows, with their documentation. */
export function keysAt(path: readonly string[]): KeyDoc[] {
  const seen = new Map<string, KeyDoc>();
  for (const { schema } of schemasAt(path)) {
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      if (seen.has(key)) continue;
      const description = alternatives(prop).find((a) => a.description)?.description;
      seen.set(key, { key, ...(description ? { description } : {}) });
    }
  }
  return [...seen.values()];
}

/** The documentation of the key at the end of `path`. */
export function keyDoc(path: readonly string[]): string | undefined {
  if (!path.length) return undefined;
  const key = path[path.length - 1]!;
  return keysAt(path.slice(0, -1)).find((k) => k.key === key)?.description ?? schemasAt(path).find((a) => a.description)?.description;
}

/** The values an enum at `path` allows (also inside a list of them). */
export function enumValuesAt(path: readonly string[]): string[] {
  const out = new Set<string>();
  const add = (alts: { schema: JsonSchema }[]) => {
    for (const { schema } of alts) {
      for (const v of schema.enum ?? []) if (typeof v === 'string') out.add(v);
      if (typeof schema.const === 'string') out.add(schema.const);
    }
  };
  const here = schemasAt(path);
  add(here);
  for (const { schema } of here) if (schema.items) add(alternatives(schema.items));
  return [...out];
}
