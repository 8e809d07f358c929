import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../domain/compiler/compile';
import { buildScenarioMap } from './map-graph';
import { nodeAtLine, outlineOf } from './outline';

const SMALL = `scenario: small
stages:
  first-contact:
    start: hello
    steps:
      hello:
        customer: Hi
        options:
          - rep: Good
            shows: [prepare-opening]
            next: ask
          - rep: Bad
            commits: [no-tailoring]
            raises: doubt
      ask:
        customer: Yes?
        options:
          - rep: Move on
            stage: discovery
      orphan:
        customer: Nobody comes here
        options:
          - rep: Back
            next: hello
      stuck:
        customer: No way out
  discovery:
    start: open
    steps:
      open:
        customer: Go on
        options:
          - rep: Win
            ends: { outcome: won }
objections:
  doubt:
    start: why
    steps:
      why:
        customer: Why?
        options:
          - rep: Because
            resolves: true
rules:
  - at: discovery
    when: { trust: "< 10" }
    raises: doubt
surprises:
  storm:
    label: Storm
    chance: 0.1
    when: { stage: [discovery] }
    narration: A storm
    raises: doubt
`;

describe('the outline of a scenario', () => {
  it('lists the ids the file defines, with their lines', () => {
    const o = outlineOf(SMALL);
    const step = (id: string) => o.ids.find((i) => i.kind === 'step' && i.id === id);
    expect(step('hello')).toMatchObject({ container: 'first-contact', line: 6 });
    expect(step('ask')).toMatchObject({ line: 15 });
    expect(o.ids.find((i) => i.kind === 'objection')).toMatchObject({ id: 'doubt', line: 36 });
    expect(o.ids.find((i) => i.kind === 'surprise')).toMatchObject({ id: 'storm' });
    expect(o.ids.some((i) => i.kind === 'item' && i.id === 'prepare-opening')).toBe(true);
  });

  it('finds the node of a line', () => {
    const o = outlineOf(SMALL);
    expect(nodeAtLine(o, 6)).toBe('step:first-contact/hello');
    expect(nodeAtLine(o, 13)).toBe('step:first-contact/hello');
    expect(nodeAtLine(o, 17)).toBe('step:first-contact/ask');
    expect(nodeAtLine(o, 3)).toBe('container:first-contact');
  });

  it('is read from a file that is not valid YAML', () => {
    const o = outlineOf(`${SMALL}\n  bad: [unclosed\n`);
    expect(o.steps.length).toBeGreaterThan(0);
  });
});

describe('the map', () => {
  const map = buildScenarioMap(outlineOf(SMALL), [{ line: 17, severity: 'error' }, { line: 7, severity: 'warning' }]);
  const node = (id: string) => map.nodes.find((n) => n.id === id)!;
  const edgesOf = (kind: string) => map.edges.filter((e) => e.kind === kind).map((e) => `${e.source} -> ${e.target}`);

  it('draws options, stage moves, objections, returns, rules, surprises and endings', () => {
    expect(edgesOf('next')).toEqual(['step:first-contact/hello -> step:first-contact/ask', 'step:first-contact/orphan -> step:first-contact/hello']);
    expect(edgesOf('stage')).toEqual(['step:first-contact/ask -> step:discovery/open']);
    expect(edgesOf('raises')).toEqual(['step:first-contact/hello -> step:doubt/why']);
    expect(edgesOf('returns')).toEqual(['step:doubt/why -> step:first-contact/hello']);
    expect(edgesOf('rule')).toEqual(['container:discovery -> step:doubt/why']);
    expect(edgesOf('surprise')).toEqual(['surprise:storm -> step:doubt/why']);
    expect(edgesOf('ends')).toEqual(['step:discovery/open -> ending:won']);
    const good = map.edges.find((e) => e.kind === 'next' && e.source.endsWith('hello'))!;
    expect(good.shows).toEqual(['prepare-opening']);
    expect(map.edges.find((e) => e.kind === 'raises')!.commits).toEqual(['no-tailoring']);
  });

  it('flags unreachable steps, dead ends and steps with errors', () => {
    expect(node('step:first-contact/orphan').unreachable).toBe(true);
    expect(node('step:first-contact/stuck')).toMatchObject({ unreachable: true, deadEnd: true });
    expect(node('step:first-contact/hello')).toMatchObject({ unreachable: false, deadEnd: false, errors: 0 });
    expect(node('step:first-contact/ask').errors).toBe(1);
    expect(node('step:doubt/why').unreachable).toBe(false);
    expect(node('container:doubt').unreachable).toBe(false);
    expect(node('step:discovery/open').unreachable).toBe(false);
  });

  it('has every step of a real scenario, all reachable', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../scenarios/precision-erp.yaml'), 'utf8');
    const model = compileScenario(text, 'precision-erp.yaml').model!;
    const m = buildScenarioMap(outlineOf(text));
    const steps = m.nodes.filter((n) => n.kind === 'step');
    const count = [...Object.values(model.stages), ...Object.values(model.objections)].reduce((n, g) => n + Object.keys(g.steps).length, 0);
    expect(steps).toHaveLength(count);
    expect(steps.filter((n) => n.unreachable || n.deadEnd)).toEqual([]);
    const ids = new Set(m.nodes.map((n) => n.id));
    for (const e of m.edges) {
      expect(ids.has(e.source), e.source).toBe(true);
      expect(ids.has(e.target), e.target).toBe(true);
    }
  });
});
