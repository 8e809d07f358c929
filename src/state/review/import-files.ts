/**
 * Importing attempt files, in two steps. Checking a file (size, format, scenario, replay, analysis)
 * is heavy and needs nothing but the file, so it can run in workers (`checkFiles`, check-workers.ts).
 * Planning the import from the checked files is light and needs the attempts already saved
 * (`planImport`): a file holding one of the trainee's own attempts brings its coaching back to it;
 * any other becomes an imported attempt for review. Nothing here stores anything.
 */
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { readAttemptFile, sizeProblem, type AttemptFileMessage } from '../../domain/attempts/attempt-file';
import { KnownSources } from '../../domain/attempts/known-sources';
import { scenarioSource, type ScenarioSource } from '../../domain/attempts/scenario-source';
import { verifyAttemptFile, type CompileScenario } from '../../domain/attempts/verify-attempt-file';
import { analyzeAttempt, withExemplar, type AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import type { Exemplar } from '../../domain/explorer/exemplar';

/** A file to import: its size is checked before its bytes are read (a huge file is never loaded). */
export interface IncomingFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
  /** The browser's File, when there is one (it can be handed to a worker). */
  file?: File;
}

/** An incoming file from the browser's File (picker or drop). */
export const fromBrowserFile = (f: File): IncomingFile => ({
  name: f.name,
  // Asked only when needed: a chosen file's size can cost the browser a trip to the disk, which for
  // thousands of files the page should not pay when workers check them.
  get size() {
    return f.size;
  },
  bytes: async () => new Uint8Array(await f.arrayBuffer()),
  file: f,
});

/** An incoming file from bytes in memory. */
export const fromBytes = (name: string, data: Uint8Array): IncomingFile => ({ name, size: data.byteLength, bytes: async () => data });

/** One file after its check: refused (with why), unreadable, or fine with its record and analysis. */
export type CheckedFile = { file: string } & (
  | { status: 'refused'; error: AttemptFileMessage }
  | { status: 'unreadable' }
  | {
      status: 'ok';
      record: AttemptRecord;
      /** Made without the expert path; `planImport` adds it. */
      analysis: AttemptAnalysis;
      flags: AttemptFileMessage[];
      /** The scenario's source, given with the first file of each scenario a checker sees (else null). */
      source: ScenarioSource | null;
    }
);

/**
 * Checks one file; `seen` holds the scenario hashes whose source was already given, `known` the
 * sources earlier files embedded (read from bytes, a file that embeds one again skips decoding it).
 * Never throws for bad files.
 */
export async function checkFile(f: IncomingFile, compile: CompileScenario, now: number, seen: Set<string>, known = new KnownSources()): Promise<CheckedFile> {
  const tooLarge = sizeProblem(f.name, f.size);
  if (tooLarge) return { file: f.name, status: 'refused', error: tooLarge };
  let read;
  try {
    read = readAttemptFile(await f.bytes(), f.name, undefined, undefined, known);
  } catch {
    return { file: f.name, status: 'unreadable' };
  }
  if (!read.ok) return { file: f.name, status: 'refused', error: read.error };
  const verified = verifyAttemptFile(read.file, { fileName: f.name, compile, now });
  if (!verified.ok) return { file: f.name, status: 'refused', error: verified.error };
  const { record, model, context, score, flags } = verified;
  let source: ScenarioSource | null = null;
  if (!seen.has(model.hash)) {
    seen.add(model.hash);
    const s = read.file.scenario;
    source = scenarioSource({ hash: s.hash, id: s.id, version: s.version, file: s.file, source: s.source });
  }
  return { file: f.name, status: 'ok', record, analysis: analyzeAttempt(model, record, null, context, score), flags, source };
}

/** Yields to the browser between files, so a long check keeps the page responsive. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How many files are read ahead while one is checked: reading is waiting on the browser, checking is work. */
const READ_AHEAD = 16;

/**
 * Checks files one after another (in this thread, or in a worker), reading the next few while one is
 * checked. `onProgress` hears how many are done, now and then. In the page it yields to the browser
 * now and then, so a long check keeps the page responsive; a worker (`inWorker`) has no page to keep
 * responsive.
 */
