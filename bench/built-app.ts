/**
 * The built app, served as users get it, for the browser benchmarks: `vite build` into a private
 * folder (so that another build of dist/ cannot pull files from under a run, as in
 * playwright.config.ts) and `vite preview` on a free port. Uses Vite's API rather than `npx vite`,
 * so no server process can outlive the script; the config is bundled as the `vite` command does.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build, preview } from 'vite';

export const ROOT = join(import.meta.dirname, '..');

// Vite's note that vite.config.ts would not load with its future native loader is about the
// config's imports, not about what is measured here: keep it out of the benchmarks' output.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

/** Debian's Chromium, never a downloaded one; the flags the e2e suite uses. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BuiltApp {
  url: string;
  close(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Builds the app into `test-results/bench/<name>-dist` and serves it; `close()` stops the server.
 * With `readable`, the code is not minified (for a profile whose function names mean something).
 */
export async function serveBuiltApp(name: string, { readable = false }: { readable?: boolean } = {}): Promise<BuiltApp> {
  const outDir = join(ROOT, 'test-results', 'bench', `${name}-dist`);
  console.log(`Building the app into ${outDir}${readable ? ' (not minified)' : ''} …`);
  await build({ root: ROOT, configLoader: 'bundle', logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(readable ? { minify: false } : {}) } });
  const port = await freePort();
  const server = await preview({ root: ROOT, configLoader: 'bundle', logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => server.close(),
  };
}
