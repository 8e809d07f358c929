import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HmrContext, ModuleNode, Plugin, ResolvedConfig } from 'vite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileScenario } from '../domain/compiler/compile';
import { scenarioLibrary } from './scenario-library-plugin';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');

/** A project folder with one playable scenario (tour.yaml) and one that does not compile. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'scenario-library-'));
  mkdirSync(join(root, 'scenarios'));
  copyFileSync(join(FIXTURES, 'scenarios', 'feature-tour.yaml'), join(root, 'scenarios', 'tour.yaml'));
  copyFileSync(join(FIXTURES, 'diagnostics', 'SC012-next-typo.yaml'), join(root, 'scenarios', 'broken.yaml'));
  return root;
}

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'load' | 'resolveId' | 'configResolved' | 'handleHotUpdate') => plugin[name] as unknown as Hook;

/** The plugin set up as Vite would, with `load` running a module's code the way the browser gets it. */
function plugin(root: string, only?: readonly string[]) {
  const p = scenarioLibrary(only ? { only } : {});
  const warnings: string[] = [];
  hook(p, 'configResolved').call(null, { root, logger: { warn: (m: string) => warnings.push(m) } } as unknown as ResolvedConfig);
  const watched: string[] = [];
  const context = { addWatchFile: (f: string) => watched.push(f) };
  const code = async (id: string) => {
    const resolved = hook(p, 'resolveId').call(context, id) as string;
    return (await hook(p, 'load').call(context, resolved)) as string;
  };
  const load = async (id: string) => import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(await code(id))}`);
  return { p, load, watched, warnings };
}

describe('scenarioLibrary plugin', () => {
  let root: string;
  beforeEach(() => {
    root = project();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists every file, and loaders of the model and of the source for playable ones only', async () => {
    const { load, watched } = plugin(root);
    const library = await load('virtual:scenario-library');
    expect(library.default.map((e: { file: string; meta: unknown }) => [e.file, e.meta !== null])).toEqual([
      ['scenarios/broken.yaml', false],
      ['scenarios/tour.yaml', true],
    ]);
    expect(Object.keys(library.loaders)).toEqual(['scenarios/tour.yaml']);
    expect(Object.keys(library.sourceLoaders)).toEqual(['scenarios/tour.yaml']);
    expect(String(library.sourceLoaders['scenarios/tour.yaml'])).toContain('import("virtual:scenario-source/tour.yaml")');
    expect(String(library.loaders['scenarios/tour.yaml'])).toContain('import("virtual:scenario/tour.yaml")');
    expect(watched).toContain(join(root, 'scenarios', 'tour.yaml'));
  });

  it('lists only the allowed scenarios when given an allow-list (an LMS package), broken files left out', async () => {
    const tourId = compileScenario(readFileSync(join(root, 'scenarios', 'tour.yaml'), 'utf8'), 'tour.yaml').model!.id;
    const only = await plugin(root, [tourId]).load('virtual:scenario-library');
    expect(only.default.map((e: { file: string }) => e.file)).toEqual(['scenarios/tour.yaml']);
    const none = await plugin(root, ['no-such-scenario']).load('virtual:scenario-library');
    expect(none.default).toEqual([]);
    expect(Object.keys(none.loaders)).toEqual([]);
  });

  it("serves a scenario's source text with its id, version and model hash", async () => {
    const { load } = plugin(root);
    const text = readFileSync(join(root, 'scenarios', 'tour.yaml'), 'utf8');
    const { model } = compileScenario(text, 'scenarios/tour.yaml');
    const source = (await load('virtual:scenario-source/tour.yaml')).default;
    expect(source).toEqual({ file: 'scenarios/tour.yaml', id: model!.id, version: model!.version, hash: model!.hash, source: text });
    expect((await load('virtual:scenario-source/broken.yaml')).default).toBeNull();
  });

  it('serves the model with its expert path, and a later start reads the path from the disk cache', async () => {
    const first = (await plugin(root).load('virtual:scenario/tour.yaml')).default;
    expect(first.model.id).toBe('feature-tour');
    expect(first.exemplar.moves.length).toBeGreaterThan(0);
    const cache = join(root, 'node_modules', '.cache', 'ltc-scenarios');
    const [file] = readdirSync(cache);
    expect(file).toMatch(/^feature-tour-[0-9a-f]{16}-[0-9a-f]{16}\.json$/);
    // A marked path in the cache file shows that a fresh plugin serves it instead of searching.
    const stored = JSON.parse(readFileSync(join(cache, file!), 'utf8'));
    writeFileSync(join(cache, file!), JSON.stringify({ ...stored, exemplar: { ...stored.exemplar, seed: 424242 } }));
    expect((await plugin(root).load('virtual:scenario/tour.yaml')).default.exemplar.seed).toBe(424242);
  });

  it('searches again, with a warning, when the cache file is corrupt', async () => {
    await plugin(root).load('virtual:scenario/tour.yaml');
    const cache = join(root, 'node_modules', '.cache', 'ltc-scenarios');
    const [file] = readdirSync(cache);
    writeFileSync(join(cache, file!), '{"format":1,');
    const again = plugin(root);
    expect((await again.load('virtual:scenario/tour.yaml')).default.exemplar.moves.length).toBeGreaterThan(0);
    expect(again.warnings).toEqual([expect.stringContaining('ignored the unusable cache file')]);
    expect(() => JSON.parse(readFileSync(join(cache, file!), 'utf8'))).not.toThrow();
  });

  it('leaves other ids alone', () => {
    const { p } = plugin(root);
    expect(hook(p, 'resolveId').call(null, 'virtual:scenario-libraryx')).toBeUndefined();
    expect(hook(p, 'resolveId').call(null, './scenarios/tour.yaml')).toBeUndefined();
  });

  it('on a scenario change in dev, invalidates the library, model and source modules and reloads the page', () => {
    const { p } = plugin(root);
    const ids = ['\0virtual:scenario-library', '\0virtual:scenario/tour.yaml', '\0virtual:scenario-source/tour.yaml', '/src/app/main.tsx'];
    const modules = new Map(ids.map((id) => [id, { id } as ModuleNode]));
    const invalidateModule = vi.fn();
    const send = vi.fn();
    const ctx = { file: join(root, 'scenarios', 'tour.yaml'), server: { moduleGraph: { idToModuleMap: modules, invalidateModule }, ws: { send } } } as unknown as HmrContext;
    expect(hook(p, 'handleHotUpdate').call(null, ctx)).toEqual([]);
    expect(invalidateModule.mock.calls.map(([m]) => (m as ModuleNode).id)).toEqual(ids.slice(0, 3));
    expect(send).toHaveBeenCalledWith({ type: 'full-reload' });
    expect(hook(p, 'handleHotUpdate').call(null, { ...ctx, file: join(root, 'src', 'x.ts') })).toBeUndefined();
  });
});
