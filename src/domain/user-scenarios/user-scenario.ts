/**
 * A trainer's own scenario as it is kept in the browser: versioned, self-describing JSON. It holds
 * the YAML source with its content hash, what the compiler said about it (the library's view of the
 * model when it compiles, else its diagnostics: a draft), and the last saved versions so any of them
 * can be restored. Reading a record never throws: bad data comes back as an error naming the path.
 * Older versions are upgraded by named migrations; newer ones are refused.
 */
import { z } from 'zod';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ScenarioMeta } from '../scenario/model';
import { LOCALES } from '../text/localized-text';
import { findUnsafeKey, isPlainObject, upgrade, type Migration } from '../attempts/versioned';
import { SOURCE_MAX_BYTES } from '../attempts/scenario-source-schema';

export const USER_SCENARIO_FORMAT = 'ltc-user-scenario';
/** The version this code writes. Bump it with a named migration in USER_SCENARIO_MIGRATIONS. */
export const USER_SCENARIO_VERSION = 1;
/** Saved versions kept per scenario, newest last. */
export const MAX_VERSIONS = 20;
/** Saves closer together than this to the newest version replace it rather than add one (typing is not a version per keystroke). */
export const VERSION_INTERVAL_MS = 60_000;
/** Diagnostics kept with a draft (the workshop recompiles for the full list). */
export const MAX_KEPT_DIAGNOSTICS = 50;

const id = z.string().min(1).max(200);
const when = z.number().int().min(0);
const localized = z.partialRecord(z.enum(LOCALES), z.string().max(10_000));
const source = z.string().max(SOURCE_MAX_BYTES);

const metaSchema = z.strictObject({
  id,
  version: z.string().max(200),
  hash: id,
  title: localized,
  summary: localized,
  industry: localized,
  difficulty: z.enum(['intro', 'intermediate', 'advanced']),
  minutes: z.number().min(0),
  languages: z.array(z.enum(LOCALES)),
}) satisfies z.ZodType<ScenarioMeta>;

const diagnosticSchema = z.strictObject({
  code: z.custom<DiagnosticCode>((v) => typeof v === 'string' && Object.hasOwn(DIAGNOSTIC_CODES, v)),
  severity: z.enum(['error', 'warning']),
  file: z.string().max(1_000),
  line: z.number().int().min(0),
  column: z.number().int().min(0),
  path: z.string().max(10_000),
  args: z.record(z.string(), z.union([z.string().max(10_000), z.number()])),
  message: z.string().max(10_000),
}) satisfies z.ZodType<Diagnostic>;

const versionSchema = z.strictObject({ source, hash: id, savedAt: when });

/** The schema of the current version (v1). Timestamps are milliseconds since the epoch. */
export const userScenarioSchema = z.strictObject({
  format: z.literal(USER_SCENARIO_FORMAT),
  version: z.literal(USER_SCENARIO_VERSION),
  /** This browser's key for it (the scenario id may change as the trainer edits). */
  key: id,
  /** The file it came from or is exported as (`<scenario id>.yaml` once it compiles). */
  fileName: z.string().min(1).max(1_000),
  source,
  /** Content hash of `source` (the compiler's: equal to the model's hash when it compiles). */
  hash: id,
  createdAt: when,
  updatedAt: when,
  /** How it came: from the template, a file, or a bundled scenario. */
  origin: z.enum(['template', 'file', 'bundled']),
  /** The library's view of the model, when the source compiles; null for a draft. */
  meta: metaSchema.nullable(),
  /** What the compiler said (the first few: errors make it a draft). */
  diagnostics: z.array(diagnosticSchema).max(MAX_KEPT_DIAGNOSTICS),
  /** The last saved versions, oldest first; the newest is the current source. */
  versions: z.array(versionSchema).max(MAX_VERSIONS),
});

export type UserScenario = z.infer<typeof userScenarioSchema>;
export type SavedVersion = UserScenario['versions'][number];
export type UserScenarioOrigin = UserScenario['origin'];

/** What the compiler gave for a source, as a user scenario keeps it. */
export interface Compiled {
  meta: ScenarioMeta | null;
  diagnostics: readonly Diagnostic[];
}

/** Every migration, oldest first (none yet: v1 is the first version). */
export const USER_SCENARIO_MIGRATIONS: readonly Migration[] = [];

export interface UserScenarioError {
  key:
    | 'workshop.record.not-an-object'
    | 'workshop.record.not-a-scenario'
    | 'workshop.record.unsafe-key'
    | 'workshop.record.bad-version'
    | 'workshop.record.future-version'
    | 'workshop.record.no-migration'
    | 'workshop.record.migration-failed'
    | 'workshop.record.invalid';
  path: string;
  args: Record<string, string | number>;
}

export type UserScenarioRead = { ok: true; record: UserScenario; migratedFrom: number | null } | { ok: false; error: UserScenarioError };

const fail = (key: UserScenarioError['key'], path = '', args: UserScenarioError['args'] = {}): UserScenarioRead => ({ ok: false, error: { key, path, args } });