export async function checkFiles(
  files: readonly IncomingFile[],
  compile: CompileScenario,
  now: number,
  onProgress?: (done: number) => void,
  {
    inWorker = false,
    seen = new Set<string>(),
    known = new KnownSources(),
  }: {
    inWorker?: boolean;
    /** Scenario hashes whose source was given already, and sources seen, when files of one import come in parts. */
    seen?: Set<string>;
    known?: KnownSources;
  } = {},
): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  const reads = new Map<number, IncomingFile>();
  const readAhead = (i: number) => {
    const f = files[i];
    if (!f || reads.has(i) || sizeProblem(f.name, f.size)) return;
    // Start reading now; the check takes what was read (a failed read is reported in its turn).
    const ignore = () => undefined;
    const bytes = f.bytes();
    bytes.catch(ignore);
    reads.set(i, { ...f, bytes: () => bytes });
  };
  let lastPause = Date.now();
  for (const [i, f] of files.entries()) {
    // Yield after ~50 ms of work rather than after every file: a pause costs a few ms of its own.
    if (Date.now() - lastPause > 50) {
      onProgress?.(out.length);
      if (!inWorker) await pause();
      lastPause = Date.now();
    }
    for (let k = i; k < i + READ_AHEAD; k++) readAhead(k);
    const early = reads.get(i);
    reads.delete(i);
    out.push(await checkFile(early ?? f, compile, now, seen, known));
  }
  onProgress?.(out.length);
  return out;
}

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
  /** Analyses of the imported attempts (with the expert path where known), by attempt id. */
  analyses: Map<string, AttemptAnalysis>;
}

/**
 * What to store for checked files, given the attempts already saved (`existing`); `exemplarOf` gives
 * the expert path of a scenario version (by content hash) when the library has one.
 */
export function planImport(checked: readonly CheckedFile[], existing: readonly AttemptRecord[], now: number, exemplarOf: (hash: string) => Exemplar | null): ImportPlan {
  const byId = new Map(existing.map((r) => [r.id, r]));
  const plan: ImportPlan = { outcomes: [], records: [], sources: [], analyses: new Map() };
  // The records to store by id: a later file of the same attempt replaces an earlier one, and goes last.
  const records = new Map<string, AttemptRecord>();
  const take = (r: AttemptRecord) => {
    records.delete(r.id);
    records.set(r.id, r);
  };
  const sources = new Map<string, ScenarioSource>();
  for (const c of checked) {
    if (c.status !== 'ok') {
      plan.outcomes.push(c);
      continue;
    }
    if (c.source && !sources.has(c.source.hash)) sources.set(c.source.hash, c.source);
    const incoming = c.record;
    const known = byId.get(incoming.id);
    if (known && !known.imported) {
      // The trainee's own attempt, back from a coach: keep the trainee's copy, take the newer coaching.
      const coaching = incoming.coaching;
      if (coaching && (!known.coaching || known.coaching.updatedAt < coaching.updatedAt)) {
        const updated = { ...known, coaching, updatedAt: Math.max(now, known.updatedAt) };
        take(updated);
        byId.set(updated.id, updated);
        plan.outcomes.push({ file: c.file, status: 'feedback', attemptId: known.id, coach: coaching.coach });
      } else plan.outcomes.push({ file: c.file, status: 'unchanged', attemptId: known.id });
      continue;
    }
    // A lead's own notes on an attempt imported before are kept when the trainee sends it again.
    const record = known?.coaching && (!incoming.coaching || incoming.coaching.updatedAt < known.coaching.updatedAt) ? { ...incoming, coaching: known.coaching } : incoming;
    take(record);
    byId.set(record.id, record);
    plan.analyses.set(record.id, { ...withExemplar(c.analysis, exemplarOf(record.scenario.hash)), updatedAt: record.updatedAt });
    plan.outcomes.push({ file: c.file, status: known ? 'updated' : 'imported', attemptId: record.id, trainee: record.trainee, flags: c.flags });
  }
  plan.records = [...records.values()];
  // Only the sources of scenarios some stored attempt uses.
  const used = new Set(plan.records.map((r) => r.scenario.hash));
  plan.sources = [...sources.values()].filter((s) => used.has(s.hash));
  return plan;
}
