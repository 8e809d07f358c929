import { describe, expect, it } from 'vitest';
import { placeAt } from './yaml-path';
import { enumValuesAt, keyDoc, keysAt } from './schema-docs';

const DOC = `scenario: x
stages:
  first-contact:
    start: hello
    steps:
      hello:
        customer: Hi
        options:
          - rep: Good
            shows: [prepare-opening]
            when:
              trust: ">= 4"
            next: ask
          - rep: Other
            ends: { outcome: won }
        
`.split('\n');

describe('the place of the cursor', () => {
  it('reads the path of keys from the indentation', () => {
    expect(placeAt(DOC, 3, 4)).toEqual({ path: ['stages', 'first-contact'] });
    expect(placeAt(DOC, 3, 11)).toEqual({ path: ['stages', 'first-contact'], valueKey: 'start' });
    expect(placeAt(DOC, 8, 12)).toEqual({ path: ['stages', 'first-contact', 'steps', 'hello', 'options', '[]'] });
    expect(placeAt(DOC, 9, 22)).toEqual({ path: ['stages', 'first-contact', 'steps', 'hello', 'options', '[]'], valueKey: 'shows' });
    expect(placeAt(DOC, 11, 14)).toEqual({ path: ['stages', 'first-contact', 'steps', 'hello', 'options', '[]', 'when'] });
    expect(placeAt(DOC, 12, 18)).toEqual({ path: ['stages', 'first-contact', 'steps', 'hello', 'options', '[]'], valueKey: 'next' });
    expect(placeAt(DOC, 15, 8)).toEqual({ path: ['stages', 'first-contact', 'steps', 'hello'] });
    expect(placeAt(DOC, 0, 3)).toEqual({ path: [] });
    const flow = ['stages:', '  first-contact:', '    steps:', '      a:', '        options:', '          - rep: x', '            effects: { trust: 5, reveals: [pa', '            effects: { trust: 5, rev'];
    expect(placeAt(flow, 6, flow[6]!.length)).toEqual({ path: ['stages', 'first-contact', 'steps', 'a', 'options', '[]', 'effects'], valueKey: 'reveals' });
    expect(placeAt(flow, 7, flow[7]!.length)).toEqual({ path: ['stages', 'first-contact', 'steps', 'a', 'options', '[]', 'effects'] });
  });
});

describe('the schema documentation', () => {
  it('lists the keys a place allows, documented', () => {
    const keys = keysAt(['stages', 'first-contact', 'steps', 'hello', 'options', '[]']);
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining(['rep', 'next', 'shows', 'commits', 'raises', 'resolves', 'ends']));
    expect(keysAt([]).map((k) => k.key)).toEqual(expect.arrayContaining(['scenario', 'stages', 'objections', 'surprises']));
    expect(keyDoc(['stages', 'first-contact', 'start'])).toBe('The first step.');
    expect(keyDoc(['stages', 'first-contact', 'steps', 'hello', 'options', '[]', 'when', 'revealed'])).toMatch(/revealed/);
  });
  it('gives the values of an enum', () => {
    expect(enumValuesAt(['difficulty'])).toEqual(['intro', 'intermediate', 'advanced']);
    expect(enumValuesAt(['stages', 'discovery', 'steps', 's', 'options', '[]', 'stage'])).toContain('presentation');
  });
});
