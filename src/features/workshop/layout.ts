/** The map's layout: dagre, top to bottom, fixed node sizes. Pure; `layout-worker.ts` runs it off the main thread. */
import dagre from '@dagrejs/dagre';
import type { ScenarioMap } from './map-graph';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 44;

export type Positions = Record<string, { x: number; y: number }>;

export function layoutMap(map: Pick<ScenarioMap, 'nodes' | 'edges'>): Positions {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 48, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of map.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  // Returns point back up the graph: left out of the ranking, so the flow reads downwards.
  for (const e of map.edges) if (e.kind !== 'returns') g.setEdge(e.source, e.target, {}, e.id);
  dagre.layout(g);
  const out: Positions = {};
  for (const n of map.nodes) {
    const p = g.node(n.id);
    out[n.id] = { x: (p?.x ?? 0) - NODE_WIDTH / 2, y: (p?.y ?? 0) - NODE_HEIGHT / 2 };
  }
  return out;
}
