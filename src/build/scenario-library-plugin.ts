/**
 * Vite plugin: compiles `scenarios/*.yaml` at build time (and on change in dev) into the virtual
 * module `virtual:scenario-library`, so the browser gets checked models, diagnostics and the
 * explorer's expert path as data, and never loads the compiler, the YAML parser or the explorer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:scenario-library';
const RESOLVED = '\0' + ID;

const exemplars = new Map<string, unknown>();
function exemplarFor<T>(hash: string, find: () => T): T {
  if (!exemplars.has(hash)) exemplars.set(hash, find());
  return exemplars.get(hash) as T;
}

export function scenarioLibrary(dir = 'scenarios'): Plugin {
  let root = process.cwd();
  return {
    name: 'ltc-scenario-library',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      // Loaded on first use, so that reading the Vite config does not pull in the whole compiler.
      const { compileScenario } = await import('../domain/compiler/compile');
      const { explore } = await import('../domain/explorer/explore');
      const folder = join(root, dir);
      const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
      const entries = files.map((name) => {
        const path = join(folder, name);
        this.addWatchFile(path);
        const file = relative(root, path);
        const result = compileScenario(readFileSync(path, 'utf8'), file);
        // The expert path, for the debrief's "a better move": found once per scenario version.
        const exemplar = result.model ? exemplarFor(result.model.hash, () => explore(result.model!).exemplar) : null;
        return { file, ...result, exemplar: exemplar && { seed: exemplar.seed, moves: exemplar.moves } };
      });
      return `export default ${JSON.stringify(entries)};`;
    },
    handleHotUpdate(ctx) {
      if (/\.ya?ml$/.test(ctx.file) && ctx.file.startsWith(join(root, dir))) {
        const mod = ctx.server.moduleGraph.getModuleById(RESOLVED);
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
        ctx.server.ws.send({ type: 'full-reload' });
        return [];
      }
      return undefined;
    },
  };
}
