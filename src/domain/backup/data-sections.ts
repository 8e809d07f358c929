/**
 * The backup sections of the app's database: attempts (with their coaching), the scenario sources
 * they were played on (by content hash), cohorts, and the trainer's own scenarios with their saved versions. Each reads records through the same checks
 * as the database does (schemas, unsafe keys, named migrations) and says how two copies merge.
 */
import { ATTEMPT_VERSION, validateAttempt, type AttemptRecord } from '../attempts/attempt-record';
import type { ScenarioSource } from '../attempts/scenario-source';
import { scenarioSourceSchema } from '../attempts/scenario-source-schema';
import { findUnsafeKey } from '../attempts/versioned';
import { cohortRecordSchema, type CohortRecord } from '../cohort/cohort-record';
import { mergeUserScenarios, readUserScenario, USER_SCENARIO_VERSION, type UserScenario } from '../user-scenarios/user-scenario';
import type { BackupSection, SectionRead } from './backup-file';
import { canonicalJson } from './canonical';

const issueOf = (error: { issues: { path: PropertyKey[]; code: string }[] }): SectionRead<never> => {
  const issue = error.issues[0]!;
  return { ok: false, path: issue.path.map(String).join('.'), issue: issue.code };
};

/** A zod-checked record with no prototype-polluting key anywhere. */
function readWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; code: string }[] } } }) {
  return (raw: unknown): SectionRead<T> => {
    const unsafe = findUnsafeKey(raw);
    if (unsafe !== null) return { ok: false, path: unsafe, issue: 'unsafe-key' };
    const parsed = schema.safeParse(raw);
    return parsed.success ? { ok: true, record: parsed.data } : issueOf(parsed.error);
  };
}

const newer = <T extends { updatedAt: number }>(a: T | null, b: T | null) => (!a ? b : !b ? a : b.updatedAt > a.updatedAt ? b : a);

/**
 * Attempts, by id. Two copies of one attempt merge when one's moves continue the other's (the
 * further one is kept, with the newer coaching); moves that went different ways are a conflict.
 */
export const attemptsSection: BackupSection<AttemptRecord> = {
  name: 'attempts',
  version: ATTEMPT_VERSION,
  read(raw) {
    // Records carry their own version and go through the attempts' own named migrations.
    const checked = validateAttempt(raw);
    return checked.ok ? { ok: true, record: checked.record } : { ok: false, path: checked.error.path, issue: checked.error.key.replace('attempts.record.', '') };
  },
  id: (r) => r.id,
  fingerprint: (r) => `${r.scenario.hash}|${r.seed}|${r.createdAt}|${r.trainee}`,
  merge(here, other) {
    if (here.seed !== other.seed || here.scenario.hash !== other.scenario.hash || here.createdAt !== other.createdAt) return { kind: 'conflict', reason: 'different-attempt' };
    const [shorter, longer] = here.moves.length <= other.moves.length ? [here, other] : [other, here];
    if (!shorter.moves.every((m, i) => canonicalJson(m) === canonicalJson(longer.moves[i]))) return { kind: 'conflict', reason: 'moves-diverge' };
    const words = (r: AttemptRecord) => r.freeText.length + r.explainBacks.length;
    const base = here.moves.length !== other.moves.length ? longer : words(other) > words(here) ? other : here;
    return {
      kind: 'update',
      record: { ...base, coaching: newer(here.coaching, other.coaching), imported: here.imported, updatedAt: Math.max(here.updatedAt, other.updatedAt) },
    };
  },
};

/** Scenario sources, by content hash: the same hash with another text is a conflict (the one here is kept). */
export const sourcesSection: BackupSection<ScenarioSource> = {
  name: 'sources',
  version: 1,
  read: readWith(scenarioSourceSchema),
  id: (s) => s.hash,
  merge: () => ({ kind: 'conflict', reason: 'same-hash-other-text' }),
};

/** Cohorts, by id: two copies merge into one with the members of both (this browser's name is kept). */
export const cohortsSection: BackupSection<CohortRecord> = {
  name: 'cohorts',
  version: 1,
  read: readWith(cohortRecordSchema),
  id: (c) => c.id,
  fingerprint: (c) => `${c.name}|${[...c.attemptIds].sort().join(',')}`,
  merge: (here, other) => ({
    kind: 'update',
    record: { ...here, createdAt: Math.min(here.createdAt, other.createdAt), attemptIds: [...new Set([...here.attemptIds, ...other.attemptIds])] },
  }),
};

/**
 * The trainer's own scenarios, by key, each with its saved versions. Two copies merge into the one
 * edited last, with the saved versions of both; the same text is nothing new.
 */
export const userScenariosSection: BackupSection<UserScenario> = {
  name: 'userScenarios',
  version: USER_SCENARIO_VERSION,
  read(raw) {
    // Records carry their own version and go through their own named migrations.
    const read = readUserScenario(raw);
    return read.ok ? { ok: true, record: read.record } : { ok: false, path: read.error.path, issue: read.error.key.replace('workshop.record.', '') };
  },
  id: (r) => r.key,
  merge(here, other) {
    const merged = mergeUserScenarios(here, other);
    return canonicalJson(merged) === canonicalJson(here) ? { kind: 'same' } : { kind: 'update', record: merged };
  },
};
