/** The check of a stored scenario source (see scenario-source.ts). */
import { z } from 'zod';
import type { ScenarioSource } from './scenario-source';

/** Scenario files are limited to this size by the compiler too (SC001). */
export const SOURCE_MAX_BYTES = 2 * 1024 * 1024;

export const scenarioSourceSchema = z.strictObject({
  format: z.literal('ltc-scenario-source'),
  version: z.literal(1),
  hash: z.string().min(1).max(200),
  id: z.string().min(1).max(200),
  scenarioVersion: z.string().max(200),
  file: z.string().max(1_000),
  source: z.string().max(SOURCE_MAX_BYTES),
}) satisfies z.ZodType<ScenarioSource>;

/** Reads a stored source; null when it is not a valid one. */
export function readScenarioSource(raw: unknown): ScenarioSource | null {
  const parsed = scenarioSourceSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
