/**
 * `npm run package -- scorm12|scorm2004|cmi5 [--scenario id…] [--out file.zip]`: builds the app for
 * an LMS (only the chosen scenarios, relative paths, the standard's launch code) and zips it with
 * the standard's descriptor (`imsmanifest.xml` or `cmi5.xml`) at its root, ready to upload.
 * Exit codes: 0 built, 1 a chosen scenario does not compile or the build failed, 2 a usage error.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { compileScenario } from '../domain/compiler/compile';
import { DESCRIPTOR, PACKAGE_STANDARDS, packageDescriptor, type PackagedScenario, type PackageStandard } from '../domain/lms/manifests';

export interface PackageIo {
  out(line: string): void;
  err(line: string): void;
}

const ROOT = join(import.meta.dirname, '..', '..');
const USAGE = 'usage: npm run package -- scorm12|scorm2004|cmi5 [--scenario <id>]… [--out <file.zip>]';

export interface PackageArgs {
  standard: PackageStandard;
  scenarios: string[];
  out: string | null;
}

/** Reads the command line; a string is the usage error to print. */
export function parsePackageArgs(argv: readonly string[]): PackageArgs | string {
  const [standard, ...rest] = argv;
  if (!standard || !(PACKAGE_STANDARDS as readonly string[]).includes(standard)) return `${standard ? `unknown standard "${standard}". ` : ''}${USAGE}`;
  const scenarios: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--scenario' || a === '--out') {
      const value = rest[++i];
      if (!value || value.startsWith('--')) return `${a} needs a value. ${USAGE}`;
      if (a === '--out') out = value;
      else scenarios.push(...value.split(',').filter(Boolean));
    } else if (!a.startsWith('--') && scenarios.length && rest[i - 1] !== '--out') scenarios.push(a); // `--scenario a b`
    else return `unknown argument "${a}". ${USAGE}`;
  }
  return { standard: standard as PackageStandard, scenarios, out };
}

/** The library's scenarios that compile, by id, with what the descriptor needs. */
function libraryScenarios(dir: string) {
  const out = new Map<string, PackagedScenario & { file: string }>();
  const broken: string[] = [];
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = join(dir, name);
    const { model } = compileScenario(readFileSync(file, 'utf8'), relative(ROOT, file));
    if (!model) {
      broken.push(name);
      continue;
    }
    out.set(model.id, { id: model.id, version: model.version, hash: model.hash, title: model.title, summary: model.summary, passMark: model.passMark.overall, file: name });
  }
  return { scenarios: out, broken };
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return files;
}

/**
 * In an LMS the package is served by the LMS, which owns caching and updates: the app registers no
 * service worker there (`main.tsx`), and `virtual:pwa-register`, which only the PWA plugin provides,
 * resolves to a no-op.
 */
function noServiceWorker(): Plugin {
  const id = '\0ltc-no-service-worker';
  return {
    name: 'ltc-no-service-worker',
    resolveId: (source) => (source === 'virtual:pwa-register' ? id : null),
    load: (source) => (source === id ? 'export function registerSW() { return () => Promise.resolve(); }' : null),
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** Builds the package; returns the exit code. */
export async function runPackage(argv: readonly string[], io: PackageIo, root = ROOT): Promise<number> {
  const args = parsePackageArgs(argv);
  if (typeof args === 'string') {
    io.err(args);
    return 2;
  }
  const { scenarios: library, broken } = libraryScenarios(join(root, 'scenarios'));
  const ids = args.scenarios.length ? [...new Set(args.scenarios)] : [...library.keys()];
  const unknown = ids.filter((id) => !library.has(id));
  if (unknown.length) {
    const brokenNote = broken.length ? ` (${broken.join(', ')} do not compile: npm run scenarios -- check)` : '';
    io.err(`no playable scenario with id ${unknown.map((u) => `"${u}"`).join(', ')} in scenarios/${brokenNote}. Available: ${[...library.keys()].join(', ')}.`);
    return library.size ? 2 : 1;
  }
  const chosen = ids.map((id) => library.get(id)!);
  const outFile = resolve(args.out ?? join(root, 'dist-packages', `ltc-sales-simulator-${args.standard}.zip`));
  const build = mkdtempSync(join(tmpdir(), `ltc-package-${args.standard}-`));
  try {
    const [{ build: viteBuild }, { default: react }, { scenarioLibrary }] = await Promise.all([import('vite'), import('@vitejs/plugin-react'), import('../bundling/scenario-library-plugin')]);
    await viteBuild({
      configFile: false,
      root,
      base: './',
      logLevel: 'warn',
      plugins: [react(), scenarioLibrary({ only: ids }), noServiceWorker()],
      define: { 'import.meta.env.VITE_LTC_PACKAGE': JSON.stringify(args.standard) },
      build: { outDir: build, emptyOutDir: true },
    });
    // The scenario schema is for trainers' editors, not for an LMS.
    rmSync(join(build, 'scenario.schema.json'), { force: true });
    const files = listFiles(build);
    const descriptor = packageDescriptor(args.standard, {
      title: chosen.length === 1 ? chosen[0]!.title : { en: 'LTC Sales Simulator', 'zh-CN': 'LTC 销售模拟训练' },
      scenarios: chosen,
      files,
      launch: 'index.html',
    });
    const zip: Zippable = { [DESCRIPTOR[args.standard]]: strToU8(descriptor) };
    for (const f of files) zip[f] = readFileSync(join(build, f));
    const bytes = zipSync(zip, { level: 9, mtime: new Date('2025-01-01T00:00:00Z') });
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, bytes);
    const shown = relative(process.cwd(), outFile);
    io.out(`${shown && !shown.startsWith('..') ? shown : outFile}: ${args.standard}, ${chosen.length} scenario${chosen.length === 1 ? '' : 's'} (${chosen.map((s) => `${s.id} ${s.version}, pass mark ${s.passMark}`).join('; ')}), ${files.length + 1} files, ${kib(bytes.byteLength)}`);
    return 0;
  } catch (e) {
    io.err(`the build failed: ${(e as Error).message}`);
    return 1;
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}
