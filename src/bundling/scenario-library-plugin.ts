/**
 * Vite plugin: compiles `scenarios/*.yaml` at build time (and on change in dev). The browser gets
 * data, never the compiler, the YAML parser or the explorer:
 * - `virtual:scenario-library`: every file's metadata and diagnostics (the library screen), and,
 *   per playable scenario, a loader of its model and one of its source;
 * - `virtual:scenario/<file>`: one scenario's model and the explorer's expert path (for the
 *   debrief's "a better move"), loaded only when the trainee opens it;
 * - `virtual:scenario-source/<file>`: one scenario's YAML text with its id, version and hash, loaded
 *   only when asked for (to keep with an attempt, or to export one).
 * Expert paths are cached on disk (see exemplar-cache.ts), so only a changed scenario or changed
 * engine code pays for the search again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Plugin } from 'vite';
import type { CompileResult } from '../domain/compiler/compile';
import { scenarioMeta } from '../domain/scenario/model';
import { engineKey } from './engine-key';
import { cachedExemplar, modelKey, type FoundPath } from './exemplar-cache';

const LIBRARY = 'virtual:scenario-library';
const ONE = 'virtual:scenario/';
const SOURCE = 'virtual:scenario-source/';
const OURS = [LIBRARY, ONE, SOURCE];
const EXPLORER_ENTRY = join(import.meta.dirname, '..', 'domain', 'explorer', 'explore.ts');

export interface ScenarioLibraryOptions {
  /** The scenario folder, relative to the Vite root. */
  dir?: string;
  /** Where expert paths are cached, relative to the Vite root; null turns the disk cache off. */
  cacheDir?: string | null;
  /**
   * Only the scenarios with these ids (e.g. for an LMS package); files that do not compile are left
   * out too. Absent: every file in `dir`.
   */
  only?: readonly string[];
}

/** The scenario library plugin (see the file comment). */
export function scenarioLibrary({ dir = 'scenarios', cacheDir = 'node_modules/.cache/ltc-scenarios', only }: ScenarioLibraryOptions = {}): Plugin {
  let root = process.cwd();
  let warn = (message: string) => console.warn(message);
  const compiled = new Map<string, { text: string; result: CompileResult }>();
  const exemplars = new Map<string, FoundPath>();
  let engine: string | undefined;

  /** Compiles a file once per text; returns the text it compiled with the result. */
  const compile = async (path: string) => {
    const { compileScenario } = await import('../domain/compiler/compile');
    const text = readFileSync(path, 'utf8');
    const cached = compiled.get(path);
    if (cached?.text === text) return cached;
    const entry = { text, result: compileScenario(text, relative(root, path)) };
    compiled.set(path, entry);
    return entry;
  };
  const files = () =>
    readdirSync(join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(root, dir, f));
  const loader = (name: string, prefix: string, path: string) => `${JSON.stringify(name)}: () => import(${JSON.stringify(prefix + basename(path))})`;

  const exemplarOf = async (model: NonNullable<CompileResult['model']>): Promise<FoundPath> => {
    const key = modelKey(model);
    if (exemplars.has(key)) return exemplars.get(key)!;
    const { explore } = await import('../domain/explorer/explore');
    const find = (): FoundPath => {
      const ex = explore(model).exemplar;
      return ex && { seed: ex.seed, moves: ex.moves };
    };
    let exemplar: FoundPath;
    if (cacheDir === null) exemplar = find();
    else {
      engine ??= engineKey(EXPLORER_ENTRY, join(import.meta.dirname, '..', '..'));
      exemplar = cachedExemplar(model, find, { dir: join(root, cacheDir), engine, onProblem: (m) => warn(`[ltc-scenario-library] ${m}`) }).exemplar;
    }
    exemplars.set(key, exemplar);
    return exemplar;
  };

  return {
    name: 'ltc-scenario-library',
    configResolved(config) {
      root = config.root;
      warn = (message) => config.logger.warn(message);
    },
    resolveId: (id) => (OURS.some((p) => id === p || (p.endsWith('/') && id.startsWith(p))) ? '\0' + id : undefined),
    async load(id) {
      if (id === '\0' + LIBRARY) {
        const entries = [];
        const loaders: string[] = [];
        const sourceLoaders: string[] = [];
        for (const path of files()) {
          this.addWatchFile(path);
          const { result } = await compile(path);
          if (only && (!result.model || !only.includes(result.model.id))) continue;
          const file = relative(root, path);
          entries.push({ file, diagnostics: result.diagnostics, meta: result.model ? scenarioMeta(result.model) : null });
          if (!result.model) continue;
          loaders.push(loader(file, ONE, path));
          sourceLoaders.push(loader(file, SOURCE, path));
        }
        return [
          `export default ${JSON.stringify(entries)};`,
          `export const loaders = {${loaders.join(',\n')}};`,
          `export const sourceLoaders = {${sourceLoaders.join(',\n')}};`,
        ].join('\n');
      }
      if (id.startsWith('\0' + ONE)) {
        const path = join(root, dir, id.slice(1 + ONE.length));
        this.addWatchFile(path);
        const { model } = (await compile(path)).result;
        if (!model) return 'export default null;';
        return `export default ${JSON.stringify({ model, exemplar: await exemplarOf(model) })};`;
      }
      if (id.startsWith('\0' + SOURCE)) {
        const path = join(root, dir, id.slice(1 + SOURCE.length));
        this.addWatchFile(path);
        const { text, result } = await compile(path);
        const { model } = result;
        if (!model) return 'export default null;';
        const source = { file: relative(root, path), id: model.id, version: model.version, hash: model.hash, source: text };
        return `export default ${JSON.stringify(source)};`;
      }
      return undefined;
    },
    handleHotUpdate(ctx) {
      if (/\.ya?ml$/.test(ctx.file) && ctx.file.startsWith(join(root, dir))) {
        for (const mod of ctx.server.moduleGraph.idToModuleMap.values()) {
          if (OURS.some((p) => mod.id?.startsWith('\0' + p))) ctx.server.moduleGraph.invalidateModule(mod);
        }
        ctx.server.ws.send({ type: 'full-reload' });
        return [];
      }
      return undefined;
    },
  };
}
