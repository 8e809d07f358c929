/**
 * Attempt files: one self-contained, versioned JSON file per attempt, which a trainee exports and a
 * cohort lead imports. It carries the attempt (seed, event log with timestamps, free text, explain-backs,
 * score summary, coaching, the move of another attempt it retries from, the words being written) and the scenario it ran, source text included, so it replays wherever it is
 * opened even when the reader's library differs. Reading a file never throws and never evaluates
 * anything in it: each way a file can be wrong has its own message key, with arguments naming the file.
 * Checking that the scenario compiles and the log replays is the next step, `verifyAttemptFile`.
 */
import { z } from 'zod';
import { ATTEMPT_FORMAT, ATTEMPT_VERSION, attemptRecordSchema, type AttemptMigration, type AttemptRecord } from './attempt-record';
import { jsonErrorOffset, lineColumn, nestingBeyond } from './json-text';
import { cutIsTheSource, type KnownSources } from './known-sources';
import { findUnsafeKey, isPlainObject, upgrade } from './versioned';

export const ATTEMPT_FILE_FORMAT = 'ltc-attempt-file';
/** The version this code writes. Bump it with a named migration from the previous one. */
export const ATTEMPT_FILE_VERSION = 2;
/**
 * Files over this size are refused before they are read. The embedded scenario may be up to 2 MiB
 * (the compiler's limit) and JSON escaping can double it; the rest of an attempt is small.
 */
export const MAX_ATTEMPT_FILE_BYTES = 8 * 1024 * 1024;
/** A real attempt file nests 6 levels deep; anything past this is refused before parsing. */
export const MAX_ATTEMPT_FILE_DEPTH = 32;
/** The compiler's own source limit (MAX_SOURCE_BYTES); not imported, so reading files never loads the compiler. */
export const MAX_SCENARIO_SOURCE_CHARS = 2 * 1024 * 1024;
/** More moves than any real attempt makes; bounds the work of replaying a hostile file. */
export const MAX_MOVES = 5_000;
const MAX_NAME = 255;
/** Words being written are a paragraph or two; a longer draft is not the trainee's. */
export const MAX_DRAFT_CHARS = 20_000;

const r = attemptRecordSchema.shape;

/** The attempt inside a file: the record without what belongs to the reader's own copy. */
const fileAttemptSchema = z
  .strictObject({
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    status: r.status,
    trainee: r.trainee,
    seed: r.seed,
    moves: r.moves.max(MAX_MOVES),
    times: r.times.max(MAX_MOVES),
    freeText: r.freeText.max(MAX_MOVES),
    explainBacks: r.explainBacks.max(100),
    /** The score the trainee's app recorded (null before the attempt ended). */
    score: r.score.unwrap().nullable(),
    coaching: r.coaching,
    /** The attempt and move this one retries from (the moves before it replayed), or null. */
    retryOf: r.retryOf,
    /** The say-first (or explain-back) words being written and not yet submitted, or null. */
    draft: r.draft,
  })
  .refine((a) => a.times.length === a.moves.length, { path: ['times'], message: 'one time per move' })
  // A retry replays the moves before its turn, so it holds at least those; and it cannot retry itself.
  .refine((a) => a.retryOf === null || a.retryOf.turn <= a.moves.length + 1, { path: ['retryOf', 'turn'], message: 'past the moves replayed' })
  .refine((a) => a.retryOf === null || a.retryOf.attempt !== a.id, { path: ['retryOf', 'attempt'], message: 'the attempt itself' })
  // Say-first words are written before the next move; an explain-back's before the stage's is given.
  .refine((a) => a.draft?.kind !== 'say-first' || a.draft.turn <= a.moves.length + 1, { path: ['draft', 'turn'], message: 'past the next move' })
  .refine((a) => a.draft === null || (a.draft.text.length > 0 && a.draft.text.length <= MAX_DRAFT_CHARS), { path: ['draft', 'text'], message: 'empty or too long' });

/** The schema of the current version (v2). Timestamps are milliseconds since the epoch. */
export const attemptFileSchema = z.strictObject({
  format: z.literal(ATTEMPT_FILE_FORMAT),
  version: z.literal(ATTEMPT_FILE_VERSION),
  exportedAt: z.number().int().min(0),
  attempt: fileAttemptSchema,
  scenario: z.strictObject({
    id: r.scenario.shape.id,
    version: r.scenario.shape.version,
    hash: r.scenario.shape.hash,
    /** The scenario's file name where it was exported (shown to the reader; never used as a path). */
    file: z.string().max(MAX_NAME),
    source: z.string().min(1).max(MAX_SCENARIO_SOURCE_CHARS),
  }),
});

export type AttemptFile = z.infer<typeof attemptFileSchema>;

