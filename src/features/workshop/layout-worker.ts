/** A worker that lays the map out (dagre), so a large scenario's layout does not freeze the editor. */
import { layoutMap, type Positions } from './layout';
import type { ScenarioMap } from './map-graph';

export type LayoutRequest = { key: string; map: Pick<ScenarioMap, 'nodes' | 'edges'> };
export type LayoutReply = { key: string; positions: Positions; ms: number };

const scope = self as unknown as { postMessage(message: LayoutReply): void; onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null };
scope.onmessage = ({ data }) => {
  const started = performance.now();
  const positions = layoutMap(data.map);
  scope.postMessage({ key: data.key, positions, ms: performance.now() - started });
};
