/**
 * Compiling a trainer's scenario in the browser: in a worker when there is one (the compiler and the
 * explorer load only then, off the first screen), else in this thread. Workers start on first use and
 * are shared (one compiles, one searches for expert paths); when a worker fails, compiling goes on here.
 */
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { ScenarioModel } from '../../domain/scenario/model';

export interface CompiledSource {
  /** The compiler's content hash of the text (the model's hash when it compiles). */
  hash: string;
  model: ScenarioModel | null;
  diagnostics: Diagnostic[];
}

export type ScenarioRequest =
  | { id: number; type: 'compile'; source: string; file: string }
  | { id: number; type: 'explore'; model: ScenarioModel; maxStates: number };
export type ScenarioReply = { id: number; type: 'compiled'; result: CompiledSource } | { id: number; type: 'explored'; exemplar: Exemplar | null };

/** The explorer's budget in the browser: smaller than the build's, so a trainee waits seconds, not minutes. */
export const BROWSER_EXPLORE_STATES = 60_000;

type Slot = 'compile' | 'explore';
/** One worker per kind of work: a long search for an expert path must not hold up the compiling of an edit. */
const workers: Record<Slot, Worker | null> = { compile: null, explore: null };
let broken = typeof Worker === 'undefined';
let nextId = 0;
const waiting = new Map<number, { slot: Slot; resolve(reply: ScenarioReply): void; reject(e: Error): void }>();

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function workerFor(slot: Slot): Worker {
  let worker = workers[slot];
  if (worker) return worker;
  worker = new Worker(new URL('./scenario-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }: MessageEvent<ScenarioReply>) => {
    waiting.get(data.id)?.resolve(data);
    waiting.delete(data.id);
  };
  worker.onerror = () => {
    broken = true;
    worker.terminate();
    workers[slot] = null;
    for (const [id, w] of waiting) {
      if (w.slot !== slot) continue;
      w.reject(new Error('scenario worker failed'));
      waiting.delete(id);
    }
  };
  workers[slot] = worker;
  return worker;
}

function ask(request: WithoutId<ScenarioRequest>): Promise<ScenarioReply> | null {
  if (broken) return null;
  const slot: Slot = request.type === 'explore' ? 'explore' : 'compile';
  try {
    const worker = workerFor(slot);
    const id = ++nextId;
    const reply = new Promise<ScenarioReply>((resolve, reject) => waiting.set(id, { slot, resolve, reject }));
    worker.postMessage({ ...request, id } as ScenarioRequest);
    return reply;
  } catch {
    broken = true;
    return null;
  }
}

async function compileHere(source: string, file: string): Promise<CompiledSource> {
  const [{ compileScenario }, { contentHash }] = await Promise.all([import('../../domain/compiler/compile'), import('../../domain/compiler/build-model')]);
  const { model, diagnostics } = compileScenario(source, file);
  return { hash: contentHash(source), model: model ?? null, diagnostics };
}

/** Compiles `source` (named `file` in diagnostics); never rejects for a bad source. */
export async function compileSource(source: string, file: string): Promise<CompiledSource> {
  const asked = ask({ type: 'compile', source, file });
  if (asked) {
    try {
      const reply = await asked;
      if (reply.type === 'compiled') return reply.result;
    } catch {
      // compiled here instead
    }
  }
  return compileHere(source, file);
}

/** The explorer's expert path for `model`, or null (none found, or no worker: the page is not blocked for it). */
export async function findExemplar(model: ScenarioModel): Promise<Exemplar | null> {
  const asked = ask({ type: 'explore', model, maxStates: BROWSER_EXPLORE_STATES });
  if (!asked) return null;
  try {
    const reply = await asked;
    return reply.type === 'explored' ? reply.exemplar : null;
  } catch {
    return null;
  }
}
