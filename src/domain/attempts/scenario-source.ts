/**
 * A scenario's source text kept beside the attempts played on it, by content hash: an attempt can be
 * replayed (and exported with its scenario) even after the library's copy changed. Versioned; what is
 * stored is checked on every read (scenario-source-schema.ts).
 */

export interface ScenarioSource {
  format: 'ltc-scenario-source';
  version: 1;
  /** The content hash the compiler gives the source (the model's `hash`). */
  hash: string;
  id: string;
  scenarioVersion: string;
  file: string;
  source: string;
}

/** A source record for a scenario file. */
export function scenarioSource(s: { hash: string; id: string; version: string; file: string; source: string }): ScenarioSource {
  return { format: 'ltc-scenario-source', version: 1, hash: s.hash, id: s.id, scenarioVersion: s.version, file: s.file, source: s.source };
}