/** Named upgrades of older file versions, oldest first. */
export const ATTEMPT_FILE_MIGRATIONS: readonly AttemptMigration[] = [
  {
    // v2 carries a retry's origin and the words being written; a v1 file had neither.
    name: 'add-retry-origin-and-draft',
    from: 1,
    // (A v1 file edited to hold them keeps them, to be checked like a v2 file's.)
    up: (f) => (isPlainObject(f.attempt) ? { ...f, attempt: { retryOf: null, draft: null, ...f.attempt } } : f),
  },
];

/** Every message an attempt file can get; the `attemptFile` locale section has a text for each. */
export const ATTEMPT_FILE_MESSAGE_KEYS = [
  'attemptFile.read.too-large',
  'attemptFile.read.binary',
  'attemptFile.read.empty',
  'attemptFile.read.not-json',
  'attemptFile.read.truncated',
  'attemptFile.read.too-deep',
  'attemptFile.read.not-an-object',
  'attemptFile.read.unsafe-key',
  'attemptFile.read.wrong-format',
  'attemptFile.read.bad-version',
  'attemptFile.read.future-version',
  'attemptFile.read.no-migration',
  'attemptFile.read.migration-failed',
  'attemptFile.read.invalid',
  'attemptFile.verify.does-not-compile',
  'attemptFile.verify.hash-mismatch',
  'attemptFile.verify.id-mismatch',
  'attemptFile.verify.version-mismatch',
  'attemptFile.verify.not-replayable',
  'attemptFile.verify.score-differs',
  'attemptFile.verify.score-not-recorded',
  'attemptFile.verify.status-differs',
] as const;
export type AttemptFileMessageKey = (typeof ATTEMPT_FILE_MESSAGE_KEYS)[number];

/** A message about one file: a key in the `attemptFile` locale section and its arguments (always `file`). */
export interface AttemptFileMessage {
  key: AttemptFileMessageKey;
  args: Record<string, string | number>;
}

export type AttemptFileRead =
  | { ok: true; file: AttemptFile; migratedFrom: number | null }
  | { ok: false; error: AttemptFileMessage };

/** A file name fit to show in a message: long names keep their start and their extension. */
export function shownFileName(name: string): string {
  const plain = String(name);
  return plain.length <= 160 ? plain : `${plain.slice(0, 100)}…${plain.slice(-50)}`;
}

/** UTF-8 length of `text`. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** One decoder for every file: a failed decode leaves it ready for the next. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * The refusal of a file of `bytes` bytes when that is over the limit, else null. Callers that can
 * see a file's size before reading it (a file picker, the file system) check it first.
 */
export function sizeProblem(fileName: string, bytes: number): AttemptFileMessage | null {
  if (bytes <= MAX_ATTEMPT_FILE_BYTES) return null;
  return { key: 'attemptFile.read.too-large', args: { file: shownFileName(fileName), size: megabytes(bytes), limit: megabytes(MAX_ATTEMPT_FILE_BYTES) } };
}

/**
 * Reads an attempt file from its bytes (or text) and checks it: size, encoding, syntax, nesting,
 * unsafe keys, format, version (upgrading older ones with `migrations`) and shape. Never throws.
 */
export function readAttemptFile(
  input: string | Uint8Array,
  fileName: string,
  migrations: readonly AttemptMigration[] = ATTEMPT_FILE_MIGRATIONS,
  /** The file's size in bytes, when the caller knows it (text already decoded): saves counting it again. */
  byteLength?: number,
  /** Sources seen in earlier files of the same import: a file that embeds one again is read without it. */
  known?: KnownSources,
): AttemptFileRead {
  if (known && typeof input !== 'string' && !sizeProblem(fileName, input.byteLength)) {
    const cut = known.cut(input);
    if (cut) {
      // A file that is wrong somewhere is read whole again, so that its message points at the right place.
      const fast = readAttemptFileText(cut.rest, fileName, migrations, input.byteLength, cut.text);
      if (fast?.ok) return fast;
    }
    const read = readAttemptFileText(input, fileName, migrations, byteLength, null)!;
    if (read.ok) known.learn(input, read.file.scenario.source, (b) => utf8.decode(b));
    return read;
  }
  return readAttemptFileText(input, fileName, migrations, byteLength, null)!;
}

/**
 * The read of `input`; with `source` (the text cut out of it), null when the cut turns out not to
 * have been the scenario's source, so the caller reads the file whole.
 */
