/**
 * The backup of everything a browser holds (attempts, scenario sources, cohorts, preferences, and
 * whatever later stores register a section): one versioned JSON file, a list of versioned sections.
 * Each section is described once (`BackupSection`): its name and version, how to read one of its
 * records (checked, upgraded), its id, and how two copies with the same id merge. Reading a file
 * never throws and never evaluates anything in it: size before reading, UTF-8, nesting without
 * recursion, syntax, unsafe keys, format and versions, then every record of every section, so a
 * file is refused whole, by name and with the reason, before anything is written.
 */
import { jsonErrorOffset, lineColumn, nestingBeyond } from '../attempts/json-text';
import { findUnsafeKey, isPlainObject } from '../attempts/versioned';
import { canonicalJson } from './canonical';

export const BACKUP_FORMAT = 'ltc-backup';
/** The version this code writes. Bump it with a named migration of the file's frame. */
export const BACKUP_VERSION = 1;
/** A backup over this size is refused before it is read (a thousand attempts take about 10 MiB). */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
/** A real backup nests about ten levels deep. */
export const MAX_BACKUP_DEPTH = 40;

/** One record read from a backup: checked and upgraded, or why not. */
export type SectionRead<T> = { ok: true; record: T } | { ok: false; path: string; issue: string };

/** What merging a backup's copy of a record into this browser's copy gives. */
export type Merged<T> = { kind: 'same' } | { kind: 'update'; record: T } | { kind: 'conflict'; reason: string };

/**
 * A section of the backup, described once. `read` checks one stored or backed-up record of any
 * known version and upgrades it (never throws); `merge` decides what a second copy with the same id
 * means: nothing new, a record that holds both, or a conflict (the browser's copy is kept).
 */
export interface BackupSection<T> {
  name: string;
  /** The version of this section's records this code writes. */
  version: number;
  read(raw: unknown, version: number): SectionRead<T>;
  id(record: T): string;
  merge(existing: T, incoming: T): Merged<T>;
  /**
   * What makes two records with different ids the same thing (imported twice), if anything; a
   * backed-up record with the fingerprint of one here is a duplicate and is not added.
   */
  fingerprint?(record: T): string;
}

