/**
 * The workbench's workers: the check of each edit, the map's layout, the explorer. Each has a fallback
 * in this thread where workers are not available (tests, an old browser), so the workbench still works.
 */
import type { ScenarioModel } from '../../domain/scenario/model';
import type { ExplorerReport } from '../../domain/explorer/explore';
import type { CheckResult } from './check';
import type { CompileRequest } from './compile-worker';
import type { ExploreReply, ExploreRequest } from './explore-worker';
import type { LayoutReply, LayoutRequest } from './layout-worker';
import type { ScenarioMap } from './map-graph';

const available = () => typeof Worker !== 'undefined';

function tryStart(make: () => Worker): Worker | null {
  if (!available()) return null;
  try {
    return make();
  } catch {
    return null;
  }
}

/** Checks texts in a worker; only the newest request's answer is delivered. */
export function createChecker(onResult: (r: CheckResult) => void) {
  const worker = tryStart(() => new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' }));
  let latest = -1;
  let busy = false;
  let queued: CompileRequest | null = null;
  const deliver = (r: CheckResult) => {
    if (r.revision === latest) onResult(r);
  };
  const send = (req: CompileRequest) => {
    busy = true;
    if (worker) worker.postMessage(req);
    else void import('./check').then(({ checkSource }) => setTimeout(() => onAnswer(checkSource(req.text, req.file, req.revision)), 0));
  };
  const onAnswer = (r: CheckResult) => {
    busy = false;
    deliver(r);
    if (queued) {
      const next = queued;
      queued = null;
      send(next);
    }
  };
  if (worker) worker.onmessage = ({ data }: MessageEvent<CheckResult>) => onAnswer(data);
  return {
    check(text: string, file: string, revision: number) {
      latest = revision;
      const req = { text, file, revision };
      // One compile at a time: a newer text waits for the one running, and replaces any waiting.
      if (busy) queued = req;
      else send(req);
    },
    dispose() {
      worker?.terminate();
    },
  };
}

/** Lays maps out in a worker, keeping the last layout of each structure. */
export function createLayouter(onLayout: (r: LayoutReply) => void) {
  const worker = tryStart(() => new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' }));
  if (worker) worker.onmessage = ({ data }: MessageEvent<LayoutReply>) => onLayout(data);
  return {
    layout(key: string, map: Pick<ScenarioMap, 'nodes' | 'edges'>) {
      const req: LayoutRequest = { key, map: { nodes: map.nodes, edges: map.edges } };
      if (worker) worker.postMessage(req);
      else
        void import('./layout').then(({ layoutMap }) => {
          const started = performance.now();
          const positions = layoutMap(req.map);
          onLayout({ key, positions, ms: performance.now() - started });
        });
    },
    dispose() {
      worker?.terminate();
    },
  };
}

/** Runs the explorer once, in a worker of its own (ended when done, or when `cancel` is called). */
export function exploreInWorker(model: ScenarioModel): { result: Promise<ExplorerReport>; cancel(): void } {
  const worker = tryStart(() => new Worker(new URL('./explore-worker.ts', import.meta.url), { type: 'module' }));
  if (!worker) {
    return { result: import('../../domain/explorer/explore').then(({ explore }) => explore(model, { seeds: [1], maxStates: 150_000 })), cancel() {} };
  }
  const result = new Promise<ExplorerReport>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ExploreReply>) => {
      worker.terminate();
      if ('report' in data) resolve(data.report);
      else reject(new Error(data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'explorer failed'));
    };
    worker.postMessage({ model } satisfies ExploreRequest);
  });
  return { result, cancel: () => worker.terminate() };
}
