/** File-system side of the CLI: finds scenario files and compiles them. */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { findFiles } from './find-files';
import { compileScenario, type CompileResult } from '../domain/compiler/compile';
import { MAX_SOURCE_BYTES } from '../domain/compiler/source-document';

export interface LoadedFile extends CompileResult {
  file: string;
}

/** Expands folders into their `.yaml`/`.yml` files (sorted); files are kept as given. */
export function findScenarioFiles(targets: string[]): { files: string[]; missing: string[] } {
  return findFiles(targets, (name) => /\.ya?ml$/.test(name));
}

/** Reads and compiles one file; a file too big to read is reported without loading it whole. */
export function loadScenarioFile(file: string): LoadedFile {
  const shown = relative(process.cwd(), file) || file;
  const size = statSync(file).size;
  if (size > MAX_SOURCE_BYTES) return { file: shown, ...compileScenario('', shown, size) };
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8').decode(bytes);
  return { file: shown, ...compileScenario(text, shown, bytes.length) };
}
