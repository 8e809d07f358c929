/**
 * A trainee's attempt as it is saved: versioned, self-describing JSON. It names the scenario it ran
 * (id, version and content hash) and holds the seed and event log, so the drill can be replayed or
 * continued exactly. Reading a record never throws: bad data comes back as an error with a message key
 * and arguments naming what is wrong and where. Older versions are upgraded by named migrations;
 * newer or unknown versions are refused.
 */
import { z } from 'zod';
import { STAGES } from '../ltc/stages';
import type { Move } from '../runtime/context';

import type { ScoreSummary } from '../scoring/score-summary';
import { ATTEMPT_FORMAT, ATTEMPT_VERSION } from './attempt-format';
import { findUnsafeKey, isPlainObject, upgrade, type Migration } from './versioned';

export { ATTEMPT_FORMAT, ATTEMPT_VERSION } from './attempt-format';

const BANDS = ['excellent', 'good', 'pass', 'fail', 'not-reached'] as const;
const OUTCOMES = ['won', 'lost', 'stalled', 'abandoned'] as const;

const text = z.string().max(100_000);
const id = z.string().min(1).max(200);

const leadPlanSchema = z.strictObject({
  profile: z.array(z.string()),
  grades: z.record(z.string(), z.enum(['A', 'B', 'C'])),
  pursue: z.array(z.string()),
  record: z.array(z.string()),
});

const moveSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('leads.submit'), plan: leadPlanSchema }),
  z.strictObject({ type: z.literal('choose'), option: z.string() }),
  z.strictObject({ type: z.literal('wait'), days: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('record'), fact: z.string() }),
  z.strictObject({ type: z.literal('abandon') }),
]);

const bandSchema = z.enum(BANDS);

const scoreSummarySchema = z.strictObject({
  overall: z.strictObject({ score: z.number(), band: bandSchema, passed: z.boolean() }),
  stages: z.array(z.strictObject({ stage: z.enum(STAGES), score: z.number(), band: bandSchema })),
  outcome: z.enum(OUTCOMES).nullable(),
});

const stage = z.enum(STAGES);

/** A cohort lead's coaching on an attempt: comments on moves, ratings of explain-backs, overall feedback. */
const coachingSchema = z.strictObject({
  coach: z.string().max(200),
  feedback: text,
  /** A comment on the move of `turn` (1 = the first move). */
  comments: z.array(z.strictObject({ turn: z.number().int().min(1), text, at: z.number().int().min(0) })).max(10_000),
  /** 1–5 stars per explain-back, by its stage. */
  ratings: z.array(z.strictObject({ stage, rating: z.number().int().min(1).max(5) })).max(STAGES.length),
  updatedAt: z.number().int().min(0),
});

/** Where a retry branched: the attempt it practises again, and the move it goes on live from (moves before it replayed). */
const retrySchema = z.strictObject({ attempt: id, turn: z.number().int().min(1) });

/** Words being written and not yet submitted (kept so a reload does not lose them). */
const draftSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('say-first'), turn: z.number().int().min(0), text }),
  z.strictObject({ kind: z.literal('explain-back'), stage, text }),
]);

/** The schema of the current version (v3). Timestamps are milliseconds since the epoch. */
export const attemptRecordSchema = z.strictObject({
  format: z.literal(ATTEMPT_FORMAT),
  version: z.literal(ATTEMPT_VERSION),
  id,
  createdAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
  status: z.enum(['in-progress', 'finished', 'abandoned']),
  scenario: z.strictObject({ id, version: z.string().max(200), hash: z.string().min(1).max(200) }),
  /** Who played it ('' until the trainee gives a name). */
  trainee: z.string().max(200),
  seed: z.number().int(),
  moves: z.array(moveSchema),
  /** When each move was made, parallel to `moves`; null for moves saved before times were kept. */
  times: z.array(z.number().int().min(0).nullable()),
  /** The trainee's "say it your way first" answers: `turn` is the move they were written before. */
  freeText: z.array(z.strictObject({ turn: z.number().int().min(0), text })),
  explainBacks: z.array(z.strictObject({ stage, text, skipped: z.boolean() })),
  score: scoreSummarySchema.optional(),
  /** Set when the attempt came in from a file rather than being played here. */
  imported: z.strictObject({ file: z.string().max(1_000), at: z.number().int().min(0) }).nullable(),
  coaching: coachingSchema.nullable(),
  /** Set when the attempt is a retry of another from one of its moves. */
  retryOf: retrySchema.nullable(),
  /** The say-first or explain-back words being written, or null. */
  draft: draftSchema.nullable(),
}).refine((r) => r.times.length === r.moves.length, { path: ['times'], message: 'one time per move' });

