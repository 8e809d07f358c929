/**
 * What every saved or imported record goes through before its schema: is it an object, does it hold
 * a prototype-polluting key anywhere, and the upgrade from its version to the current one by named
 * migrations. Shared by saved attempts and attempt files; nothing here throws.
 */

/** A named upgrade of a raw record from version `from` to `from + 1`. */
export interface Migration {
  name: string;
  from: number;
  /** Returns the upgraded record; it receives a copy it may change. */
  up(record: Record<string, unknown>): Record<string, unknown>;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The dotted path of the first prototype-polluting key anywhere in `value`, or null (iterative: deep input cannot overflow). */
export function findUnsafeKey(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (UNSAFE_KEYS.has(key)) return at;
      stack.push({ value: (v as Record<string, unknown>)[key], path: at });
    }
  }
  return null;
}

export type Upgrade =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problem: 'no-migration'; version: number }
  | { ok: false; problem: 'migration-failed'; migration: string };

/** Upgrades `raw` (at `version`) to `target`, one named migration per version; the input is not changed. */
export function upgrade(raw: Record<string, unknown>, version: number, target: number, migrations: readonly Migration[]): Upgrade {
  let current = raw;
  for (let v = version; v < target; v++) {
    const migration = migrations.find((m) => m.from === v);
    if (!migration) return { ok: false, problem: 'no-migration', version: v };
    try {
      const upgraded = migration.up(structuredClone(current));
      if (!isPlainObject(upgraded)) return { ok: false, problem: 'migration-failed', migration: migration.name };
      current = { ...upgraded, version: v + 1 };
    } catch {
      return { ok: false, problem: 'migration-failed', migration: migration.name };
    }
  }
  return { ok: true, value: current };
}
