import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../bench/generate';
import { layered, layoutMap, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { buildScenarioMap } from './map-graph';
import { outlineOf } from './outline';

describe('the map layout', () => {
  it('places every node of a 2,000-step scenario, none on another, in a fraction of a second', () => {
    const map = buildScenarioMap(outlineOf(generateScenario(2000)));
    const started = performance.now();
    const p = layoutMap(map);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(Object.keys(p)).toHaveLength(map.nodes.length);
    const seen = new Set(Object.values(p).map(({ x, y }) => `${Math.round(x / (NODE_WIDTH / 2))}:${Math.round(y / NODE_HEIGHT)}`));
    expect(seen.size).toBe(map.nodes.length);
  });
  it('puts a step below the one that leads to it', () => {
    const map = { nodes: ['a', 'b', 'c'].map((id) => ({ id })), edges: [{ source: 'a', target: 'b', kind: 'next' }, { source: 'b', target: 'c', kind: 'next' }, { source: 'c', target: 'a', kind: 'returns' }] };
    const p = layered(map as never);
    expect(p.a!.y).toBeLessThan(p.b!.y);
    expect(p.b!.y).toBeLessThan(p.c!.y);
  });
});