/** A section of a backup file as written. */
export interface SectionFile {
  version: number;
  items: unknown[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  sections: Record<string, SectionFile>;
}

/** A backup that passed every check: each section's records, read and upgraded. */
export interface CheckedBackup {
  exportedAt: number;
  sections: Record<string, unknown[]>;
}

export const BACKUP_MESSAGE_KEYS = [
  'backup.read.too-large',
  'backup.read.binary',
  'backup.read.empty',
  'backup.read.not-json',
  'backup.read.truncated',
  'backup.read.too-deep',
  'backup.read.not-an-object',
  'backup.read.unsafe-key',
  'backup.read.wrong-format',
  'backup.read.bad-version',
  'backup.read.future-version',
  'backup.read.bad-frame',
  'backup.read.unknown-section',
  'backup.read.future-section',
  'backup.read.invalid-record',
  'backup.read.duplicate-id',
] as const;
export type BackupMessageKey = (typeof BACKUP_MESSAGE_KEYS)[number];

export interface BackupMessage {
  key: BackupMessageKey;
  args: Record<string, string | number>;
}

export type BackupRead = { ok: true; backup: CheckedBackup } | { ok: false; error: BackupMessage };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
const shown = (name: string) => (name.length <= 160 ? name : `${name.slice(0, 100)}…${name.slice(-50)}`);

/** The refusal of a file of `bytes` bytes when that is over the limit, else null (checked before reading it). */
export function backupSizeProblem(fileName: string, bytes: number): BackupMessage | null {
  if (bytes <= MAX_BACKUP_BYTES) return null;
  return { key: 'backup.read.too-large', args: { file: shown(fileName), size: megabytes(bytes), limit: megabytes(MAX_BACKUP_BYTES) } };
}

/**
 * Reads a backup file from its bytes and checks all of it against `sections` (the registered
 * ones): every record of every section must read, ids must be unique within a section, and a
 * section this code does not know, or of a newer version, refuses the file. Never throws.
 */
export function readBackupFile(bytes: Uint8Array, fileName: string, sections: readonly BackupSection<unknown>[]): BackupRead {
  const file = shown(fileName);
  const fail = (key: BackupMessageKey, args: BackupMessage['args'] = {}): BackupRead => ({ ok: false, error: { key, args: { file, ...args } } });
  const tooLarge = backupSizeProblem(fileName, bytes.byteLength);
  if (tooLarge) return { ok: false, error: tooLarge };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail('backup.read.binary');
  }
  if (!text.trim()) return fail('backup.read.empty');
  const deep = nestingBeyond(text, MAX_BACKUP_DEPTH);
  if (deep >= 0) return fail('backup.read.too-deep', { limit: MAX_BACKUP_DEPTH, ...lineColumn(text, deep) });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    if (text.includes('\u0000')) return fail('backup.read.binary');
    const at = jsonErrorOffset(text);
    if (at >= text.length) return fail('backup.read.truncated');
    return fail('backup.read.not-json', lineColumn(text, Math.max(at, 0)));
  }
  if (!isPlainObject(raw)) return fail('backup.read.not-an-object');
  const unsafe = findUnsafeKey(raw);
  if (unsafe !== null) return fail('backup.read.unsafe-key', { key: unsafe.split('.').pop()!, path: unsafe });
  if (raw.format !== BACKUP_FORMAT) return fail('backup.read.wrong-format', { expected: BACKUP_FORMAT });
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('backup.read.bad-version');
  if (version > BACKUP_VERSION) return fail('backup.read.future-version', { version, supported: BACKUP_VERSION });
  const exportedAt = raw.exportedAt;
  if (typeof exportedAt !== 'number' || !Number.isInteger(exportedAt) || exportedAt < 0) return fail('backup.read.bad-frame', { path: 'exportedAt' });
  if (!isPlainObject(raw.sections)) return fail('backup.read.bad-frame', { path: 'sections' });

  const known = new Map(sections.map((s) => [s.name, s]));
  const out: Record<string, unknown[]> = {};
  for (const [name, section] of Object.entries(raw.sections)) {
    const spec = known.get(name);
    if (!spec) return fail('backup.read.unknown-section', { section: name });
    if (!isPlainObject(section) || !Array.isArray(section.items)) return fail('backup.read.bad-frame', { path: `sections.${name}` });
    const v = section.version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return fail('backup.read.bad-frame', { path: `sections.${name}.version` });
    if (v > spec.version) return fail('backup.read.future-section', { section: name, version: v, supported: spec.version });
    const ids = new Set<string>();
    const records: unknown[] = [];
    for (const [index, item] of section.items.entries()) {
      const read = spec.read(item, v);
      if (!read.ok) return fail('backup.read.invalid-record', { section: name, index: index + 1, path: read.path || '(top level)', issue: read.issue });
      const id = spec.id(read.record);
      if (ids.has(id)) return fail('backup.read.duplicate-id', { section: name, id });
      ids.add(id);
      records.push(read.record);
    }
    out[name] = records;
  }
  return { ok: true, backup: { exportedAt, sections: out } };
}

/** The backup file's text for the records of each section (pretty JSON). */
export function writeBackupFile(sections: readonly BackupSection<unknown>[], records: Record<string, readonly unknown[]>, exportedAt: number): string {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    sections: Object.fromEntries(sections.map((s) => [s.name, { version: s.version, items: [...(records[s.name] ?? [])] }])),
  };
  return JSON.stringify(file, null, 1) + '\n';
}

/** What restoring one section does, record by record. */
export interface SectionPlan<T> {
  add: T[];
  update: T[];
  /** Already here, identical (same id and content, or a duplicate by fingerprint). */
  kept: number;
  /** Records whose copy here differs in a way that cannot be merged: this browser's copy is kept. */
  conflicts: { id: string; reason: string }[];
}

/** Merges a section's backed-up records into the records this browser holds (by id, then by content and fingerprint). */
export function planSection<T>(section: BackupSection<T>, existing: readonly T[], incoming: readonly T[]): SectionPlan<T> {
  const byId = new Map(existing.map((r) => [section.id(r), r]));
  const prints = new Set(section.fingerprint ? existing.map((r) => section.fingerprint!(r)) : []);
  const plan: SectionPlan<T> = { add: [], update: [], kept: 0, conflicts: [] };
  for (const record of incoming) {
    const id = section.id(record);
    const here = byId.get(id);
    if (!here) {
      if (section.fingerprint && prints.has(section.fingerprint(record))) plan.kept += 1;
      else plan.add.push(record);
      continue;
    }
    if (canonicalJson(here) === canonicalJson(record)) {
      plan.kept += 1;
      continue;
    }
    const merged = section.merge(here, record);
    if (merged.kind === 'same' || (merged.kind === 'update' && canonicalJson(merged.record) === canonicalJson(here))) plan.kept += 1;
    else if (merged.kind === 'update') plan.update.push(merged.record);
    else plan.conflicts.push({ id, reason: merged.reason });
  }
  return plan;
}
