/**
 * Importing attempt files: every file is read and checked (format, scenario, replay) before anything
 * is stored, and each gets an outcome naming it. A file holding one of the trainee's own attempts
 * brings its coaching back to that attempt; any other becomes an imported attempt for review.
 */
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { readAttemptFile, sizeProblem, type AttemptFileMessage } from '../../domain/attempts/attempt-file';
import { scenarioSource, type ScenarioSource } from '../../domain/attempts/scenario-source';
import { verifyAttemptFile, type CompileScenario } from '../../domain/attempts/verify-attempt-file';
import type { DrillContext } from '../../domain/runtime/context';
import type { ScenarioModel } from '../../domain/scenario/model';

/** A file to import: its size is checked before its bytes are read (a huge file is never loaded). */
export interface IncomingFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** An incoming file from the browser's File (picker or drop). */
export const fromBrowserFile = (f: File): IncomingFile => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) });

/** An incoming file from bytes in memory. */
export const fromBytes = (name: string, data: Uint8Array): IncomingFile => ({ name, size: data.byteLength, bytes: async () => data });

export type ImportOutcome = { file: string } & (
  | { status: 'imported' | 'updated'; attemptId: string; trainee: string; flags: AttemptFileMessage[] }
  | { status: 'feedback'; attemptId: string; coach: string }
  | { status: 'unchanged'; attemptId: string }
  | { status: 'refused'; error: AttemptFileMessage }
  /** Checked and fine, but storage failed, so nothing of the import was stored. */
  | { status: 'not-stored' }
  /** The browser could not read the file (moved, deleted, no permission). */
  | { status: 'unreadable' }
);

export interface ImportPlan {
  outcomes: ImportOutcome[];
  /** Records to store: new or updated imports, and own attempts with coaching brought back. */
  records: AttemptRecord[];
  sources: ScenarioSource[];
  /** What the replay gave for each imported attempt, to analyse it without replaying again. */
  replayed: Map<string, { model: ScenarioModel; context: DrillContext }>;
}

/** Yields to the browser between files, so a long import keeps the page responsive. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads and checks `files` against the attempts already saved (`existing`). Stores nothing: the
 * caller stores `records` and `sources` in one transaction. `onProgress` hears after each file.
 */
export async function planImport(
  files: readonly IncomingFile[],
  existing: readonly AttemptRecord[],
  compile: CompileScenario,
  now: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportPlan> {
  const byId = new Map(existing.map((r) => [r.id, r]));
  const plan: ImportPlan = { outcomes: [], records: [], sources: [], replayed: new Map() };
  const sources = new Map<string, ScenarioSource>();
  let lastPause = Date.now();
  for (const [i, f] of files.entries()) {
    // Yield after ~50 ms of work rather than after every file: a pause costs a few ms of its own.
    if (Date.now() - lastPause > 50) {
      onProgress?.(i, files.length);
      await pause();
      lastPause = Date.now();
    }
    const tooLarge = sizeProblem(f.name, f.size);
    if (tooLarge) {
      plan.outcomes.push({ file: f.name, status: 'refused', error: tooLarge });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await f.bytes();
    } catch {
      plan.outcomes.push({ file: f.name, status: 'unreadable' });
      continue;
    }
    const read = readAttemptFile(bytes, f.name);
    if (!read.ok) {
      plan.outcomes.push({ file: f.name, status: 'refused', error: read.error });
      continue;
    }
    const verified = verifyAttemptFile(read.file, { fileName: f.name, compile, now });
    if (!verified.ok) {
      plan.outcomes.push({ file: f.name, status: 'refused', error: verified.error });
      continue;
    }
    const incoming = verified.record;
    const known = byId.get(incoming.id);
    if (known && !known.imported) {
      // The trainee's own attempt, back from a coach: keep the trainee's copy, take the newer coaching.
      const coaching = incoming.coaching;
      if (coaching && (!known.coaching || known.coaching.updatedAt < coaching.updatedAt)) {
        const updated = { ...known, coaching, updatedAt: Math.max(now, known.updatedAt) };
        plan.records.push(updated);
        byId.set(updated.id, updated);
        plan.outcomes.push({ file: f.name, status: 'feedback', attemptId: known.id, coach: coaching.coach });
      } else plan.outcomes.push({ file: f.name, status: 'unchanged', attemptId: known.id });
      continue;
    }
    // A lead's own notes on an attempt imported before are kept when the trainee sends it again.
    const record = known?.coaching && (!incoming.coaching || incoming.coaching.updatedAt < known.coaching.updatedAt) ? { ...incoming, coaching: known.coaching } : incoming;
    plan.records = plan.records.filter((r) => r.id !== record.id);
    plan.records.push(record);
    byId.set(record.id, record);
    plan.replayed.set(record.id, { model: verified.model, context: verified.context });
    if (!sources.has(verified.model.hash)) {
      const s = read.file.scenario;
      sources.set(verified.model.hash, scenarioSource({ hash: s.hash, id: s.id, version: s.version, file: s.file, source: s.source }));
    }
    plan.outcomes.push({ file: f.name, status: known ? 'updated' : 'imported', attemptId: record.id, trainee: record.trainee, flags: verified.flags });
  }
  onProgress?.(files.length, files.length);
  plan.sources = [...sources.values()];
  return plan;
}