export type AttemptRecord = z.infer<typeof attemptRecordSchema>;
export type AttemptStatus = AttemptRecord['status'];
export type Coaching = z.infer<typeof coachingSchema>;
export type RetryOrigin = z.infer<typeof retrySchema>;
export type ReflectionDraft = z.infer<typeof draftSchema>;

// The saved moves must be exactly the runtime's moves: this fails to compile if the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const movesMatch: Same<AttemptRecord['moves'][number], Move> = true;
const summaryMatches: Same<z.infer<typeof scoreSummarySchema>, ScoreSummary> = true;
void movesMatch;
void summaryMatches;

/** What is wrong with a saved record: a message key, its arguments, and where (a dotted path). */
export interface AttemptRecordError {
  key:
    | 'attempts.record.not-an-object'
    | 'attempts.record.not-an-attempt'
    | 'attempts.record.unsafe-key'
    | 'attempts.record.bad-version'
    | 'attempts.record.future-version'
    | 'attempts.record.no-migration'
    | 'attempts.record.migration-failed'
    | 'attempts.record.invalid';
  args: Record<string, string | number>;
  path: string;
}

export type AttemptValidation =
  | { ok: true; record: AttemptRecord; migratedFrom: number | null }
  | { ok: false; error: AttemptRecordError };

/** A named upgrade of a raw record from version `from` to `from + 1`. */
export type AttemptMigration = Migration;

/** Every migration, oldest first. */
export const ATTEMPT_MIGRATIONS: readonly AttemptMigration[] = [
  {
    // v2 keeps when each move was made (unknown for older moves), who played, imports and coaching.
    name: 'add-move-times-trainee-and-coaching',
    from: 1,
    up: (r) => ({
      ...r,
      times: Array.isArray(r.moves) ? r.moves.map(() => null) : [],
      trainee: '',
      imported: null,
      coaching: null,
    }),
  },
  {
    // v3 marks a retry of another attempt from one of its moves, and keeps a reflection being written.
    name: 'add-retry-origin-and-reflection-draft',
    from: 2,
    up: (r) => ({ ...r, retryOf: null, draft: null }),
  },
];

export interface MigrationProblem {
  problem: 'duplicate-name' | 'duplicate-version' | 'past-current-version';
  migration: string;
}

/** Checks a migration list: unique names, at most one migration per version, none past the current one. */
export function checkMigrations(migrations: readonly AttemptMigration[]): MigrationProblem[] {
  const problems: MigrationProblem[] = [];
  const names = new Set<string>();
  const froms = new Set<number>();
  for (const m of migrations) {
    if (names.has(m.name)) problems.push({ problem: 'duplicate-name', migration: m.name });
    if (froms.has(m.from)) problems.push({ problem: 'duplicate-version', migration: m.name });
    if (m.from >= ATTEMPT_VERSION) problems.push({ problem: 'past-current-version', migration: m.name });
    names.add(m.name);
    froms.add(m.from);
  }
  return problems;
}

const fail = (key: AttemptRecordError['key'], path = '', args: AttemptRecordError['args'] = {}): AttemptValidation => ({
  ok: false,
  error: { key, path, args },
});

/**
 * Reads a saved attempt of any known version: checks it, upgrades it with `migrations` and validates
 * the result against the current schema. Never throws.
 */
export function validateAttempt(raw: unknown, migrations: readonly AttemptMigration[] = ATTEMPT_MIGRATIONS): AttemptValidation {
  if (!isPlainObject(raw)) return fail('attempts.record.not-an-object');
  const unsafe = findUnsafeKey(raw);
  if (unsafe !== null) return fail('attempts.record.unsafe-key', unsafe, { key: unsafe.split('.').pop()! });
  if (raw.format !== ATTEMPT_FORMAT) return fail('attempts.record.not-an-attempt', 'format', { expected: ATTEMPT_FORMAT });
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail('attempts.record.bad-version', 'version', { version: String(version) });
  }
  if (version > ATTEMPT_VERSION) {
    return fail('attempts.record.future-version', 'version', { version, supported: ATTEMPT_VERSION });
  }
  const upgraded = upgrade(raw, version, ATTEMPT_VERSION, migrations);
  if (!upgraded.ok) {
    return upgraded.problem === 'no-migration'
      ? fail('attempts.record.no-migration', 'version', { version: upgraded.version, supported: ATTEMPT_VERSION })
      : fail('attempts.record.migration-failed', '', { migration: upgraded.migration });
  }
  const parsed = attemptRecordSchema.safeParse(upgraded.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return fail('attempts.record.invalid', path, { path, issue: issue.code });
  }
  return { ok: true, record: parsed.data, migratedFrom: version === ATTEMPT_VERSION ? null : version };
}
