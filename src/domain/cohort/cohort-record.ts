/**
 * A cohort: a named group of imported attempts that a lead reviews together. Saved versioned in the
 * app's database and checked on every read.
 */
import { z } from 'zod';

export const COHORT_NAME_MAX = 120;

export const cohortRecordSchema = z.strictObject({
  format: z.literal('ltc-cohort'),
  version: z.literal(1),
  id: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(COHORT_NAME_MAX),
  createdAt: z.number().int().min(0),
  attemptIds: z.array(z.string().min(1).max(200)).max(100_000),
});

export type CohortRecord = z.infer<typeof cohortRecordSchema>;

/** A new, empty cohort. */
export function newCohort(id: string, name: string, now: number): CohortRecord {
  return { format: 'ltc-cohort', version: 1, id, name: name.trim(), createdAt: now, attemptIds: [] };
}

/** Reads a stored cohort; null when it is not a valid one. */
export function readCohort(raw: unknown): CohortRecord | null {
  const parsed = cohortRecordSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The cohort with `ids` added (each once) or removed. */
export function withMembers(cohort: CohortRecord, ids: readonly string[], add: boolean): CohortRecord {
  const drop = new Set(ids);
  const kept = cohort.attemptIds.filter((id) => !drop.has(id));
  return { ...cohort, attemptIds: add ? [...kept, ...new Set(ids)] : kept };
}
