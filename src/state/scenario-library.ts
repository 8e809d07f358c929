/**
 * The bundled scenario library, compiled at build time (see src/bundling/scenario-library-plugin.ts).
 * The list holds only what the library screen shows; a scenario's model is loaded when opened.
 * A file that does not compile is listed with its diagnostics; the others still work.
 */
import library, { loaders, sourceLoaders, type ScenarioSource } from 'virtual:scenario-library';
import type { Diagnostic } from '../domain/diagnostics/diagnostic';
import type { ScenarioMeta, ScenarioModel } from '../domain/scenario/model';
import type { Exemplar } from '../domain/explorer/exemplar';

export interface LibraryEntry {
  file: string;
  /** Null when the file does not compile. */
  meta: ScenarioMeta | null;
  diagnostics: Diagnostic[];
  /** Set for one of the trainer's own scenarios (kept in this browser): its key and file name. */
  own?: { key: string; fileName: string };
}

export interface LoadedScenario {
  model: ScenarioModel;
  /** The explorer's expert path (seed and moves), found at build time; null if none was found. */
  exemplar: Exemplar | null;
}

/** Every bundled scenario, sorted by file name. */
export function bundledScenarios(): LibraryEntry[] {
  return library;
}

/** Loads one playable scenario's model and expert path. */
export async function loadScenario(file: string): Promise<LoadedScenario> {
  const load = loaders[file];
  if (!load) throw new Error(`No playable scenario ${file}`);
  return (await load()).default;
}

/** Loads one playable scenario's YAML source (with its id, version and hash), e.g. to keep with an attempt. */
export async function loadScenarioSource(file: string): Promise<ScenarioSource> {
  const load = sourceLoaders[file];
  if (!load) throw new Error(`No playable scenario ${file}`);
  return (await load()).default;
}
