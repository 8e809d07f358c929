/**
 * A scenario's source text kept beside the attempts played on it, by content hash: an attempt can be
 * replayed (and exported with its scenario) even after the library's copy changed. Versioned, and
 * checked on every read like everything saved.
 */
import { z } from 'zod';

/** Scenario files are limited to this size by the compiler too (SC001). */
export const SOURCE_MAX_BYTES = 1_000_000;

export const scenarioSourceSchema = z.strictObject({
  format: z.literal('ltc-scenario-source'),
  version: z.literal(1),
  /** The content hash the compiler gives the source (the model's `hash`). */
  hash: z.string().min(1).max(200),
  id: z.string().min(1).max(200),
  scenarioVersion: z.string().max(200),
  file: z.string().max(1_000),
  source: z.string().max(SOURCE_MAX_BYTES),
});

export type ScenarioSource = z.infer<typeof scenarioSourceSchema>;

/** A source record for a scenario file. */
export function scenarioSource(s: { hash: string; id: string; version: string; file: string; source: string }): ScenarioSource {
  return { format: 'ltc-scenario-source', version: 1, hash: s.hash, id: s.id, scenarioVersion: s.version, file: s.file, source: s.source };
}

/** Reads a stored source; null when it is not a valid one. */
export function readScenarioSource(raw: unknown): ScenarioSource | null {
  const parsed = scenarioSourceSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
