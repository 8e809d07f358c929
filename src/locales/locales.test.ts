import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RESOURCES as RESOURCES } from './all-resources';
import { FIRST_SCREEN_SECTIONS, loadLocaleSections, missingSections, RESOURCES as FIRST } from './resources';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
const en = RESOURCES.en.translation;
const zhCN = RESOURCES['zh-CN'].translation;

describe('the two locales', () => {
  it('have the same section files', () => {
    const dir = import.meta.dirname;
    expect(readdirSync(join(dir, 'zh-CN')).sort()).toEqual(readdirSync(join(dir, 'en')).sort());
    expect(Object.keys(en).length).toBeGreaterThan(5);
  });
  it('have exactly the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });
  it('have no empty strings, and use the same interpolation variables', () => {
    const flat = (o: object) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce((v: never, p) => v[p], o as never) as string]));
    const e = flat(en);
    const z = flat(zhCN);
    for (const k of Object.keys(e)) {
      expect(e[k]!.length, k).toBeGreaterThan(0);
      expect(z[k]!.length, k).toBeGreaterThan(0);
      const vars = (s: string) => [...s.matchAll(/{{(\w+)(?:,[^}]*)?}}/g)].map((m) => m[1]).sort();
      expect(vars(z[k]!), k).toEqual(vars(e[k]!));
    }
  });
});

describe('loading sections by page', () => {
  it('bundles exactly the first screen’s sections, in both languages', () => {
    expect(Object.keys(FIRST.en.translation).sort()).toEqual([...FIRST_SCREEN_SECTIONS].sort());
    expect(Object.keys(FIRST['zh-CN'].translation).sort()).toEqual([...FIRST_SCREEN_SECTIONS].sort());
  });

  it('loads the other sections on demand, once, and refuses an unknown one', async () => {
    const added: Record<string, unknown> = {};
    const sink = {
      getResource: (lng: string, _ns: string, key: string) => added[`${lng}:${key}`],
      addResourceBundle: (lng: string, _ns: string, trees: Record<string, unknown>) => Object.entries(trees).forEach(([k, v]) => (added[`${lng}:${k}`] = v)),
    };
    expect(missingSections(sink, 'zh-CN', ['drill', 'debrief'])).toEqual(['drill', 'debrief']);
    await loadLocaleSections(sink, 'zh-CN', ['drill', 'debrief']);
    expect(added['zh-CN:drill']).toEqual(RESOURCES['zh-CN'].translation.drill);
    expect(missingSections(sink, 'zh-CN', ['drill', 'debrief'])).toEqual([]);
    await expect(loadLocaleSections(sink, 'en', ['no-such-section'])).rejects.toThrow(/No locale section/);
  });
});
