/**
 * What the workbench knows of the text being edited, worked out off the main thread: the compiler's
 * diagnostics and model, the outline (ids and lines) and the map's graph. `checkSource` is the pure
 * work; `compile-worker.ts` runs it in a worker.
 */
import { compileScenario } from '../../domain/compiler/compile';
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';
import type { ScenarioModel } from '../../domain/scenario/model';
import { buildScenarioMap, type ScenarioMap } from './map-graph';
import { outlineOf, type Outline } from './outline';

export interface CheckResult {
  /** The editor's revision this result is for. */
  revision: number;
  diagnostics: Diagnostic[];
  model?: ScenarioModel;
  outline: Outline;
  map: ScenarioMap;
  /** Changes only when the map's structure does (not when a text is edited): the layout is kept. */
  mapKey: string;
  /** Changes when a node's flags or line do: with the same `mapKey`, the map drawn is still right. */
  flagKey: string;
  ms: number;
}

export function checkSource(text: string, file: string, revision: number): CheckResult {
  const started = performance.now();
  const { model, diagnostics } = compileScenario(text, file);
  const outline = outlineOf(text);
  const map = buildScenarioMap(outline, diagnostics);
  const mapKey = `${map.nodes.map((n) => n.id).join(',')}|${map.edges.map((e) => `${e.source}>${e.target}`).join(',')}`;
  const flagKey = map.nodes.map((n) => `${n.line}${n.unreachable ? 'u' : ''}${n.deadEnd ? 'd' : ''}${n.errors || ''}`).join(',');
  return { revision, diagnostics, ...(model ? { model } : {}), outline, map, mapKey, flagKey, ms: performance.now() - started };
}
