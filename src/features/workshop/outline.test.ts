/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { positionedYaml, positionedYamlSlow } from '../../domain/compiler/positioned-tree';
import { scenarioTemplate } from '../../domain/scenario/template';
import { lineOfRef, nodeAtLine, outlineOf, outlineOfTree } from './outline';

const raw = (files: Record<string, string>) => Object.entries(files).map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }));
const FILES = [
  ...raw(import.meta.glob<string>('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true })),
  ...raw(import.meta.glob<string>('../../../test/fixtures/**/*.yaml', { query: '?raw', import: 'default', eager: true })),
];

describe('the outline', () => {
  it.each(FILES)('$name: the same read the fast way as through the positioned document', ({ text }) => {
    expect(outlineOfTree(positionedYaml(text))).toEqual(outlineOfTree(positionedYamlSlow(text)));
  });

  it('places the ids, steps and options of a scenario at their lines', () => {
    const text = scenarioTemplate('outline', 'en');
    const lines = text.split('\n');
    const outline = outlineOf(text);
    const step = outline.steps[0]!;
    expect(lines[step.line - 1]).toMatch(new RegExp(`^\\s+${step.id}:`));
    expect(lines[step.options[0]!.line - 1]).toMatch(/^\s+- /);
    expect(lineOfRef(outline, `${step.container}/${step.id}`)).toBe(step.line);
    expect(nodeAtLine(outline, step.options[0]!.line)).toBe(`step:${step.container}/${step.id}`);
    expect(outline.ids.some((d) => d.kind === 'item' && d.line === 0)).toBe(true);
  });

  it('still reads what it can of a file that is not valid YAML', () => {
    const text = scenarioTemplate('outline', 'en').replace('\nstages:', '\nstages: [oops\nstages:');
    const outline = outlineOf(text);
    expect(outline.ids.length).toBeGreaterThan(0);
    expect(() => outlineOf('\t: : [')).not.toThrow();
  });
});
