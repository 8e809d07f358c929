/**
 * Checks browser files in a few workers at once (one per core, at most four), keeping the files'
 * order. The workers can be started ahead (`warmCheckWorkers`, when the import screen opens), so their
 * code is loaded before the files arrive. Resolves null when workers are not available here, so the
 * caller checks in this thread.
 */
import type { CheckReply, CheckRequest } from './check-worker';
import type { CheckedFile } from './import-files';

/** Below this many files per worker, starting another costs more than it saves. */
const FILES_PER_WORKER = 40;

const available = () => typeof Worker !== 'undefined';
const cores = () => Math.max(1, Math.min(typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2, 4));
const start = () => new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });

let warm: Worker[] = [];

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

function run(worker: Worker, files: File[], now: number, onDone: (done: number) => void): Promise<CheckedFile[]> {
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
    worker.onmessage = ({ data }: MessageEvent<CheckReply>) => {
      if (data.type === 'progress') onDone(data.done);
      else resolve(data.results);
    };
    worker.postMessage({ files, now } satisfies CheckRequest);
  });
}

export async function checkInWorkers(files: readonly File[], now: number, onProgress: (done: number) => void): Promise<CheckedFile[] | null> {
  if (!available() || files.length === 0) return null;
  const count = Math.min(cores(), Math.ceil(files.length / FILES_PER_WORKER));
  const size = Math.ceil(files.length / count);
  const chunks = Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((c) => c.length);
  const borrowed = warm.splice(0, chunks.length);
  const fresh: Worker[] = [];
  const done = chunks.map(() => 0);
  try {
    while (borrowed.length + fresh.length < chunks.length) fresh.push(start());
    const workers = [...borrowed, ...fresh];
    const results = await Promise.all(
      chunks.map((chunk, i) =>
        run(workers[i]!, chunk, now, (n) => {
          done[i] = n;
          onProgress(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    warm.push(...borrowed); // ready for the next import
    return results.flat();
  } catch {
    for (const w of borrowed) w.terminate();
    return null; // e.g. a worker that could not start: the caller checks in this thread
  } finally {
    for (const w of fresh) w.terminate();
  }
}
