/** File-system side of the CLI: finds scenario files and compiles them. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileScenario, type CompileResult } from '../domain/compiler/compile';
import { MAX_SOURCE_BYTES } from '../domain/compiler/source-document';

export interface LoadedFile extends CompileResult {
  file: string;
}

/** Expands folders into their `.yaml`/`.yml` files (sorted); files are kept as given. */
export function findScenarioFiles(targets: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const t of targets) {
    let stat;
    try {
      stat = statSync(t);
    } catch {
      missing.push(t);
      continue;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(t).sort()) if (/\.ya?ml$/.test(name)) files.push(join(t, name));
    } else files.push(t);
  }
  return { files, missing };
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
