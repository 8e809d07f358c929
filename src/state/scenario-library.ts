/**
 * The bundled scenario library, compiled at build time (see src/build/scenario-library-plugin.ts).
 * A file that does not compile is listed with its diagnostics; the others still work.
 */
import library from 'virtual:scenario-library';
import type { Diagnostic } from '../domain/diagnostics/diagnostic';
import type { ScenarioModel } from '../domain/scenario/model';
import type { Move } from '../domain/runtime/context';

export interface LibraryEntry {
  file: string;
  model?: ScenarioModel;
  diagnostics: Diagnostic[];
  /** The explorer's expert path (seed and moves), found at build time; null if none was found. */
  exemplar?: { seed: number; moves: Move[] } | null;
}

/** Every bundled scenario, sorted by file name. */
export function bundledScenarios(): LibraryEntry[] {
  return library;
}
