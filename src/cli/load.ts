/** File-system side of the CLI: finds scenario files and compiles them. */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { findFiles } from './find-files';
import { compileScenario, fileNameDiagnostics, type CompileResult } from '../domain/compiler/compile';
import { sortDiagnostics } from '../domain/diagnostics/diagnostic';
import { MAX_SOURCE_BYTES, readSource } from '../domain/compiler/source-document';
import { coherence, coherenceDiagnostics } from '../domain/explorer/coherence';
import { dealDiagnostics } from '../domain/explorer/deal-diagnostics';
import { explore } from '../domain/explorer/explore';

export interface LoadedFile extends CompileResult {
  file: string;
}

/** Expands folders into their `.yaml`/`.yml` files (sorted); files are kept as given. */
export function findScenarioFiles(targets: string[]): { files: string[]; missing: string[] } {
  return findFiles(targets, (name) => /\.ya?ml$/.test(name));
}

/**
 * Reads and compiles one file; a file too big to read is reported without loading it whole. With
 * `deal`, a file that compiles is also explored, and what the won endings left unsettled in the
 * deal is reported (SC041), and every line said where what it assumes does not hold (SC042–SC044).
 */
export function loadScenarioFile(file: string, { deal = false }: { deal?: boolean } = {}): LoadedFile {
  const shown = relative(process.cwd(), file) || file;
  const size = statSync(file).size;
  if (size > MAX_SOURCE_BYTES) return { file: shown, ...compileScenario('', shown, size) };
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8').decode(bytes);
  const result = compileScenario(text, shown, bytes.length);
  const explored = () => {
    const src = readSource(shown, text);
    return [...dealDiagnostics(explore(result.model!), src), ...coherenceDiagnostics(coherence(result.model!), src)];
  };
  const more = [...fileNameDiagnostics(shown, text), ...(deal && result.model ? explored() : [])];
  return { file: shown, ...result, diagnostics: more.length ? sortDiagnostics([...result.diagnostics, ...more]) : result.diagnostics };
}
