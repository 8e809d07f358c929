import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioModel } from '../domain/scenario/model';
import { tour } from '../../test/support/load';
import { cachedExemplar, modelKey, type FoundPath } from './exemplar-cache';

const ENGINE = 'aaaaaaaaaaaaaaaa';
const PATH: FoundPath = { seed: 2, moves: [{ type: 'wait', days: 3 }] };

describe('cachedExemplar', () => {
  let dir: string;
  let model: ScenarioModel;
  let problems: string[];
  const opts = (engine = ENGINE) => ({ dir, engine, onProblem: (m: string) => problems.push(m) });
  const fileOf = (m: ScenarioModel, engine = ENGINE) => join(dir, `${m.id}-${modelKey(m)}-${engine}.json`);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'exemplar-cache-'));
    model = tour();
    problems = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('searches once, then serves the stored path without searching', () => {
    const find = vi.fn(() => PATH);
    expect(cachedExemplar(model, find, opts())).toEqual({ exemplar: PATH, from: 'explorer' });
    expect(cachedExemplar(model, find, opts())).toEqual({ exemplar: PATH, from: 'cache' });
    expect(find).toHaveBeenCalledTimes(1);
    expect(problems).toEqual([]);
  });

  it('stores "no expert path" too', () => {
    const find = vi.fn((): FoundPath => null);
    cachedExemplar(model, find, opts());
    expect(cachedExemplar(model, find, opts())).toEqual({ exemplar: null, from: 'cache' });
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('searches again when the engine code changed', () => {
    cachedExemplar(model, () => PATH, opts());
    const find = vi.fn(() => null);
    expect(cachedExemplar(model, find, opts('bbbbbbbbbbbbbbbb'))).toEqual({ exemplar: null, from: 'explorer' });
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('searches again when the model changed, even with the same source hash', () => {
    cachedExemplar(model, () => PATH, opts());
    // A compiler change can alter the model while the source text (and its hash) stays the same.
    const changed: ScenarioModel = { ...model, cadence: { ...model.cadence, waits: [...model.cadence.waits, 30] } };
    expect(changed.hash).toBe(model.hash);
    const find = vi.fn(() => null);
    expect(cachedExemplar(changed, find, opts()).from).toBe('explorer');
  });

  it.each([
    ['not JSON', '{"format":1,"model":'],
    ['the wrong shape', '{"format":1,"model":"x","engine":"y","exemplar":{"seed":"two","moves":[]}}'],
    ['an old format', JSON.stringify({ format: 0, exemplar: PATH })],
    ['empty', ''],
  ])('ignores and rewrites a cache file that is %s', (_, text) => {
    writeFileSync(fileOf(model), text);
    const find = vi.fn(() => PATH);
    expect(cachedExemplar(model, find, opts())).toEqual({ exemplar: PATH, from: 'explorer' });
    expect(find).toHaveBeenCalledTimes(1);
    expect(problems).toEqual([expect.stringContaining('ignored the unusable cache file')]);
    expect(JSON.parse(readFileSync(fileOf(model), 'utf8'))).toMatchObject({ format: 1, engine: ENGINE, exemplar: PATH });
  });

  it("removes the scenario's files for other models or engines, and no other scenario's", () => {
    const stale = join(dir, `${model.id}-${'1'.repeat(16)}-${'2'.repeat(16)}.json`);
    const other = join(dir, `${model.id}-two-${'1'.repeat(16)}-${'2'.repeat(16)}.json`);
    writeFileSync(stale, '{}');
    writeFileSync(other, '{}');
    cachedExemplar(model, () => PATH, opts());
    expect(readdirSync(dir).sort()).toEqual([`${model.id}-${modelKey(model)}-${ENGINE}.json`, `${model.id}-two-${'1'.repeat(16)}-${'2'.repeat(16)}.json`].sort());
  });

  it('still answers when the cache cannot be written', () => {
    // A file where the folder should be: fails for every user, root included.
    writeFileSync(join(dir, 'file'), 'not a folder');
    const blocked = { ...opts(), dir: join(dir, 'file', 'sub') };
    const find = vi.fn(() => PATH);
    expect(cachedExemplar(model, find, blocked)).toEqual({ exemplar: PATH, from: 'explorer' });
    expect(problems.some((p) => p.includes('could not write the cache file'))).toBe(true);
  });
});
