/**
 * Vite plugin: compiles `scenarios/*.yaml` at build time (and on change in dev). The browser gets
 * data, never the compiler, the YAML parser or the explorer:
 * - `virtual:scenario-library`: every file's metadata and diagnostics (the library screen), and a
 *   loader per playable scenario;
 * - `virtual:scenario/<file>`: one scenario's model and the explorer's expert path (for the
 *   debrief's "a better move"), loaded only when the trainee opens it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Plugin } from 'vite';
import type { CompileResult } from '../domain/compiler/compile';
import { scenarioMeta } from '../domain/scenario/model';

const LIBRARY = 'virtual:scenario-library';
const ONE = 'virtual:scenario/';

export function scenarioLibrary(dir = 'scenarios'): Plugin {
  let root = process.cwd();
  const compiled = new Map<string, { text: string; result: CompileResult }>();
  const exemplars = new Map<string, unknown>();

  const compile = async (path: string) => {
    const { compileScenario } = await import('../domain/compiler/compile');
    const text = readFileSync(path, 'utf8');
    const cached = compiled.get(path);
    if (cached?.text === text) return cached.result;
    const result = compileScenario(text, relative(root, path));
    compiled.set(path, { text, result });
    return result;
  };
  const files = () =>
    readdirSync(join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(root, dir, f));

  return {
    name: 'ltc-scenario-library',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (id) => (id === LIBRARY || id.startsWith(ONE) ? '\0' + id : undefined),
    async load(id) {
      if (id === '\0' + LIBRARY) {
        const entries = [];
        const loaders: string[] = [];
        for (const path of files()) {
          this.addWatchFile(path);
          const result = await compile(path);
          const file = relative(root, path);
          entries.push({ file, diagnostics: result.diagnostics, meta: result.model ? scenarioMeta(result.model) : null });
          if (result.model) loaders.push(`${JSON.stringify(file)}: () => import(${JSON.stringify(ONE + basename(path))})`);
        }
        return `export default ${JSON.stringify(entries)};\nexport const loaders = {${loaders.join(',\n')}};`;
      }
      if (id.startsWith('\0' + ONE)) {
        const path = join(root, dir, id.slice(1 + ONE.length));
        this.addWatchFile(path);
        const { model } = await compile(path);
        if (!model) return 'export default null;';
        const { explore } = await import('../domain/explorer/explore');
        if (!exemplars.has(model.hash)) {
          const ex = explore(model).exemplar;
          exemplars.set(model.hash, ex && { seed: ex.seed, moves: ex.moves });
        }
        return `export default ${JSON.stringify({ model, exemplar: exemplars.get(model.hash) })};`;
      }
      return undefined;
    },
    handleHotUpdate(ctx) {
      if (/\.ya?ml$/.test(ctx.file) && ctx.file.startsWith(join(root, dir))) {
        for (const mod of ctx.server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0' + LIBRARY) || mod.id?.startsWith('\0' + ONE)) ctx.server.moduleGraph.invalidateModule(mod);
        }
        ctx.server.ws.send({ type: 'full-reload' });
        return [];
      }
      return undefined;
    },
  };
}
