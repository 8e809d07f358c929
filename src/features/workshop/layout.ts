/**
 * The map's layout, top to bottom with fixed node sizes. A small map is laid out by dagre (fewer
 * crossings); a large one by a linear layered layout (`layered`): dagre's crossing minimisation
 * takes seconds at a few hundred nodes and overflows the stack at 2,000. Pure; `layout-worker.ts`
 * runs it off the main thread.
 */
import dagre from '@dagrejs/dagre';
import type { ScenarioMap } from './map-graph';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 44;
const GAP_X = 24;
const GAP_Y = 48;
/** Above this many nodes, the layered layout. */
export const DAGRE_MAX_NODES = 150;

export type Positions = Record<string, { x: number; y: number }>;
type Graph = Pick<ScenarioMap, 'nodes' | 'edges'>;

export function layoutMap(map: Graph): Positions {
  return map.nodes.length <= DAGRE_MAX_NODES ? dagreLayout(map) : layered(map);
}

export function dagreLayout(map: Graph): Positions {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: GAP_X, ranksep: GAP_Y, marginx: 8, marginy: 8 });
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

/**
 * Layers by breadth-first depth (from the nodes in map order that nothing reached yet), each layer
 * ordered by the mean position of its parents (one sweep down), centred. Linear in nodes and edges.
 */
export function layered(map: Graph): Positions {
  const index = new Map(map.nodes.map((n, i) => [n.id, i]));
  const out: number[][] = map.nodes.map(() => []);
  const parents: number[][] = map.nodes.map(() => []);
  for (const e of map.edges) {
    if (e.kind === 'returns') continue;
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    out[s]!.push(t);
    parents[t]!.push(s);
  }
  const rank = new Array<number>(map.nodes.length).fill(-1);
  const order: number[] = [];
  for (let root = 0; root < map.nodes.length; root++) {
    if (rank[root] !== -1) continue;
    rank[root] = 0;
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      order.push(v);
      for (const w of out[v]!) if (rank[w] === -1) {
        rank[w] = rank[v]! + 1;
        queue.push(w);
      }
    }
  }
  const layers: number[][] = [];
  for (const v of order) (layers[rank[v]!] ??= []).push(v);
  const x = new Array<number>(map.nodes.length).fill(0);
  let widest = 0;
  for (const layer of layers) widest = Math.max(widest, layer.length);
  for (let r = 0; r < layers.length; r++) {
    const layer = layers[r]!;
    if (r > 0) {
      const key = new Map<number, number>();
      layer.forEach((v, i) => {
        const ps = parents[v]!.filter((p) => rank[p]! < r);
        key.set(v, ps.length ? ps.reduce((sum, p) => sum + x[p]!, 0) / ps.length : i);
      });
      layer.sort((a, b) => key.get(a)! - key.get(b)!);
    }
    layer.forEach((v, i) => (x[v] = i - (layer.length - 1) / 2));
  }
  const positions: Positions = {};
  for (let v = 0; v < map.nodes.length; v++) {
    positions[map.nodes[v]!.id] = { x: (x[v]! + widest / 2) * (NODE_WIDTH + GAP_X), y: Math.max(0, rank[v]!) * (NODE_HEIGHT + GAP_Y) };
  }
  return positions;
}