/** Reads a stored (or backed-up) user scenario of any known version; never throws. */
export function readUserScenario(raw: unknown, migrations: readonly Migration[] = USER_SCENARIO_MIGRATIONS, current = USER_SCENARIO_VERSION): UserScenarioRead {
  if (!isPlainObject(raw)) return fail('workshop.record.not-an-object');
  const unsafe = findUnsafeKey(raw);
  if (unsafe !== null) return fail('workshop.record.unsafe-key', unsafe, { key: unsafe.split('.').pop()! });
  if (raw.format !== USER_SCENARIO_FORMAT) return fail('workshop.record.not-a-scenario', 'format', { expected: USER_SCENARIO_FORMAT });
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('workshop.record.bad-version', 'version', { version: String(version) });
  if (version > current) return fail('workshop.record.future-version', 'version', { version, supported: current });
  const upgraded = upgrade(raw, version, current, migrations);
  if (!upgraded.ok) {
    return upgraded.problem === 'no-migration'
      ? fail('workshop.record.no-migration', 'version', { version: upgraded.version, supported: current })
      : fail('workshop.record.migration-failed', '', { migration: upgraded.migration });
  }
  const parsed = userScenarioSchema.safeParse({ ...upgraded.value, version: USER_SCENARIO_VERSION });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return fail('workshop.record.invalid', path, { path, issue: issue.code });
  }
  return { ok: true, record: parsed.data, migratedFrom: version === current ? null : version };
}

/** Whether a user scenario can be played (it compiles). */
export const isPlayable = (r: Pick<UserScenario, 'meta'>): r is { meta: ScenarioMeta } => r.meta !== null;

/** The file name a scenario is exported as: its id when it compiles, else the name it came with. */
export function exportFileName(r: Pick<UserScenario, 'meta' | 'fileName'>): string {
  if (r.meta) return `${r.meta.id}.yaml`;
  return /\.ya?ml$/i.test(r.fileName) ? r.fileName : `${r.fileName}.yaml`;
}

function withCompiled<T extends object>(record: T, compiled: Compiled) {
  return { ...record, meta: compiled.meta, diagnostics: compiled.diagnostics.slice(0, MAX_KEPT_DIAGNOSTICS).map((d) => ({ ...d })) };
}

/** A new user scenario holding `source` (its first saved version). */
export function newUserScenario(s: {
  key: string;
  fileName: string;
  source: string;
  hash: string;
  origin: UserScenarioOrigin;
  compiled: Compiled;
  now: number;
}): UserScenario {
  return withCompiled(
    {
      format: USER_SCENARIO_FORMAT,
      version: USER_SCENARIO_VERSION,
      key: s.key,
      fileName: s.fileName,
      source: s.source,
      hash: s.hash,
      createdAt: s.now,
      updatedAt: s.now,
      origin: s.origin,
      meta: null,
      diagnostics: [],
      versions: [{ source: s.source, hash: s.hash, savedAt: s.now }],
    },
    s.compiled,
  );
}

/**
 * `record` with a new source saved: it becomes the newest version (replacing the newest one when
 * that was saved less than VERSION_INTERVAL_MS before, so a burst of typing is one version, unless
 * `separate`); at most MAX_VERSIONS are kept. The same text again changes only what the compiler said.
 */
export function withSource(record: UserScenario, s: { source: string; hash: string; compiled: Compiled; now: number; separate?: boolean }): UserScenario {
  if (s.source === record.source) return withCompiled(record, s.compiled);
  const newest = record.versions.at(-1);
  const savedAt = Math.max(s.now, newest ? newest.savedAt + 1 : 0);
  const coalesce = !s.separate && newest !== undefined && record.versions.length > 1 && savedAt - newest.savedAt < VERSION_INTERVAL_MS;
  const versions = [...(coalesce ? record.versions.slice(0, -1) : record.versions), { source: s.source, hash: s.hash, savedAt }].slice(-MAX_VERSIONS);
  const fileName = s.compiled.meta ? `${s.compiled.meta.id}.yaml` : record.fileName;
  return withCompiled({ ...record, source: s.source, hash: s.hash, updatedAt: Math.max(s.now, record.updatedAt), versions, fileName }, s.compiled);
}

/** Restoring a saved version (by when it was saved): it is saved again as a version of its own, so nothing in between is lost. */
export function restoreVersion(record: UserScenario, savedAt: number, compiled: Compiled, now: number): UserScenario | null {
  const version = record.versions.find((v) => v.savedAt === savedAt);
  if (!version) return null;
  return withSource(record, { source: version.source, hash: version.hash, compiled, now, separate: true });
}

/**
 * Two copies of one user scenario (a backup and this browser): the one edited last is kept, with
 * the saved versions of both (by time, newest MAX_VERSIONS).
 */
export function mergeUserScenarios(here: UserScenario, other: UserScenario): UserScenario {
  const base = other.updatedAt > here.updatedAt ? other : here;
  const byKey = new Map<string, SavedVersion>();
  for (const v of [...here.versions, ...other.versions]) byKey.set(`${v.savedAt}|${v.hash}`, v);
  const versions = [...byKey.values()].sort((a, b) => a.savedAt - b.savedAt).slice(-MAX_VERSIONS);
  return { ...base, createdAt: Math.min(here.createdAt, other.createdAt), versions };
}

/** The top-level `scenario:` id of a YAML source, if it has one on a line of its own. */
export function sourceScenarioId(text: string): string | null {
  const m = /^scenario:[ \t]*["']?([A-Za-z0-9][\w.-]*)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return m ? m[1]! : null;
}

/** `text` with its top-level scenario id replaced (a duplicate must not be taken for the original). */
export function withScenarioId(text: string, id: string): string {
  return text.replace(/^scenario:[ \t]*["']?([A-Za-z0-9][\w.-]*)["']?/m, `scenario: ${id}`);
}
