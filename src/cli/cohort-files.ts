/** File-system side of the `cohort` command: finds attempt files, reads them and checks each one. */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { findFiles } from './find-files';
import { compileScenario } from '../domain/compiler/compile';
import { readAttemptFile, sizeProblem } from '../domain/attempts/attempt-file';
import { KnownSources } from '../domain/attempts/known-sources';
import { memoizeCompile, verifyAttemptFile, type CompileScenario, type VerifiedAttempt } from '../domain/attempts/verify-attempt-file';
import { messageText, plain } from './cohort-text';

/** Expands folders into their `.json` files (sorted); files are kept as given. */
export function findAttemptFiles(targets: string[]): { files: string[]; missing: string[] } {
  return findFiles(targets, (name) => name.toLowerCase().endsWith('.json'));
}

export type LoadedAttempt = VerifiedAttempt & { file: string };
export interface RefusedFile {
  file: string;
  /** Why, in English. */
  reason: string;
}

/** Reads and checks one attempt file; a file over the size limit is refused without being read. */
export function loadAttemptFile(path: string, compile: CompileScenario, now: number, known = new KnownSources()): { ok: true; attempt: LoadedAttempt } | { ok: false; refused: RefusedFile } {
  const file = plain(relative(process.cwd(), path) || path);
  const refuse = (reason: string) => ({ ok: false as const, refused: { file, reason } });
  let bytes: Uint8Array;
  try {
    const tooLarge = sizeProblem(file, statSync(path).size);
    if (tooLarge) return refuse(messageText(tooLarge));
    bytes = readFileSync(path);
  } catch (e) {
    return refuse(`${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check that it exists and that you may read it.`);
  }
  const read = readAttemptFile(bytes, file, undefined, undefined, known);
  if (!read.ok) return refuse(messageText(read.error));
  const verified = verifyAttemptFile(read.file, { fileName: file, compile, now });
  if (!verified.ok) return refuse(messageText(verified.error));
  return { ok: true, attempt: { ...verified, file } };
}

/** Loads every file, compiling each distinct embedded scenario once. */
export function loadAttemptFiles(paths: string[], now = Date.now()): { attempts: LoadedAttempt[]; refused: RefusedFile[] } {
  const compile = memoizeCompile(compileScenario);
  const attempts: LoadedAttempt[] = [];
  const refused: RefusedFile[] = [];
  const known = new KnownSources();
  for (const path of paths) {
    const r = loadAttemptFile(path, compile, now, known);
    if (r.ok) attempts.push(r.attempt);
    else refused.push(r.refused);
  }
  return { attempts, refused };
}
