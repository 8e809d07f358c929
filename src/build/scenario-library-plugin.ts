/**
 * Vite plugin: compiles `scenarios/*.yaml` at build time (and on change in dev) into the virtual
 * module `virtual:scenario-library`, so the browser gets checked models and diagnostics as data and
 * never loads the compiler, the YAML parser or the schema library.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:scenario-library';
const RESOLVED = '\0' + ID;

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
      const folder = join(root, dir);
      const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
      const entries = files.map((name) => {
        const path = join(folder, name);
        this.addWatchFile(path);
        const file = relative(root, path);
        return { file, ...compileScenario(readFileSync(path, 'utf8'), file) };
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