function readAttemptFileText(
  input: string | Uint8Array,
  fileName: string,
  migrations: readonly AttemptMigration[],
  byteLength: number | undefined,
  source: string | null,
): AttemptFileRead | null {
  const file = shownFileName(fileName);
  const fail = (key: AttemptFileMessageKey, args: AttemptFileMessage['args'] = {}): AttemptFileRead => ({ ok: false, error: { key, args: { file, ...args } } });

  const size = byteLength ?? (typeof input === 'string' ? utf8Length(input) : input.byteLength);
  const tooLarge = sizeProblem(fileName, size);
  if (tooLarge) return { ok: false, error: tooLarge };
  let text: string;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    try {
      text = utf8.decode(input); // also drops a byte-order mark
    } catch {
      return fail('attemptFile.read.binary');
    }
  }
  if (!text.trim()) return fail('attemptFile.read.empty');

  const deep = nestingBeyond(text, MAX_ATTEMPT_FILE_DEPTH);
  if (deep >= 0) return fail('attemptFile.read.too-deep', { limit: MAX_ATTEMPT_FILE_DEPTH, ...lineColumn(text, deep) });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Valid JSON never holds a raw NUL, so a file with one is looked at only once parsing failed.
    if (text.includes('\u0000')) return fail('attemptFile.read.binary');
    const at = jsonErrorOffset(text);
    if (at >= text.length) return fail('attemptFile.read.truncated');
    return fail('attemptFile.read.not-json', lineColumn(text, Math.max(at, 0)));
  }

  if (source !== null) {
    if (!cutIsTheSource(raw)) return null;
    (raw as { scenario: { source: string } }).scenario.source = source;
  }
  if (!isPlainObject(raw)) return fail('attemptFile.read.not-an-object');
  const unsafe = findUnsafeKey(raw);
  if (unsafe !== null) return fail('attemptFile.read.unsafe-key', { key: unsafe.split('.').pop()!, path: unsafe });
  if (raw.format !== ATTEMPT_FILE_FORMAT) return fail('attemptFile.read.wrong-format', { expected: ATTEMPT_FILE_FORMAT });
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return fail('attemptFile.read.bad-version');
  if (version > ATTEMPT_FILE_VERSION) return fail('attemptFile.read.future-version', { version, supported: ATTEMPT_FILE_VERSION });

  const upgraded = upgrade(raw, version, ATTEMPT_FILE_VERSION, migrations);
  if (!upgraded.ok) {
    return upgraded.problem === 'no-migration'
      ? fail('attemptFile.read.no-migration', { version: upgraded.version, supported: ATTEMPT_FILE_VERSION })
      : fail('attemptFile.read.migration-failed', { migration: upgraded.migration });
  }
  const parsed = attemptFileSchema.safeParse(upgraded.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail('attemptFile.read.invalid', { path: issue.path.map(String).join('.') || '(top level)', issue: issue.code });
  }
  return { ok: true, file: parsed.data, migratedFrom: version === ATTEMPT_FILE_VERSION ? null : version };
}

/** The scenario an attempt ran, as the exporter holds it. `hash` must be the attempt's. */
export interface ScenarioSourceFile {
  /** File name, e.g. `precision-erp.yaml`. */
  file: string;
  source: string;
  hash: string;
}

/** The file for an attempt. */
export function attemptFileOf(record: AttemptRecord, scenario: ScenarioSourceFile, exportedAt: number): AttemptFile {
  if (scenario.hash !== record.scenario.hash) {
    // A bug of the caller: the file would not verify anywhere. Export only with the source the attempt ran.
    throw new Error(`Attempt ${record.id} ran scenario ${record.scenario.hash}, not ${scenario.hash}.`);
  }
  const { id, createdAt, updatedAt, status, trainee, seed, moves, times, freeText, explainBacks, score, coaching, retryOf, draft } = record;
  return {
    format: ATTEMPT_FILE_FORMAT,
    version: ATTEMPT_FILE_VERSION,
    exportedAt,
    attempt: { id, createdAt, updatedAt, status, trainee, seed, moves, times, freeText, explainBacks, score: score ?? null, coaching, retryOf, draft },
    scenario: { ...record.scenario, file: scenario.file, source: scenario.source },
  };
}

/** An attempt file's text (pretty JSON): what a trainee downloads. */
export function exportAttemptFile(record: AttemptRecord, scenario: ScenarioSourceFile, exportedAt: number): string {
  return JSON.stringify(attemptFileOf(record, scenario, exportedAt), null, 2) + '\n';
}

/** The attempt record a file holds, marked as imported (or not, with `imported` null). */
export function attemptFromFile(file: AttemptFile, imported: AttemptRecord['imported']): AttemptRecord {
  const { score, ...attempt } = file.attempt;
  const { id, version, hash } = file.scenario;
  return {
    format: ATTEMPT_FORMAT,
    version: ATTEMPT_VERSION,
    ...attempt,
    scenario: { id, version, hash },
    ...(score ? { score } : {}),
    imported,
  };
}

const MAX_DATE = 8.64e15; // the last moment a JavaScript Date can hold

const slug = (s: string, max: number) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');

/** A file name to suggest on export: `<scenario>-<trainee>-<date>-<id>.json`, safe on every system. */
export function suggestAttemptFileName(record: AttemptRecord): string {
  const date = record.createdAt <= MAX_DATE ? new Date(record.createdAt).toISOString().slice(0, 10) : 'undated';
  const parts = [slug(record.scenario.id, 60) || 'scenario', slug(record.trainee, 40) || 'attempt', date, slug(record.id, 8) || 'x'];
  return `${parts.join('-')}.json`;
}
