/**
 * A key for the code that finds expert paths: a hash of every source file the explorer's entry
 * imports, directly or through others, and of the version of every package those files import.
 * Any change to the explorer, the engine or the scorer (or to a package they import) gives a new key, so a
 * path cached by older code is never served. Found by following imports rather than listing folders,
 * so a new file or a new dependency is covered without anyone remembering to add it here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Static imports, re-exports, side-effect imports and dynamic imports with a literal specifier.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.tsx'];

/** The specifiers a TypeScript source imports. */
export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[2]!);
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The installed version of `pkg` as seen from `fromDir` (walking up through node_modules folders). */
function packageVersion(pkg: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', pkg, 'package.json');
    if (existsSync(manifest)) return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version);
    if (dirname(dir) === dir) return 'missing';
  }
}

export interface EngineSources {
  /** Absolute paths of `entry` and every file it imports, directly or not. */
  files: string[];
  /** Package name → installed version, for every package those files import. */
  packages: Record<string, string>;
}

/** Follows `entry`'s imports: relative files recursively, packages by their installed version. */
export function engineSources(entry: string): EngineSources {
  const files = new Set<string>();
  const packages: Record<string, string> = {};
  const queue = [resolve(entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        // An import that resolves to no file still counts, by name, so the key notices when it appears.
        if (target) queue.push(target);
        else packages[`unresolved:${specifier}`] = '';
      } else if (!specifier.startsWith('node:')) {
        const pkg = packageName(specifier);
        packages[pkg] ??= packageVersion(pkg, dirname(file));
      }
    }
  }
  return { files: [...files].sort(), packages };
}

/**
 * A short hash of `entry`'s sources (see `engineSources`). `root` only makes the hashed paths
 * relative, so the key is the same in every checkout.
 */
export function engineKey(entry: string, root: string): string {
  const { files, packages } = engineSources(entry);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(root, file).split('\\').join('/')}\0${readFileSync(file, 'utf8')}\0`);
  for (const pkg of Object.keys(packages).sort()) hash.update(`${pkg}@${packages[pkg]}\0`);
  return hash.digest('hex').slice(0, 16);
}
