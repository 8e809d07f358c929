/**
 * Checks browser files in a few workers at once (one per core, at most four), keeping the files'
 * order. The page reads the files (a few at a time, never more of one than the size limit allows)
 * and hands their bytes over in small parts, each worker getting its next part as it finishes one,
 * so a faster worker takes more and only a few parts are in memory at once. (Handing over the files
 * themselves, or asking their size, would cost the page a trip to the disk for each one.) Each
 * worker is given the library's scenarios as the app built them, so that the files of a library
 * scenario (most of a cohort's) are checked without compiling it again. The workers can be started
 * ahead (`warmCheckWorkers`, when the import screen opens), so their code is loaded before the
 * files arrive. Resolves null when workers are not available here, so the caller checks in this
 * thread.
 */
import { MAX_ATTEMPT_FILE_BYTES } from '../../domain/attempts/attempt-file';
import { bundledScenarios, loadScenario, loadScenarioSource } from '../scenario-library';
import type { CheckPart, CheckReply, Prepare, ReadFile } from './check-worker';
import type { CheckedFile } from './import-files';

/** Below this many files per worker, starting another costs more than it saves. */
const FILES_PER_WORKER = 40;
/** Files per part, read at once. */
const PART = 16;
/** Parts a worker holds at once: one being checked, one ready. */
const AHEAD = 2;
/** Parts read at once. */
const READING = 3;
/** Bytes read at most waiting for a worker: reading runs this far ahead (while the workers start, say). */
const READY_BYTES = 64 * 1024 * 1024;
/** Files checked between two progress reports. */
const PROGRESS_EVERY = 100;

const available = () => typeof Worker !== 'undefined';
const cores = () => Math.max(1, Math.min(typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2, 4));

let library: Promise<Prepare> | null = null;
/** The library's sources and built models, loaded once (a failure is tried again next time). */
function libraryToPrepare(): Promise<Prepare> {
  library ??= Promise.all(
    bundledScenarios()
      .filter((e) => e.meta && !e.own)
      .map(async (e) => ({ source: (await loadScenarioSource(e.file)).source, model: (await loadScenario(e.file)).model })),
  ).then(
    (entries) => ({ type: 'prepare', library: entries }),
    (error: unknown) => {
      library = null;
      throw error;
    },
  );
  return library;
}

/** A new worker, given the library as soon as it is loaded (a file checked before that is compiled, as any other). */
const start = () => {
  const w = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  libraryToPrepare().then(
    (p) => w.postMessage(p),
    () => undefined,
  );
  return w;
};

let warm: Worker[] = [];
let imports = 0;

/** Starts the workers now, so a coming import does not wait for them to load. */
export function warmCheckWorkers() {
  if (!available()) return;
  try {
    while (warm.length < cores()) warm.push(start());
  } catch {
    warm = []; // the import will check in the page instead
  }
}

/** Stops the warm workers (leaving the import screen). */
export function releaseCheckWorkers() {
  for (const w of warm) w.terminate();
  warm = [];
}

/**
 * A file's bytes, read as a stream so that a file over the limit is never loaded whole (and its size
 * is asked only then). The pieces are handed over as they came: the worker puts them together.
 */
async function readFile(f: File): Promise<ReadFile> {
  try {
    const reader = f.stream().getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > MAX_ATTEMPT_FILE_BYTES) {
        void reader.cancel().catch(() => undefined);
        return { name: f.name, tooLarge: f.size };
      }
      // A buffer of its own, to hand over without copying.
      chunks.push(value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice());
    }
    return { name: f.name, chunks };
  } catch {
    return { name: f.name, unreadable: true };
  }
}

/**
 * Checks `files` on `workers`, part by part; the results in the files' order. Reading runs ahead of
 * the workers: a few parts are read at once, and the parts read wait (a few at most) for a worker
 * that holds fewer than `AHEAD`. So the disk and the workers are both kept busy, and memory holds a
 * bounded number of parts whatever the number of files.
 */
function run(workers: Worker[], files: readonly File[], now: number, onProgress: (done: number) => void): Promise<CheckedFile[]> {
  const importId = ++imports;
  const results: CheckedFile[] = new Array(files.length);
  const held = new Map(workers.map((w) => [w, 0]));
  const ready: { part: CheckPart; transfer: ArrayBuffer[] }[] = [];
  let readyBytes = 0;
  const size = (t: ArrayBuffer[]) => t.reduce((n, b) => n + b.byteLength, 0);
  let next = 0;
  let reading = 0;
  let done = 0;
  let told = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      reject(error instanceof Error ? error : new Error('worker failed'));
    };
    /** Hands the parts read to the workers that have room. */
    const dispatch = () => {
      for (const w of workers) {
        while (ready.length && held.get(w)! < AHEAD) {
          const { part, transfer } = ready.shift()!;
          readyBytes -= size(transfer);
          held.set(w, held.get(w)! + 1);
          w.postMessage(part, transfer);
        }
      }
    };
    /** Starts reading parts while fewer than `READING` are being read and not too much waits. */
    const pump = () => {
      while (!failed && next < files.length && reading < READING && readyBytes < READY_BYTES) {
        const start = next;
        next = Math.min(files.length, next + PART);
        reading++;
        Promise.all(files.slice(start, next).map(readFile))
          .then((read) => {
            reading--;
            const transfer = read.flatMap((f) => ('chunks' in f ? f.chunks.map((c) => c.buffer as ArrayBuffer) : []));
            readyBytes += size(transfer);
            ready.push({ part: { type: 'part', importId, start, files: read, now }, transfer });
            // Parts go out in order, so that the first files' results come first.
            ready.sort((x, y) => x.part.start - y.part.start);
            dispatch();
            pump();
          })
          .catch(fail);
      }
    };
    for (const w of workers) {
      w.onerror = (e) => fail(new Error(e.message || 'worker failed'));
      w.onmessage = ({ data }: MessageEvent<CheckReply>) => {
        if (data.importId !== importId) return;
        held.set(w, held.get(w)! - 1);
        data.results.forEach((r, i) => (results[data.start + i] = r));
        done += data.results.length;
        if (done === files.length) {
          onProgress(done);
          return resolve(results);
        }
        // Progress every few parts: each report re-renders the page.
        if (done - told >= PROGRESS_EVERY) onProgress((told = done));
        dispatch();
        pump();
      };
    }
    pump();
  });
}

export async function checkInWorkers(files: readonly File[], now: number, onProgress: (done: number) => void): Promise<CheckedFile[] | null> {
  if (!available() || files.length === 0) return null;
  const count = Math.min(cores(), Math.ceil(files.length / FILES_PER_WORKER));
  const borrowed = warm.splice(0, count);
  const fresh: Worker[] = [];
  try {
    while (borrowed.length + fresh.length < count) fresh.push(start());
    const results = await run([...borrowed, ...fresh], files, now, onProgress);
    warm.push(...borrowed); // ready for the next import
    return results;
  } catch {
    for (const w of borrowed) w.terminate();
    return null; // e.g. a worker that could not start: the caller checks in this thread
  } finally {
    for (const w of fresh) w.terminate();
  }
}
