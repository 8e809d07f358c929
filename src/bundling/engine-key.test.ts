import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engineKey, engineSources, importSpecifiers } from './engine-key';

const ROOT = join(import.meta.dirname, '..', '..');
const EXPLORER = join(ROOT, 'src', 'domain', 'explorer', 'explore.ts');

describe('engineSources', () => {
  it('covers the explorer, the engine and the scorer, and neither the compiler nor the XState machine', () => {
    const { files, packages } = engineSources(EXPLORER);
    const rel = files.map((f) => relative(ROOT, f).split('\\').join('/'));
    for (const f of ['src/domain/explorer/explore.ts', 'src/domain/explorer/best-path.ts', 'src/domain/runtime/engine.ts', 'src/domain/runtime/moves.ts', 'src/domain/scoring/score.ts']) {
      expect(rel).toContain(f);
    }
    expect(rel.some((f) => f.includes('/compiler/') || f.endsWith('runtime/machine.ts'))).toBe(false);
    expect(packages.xstate).toBeUndefined();
  });

  it('reads static, re-export, side-effect and dynamic imports', () => {
    const source = ["import { a } from './a';", "import type { B } from '../b';", "export * from './c';", "import './d';", "const e = await import('./e');"].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a', '../b', './c', './d', './e']);
  });
});

describe('engineKey', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A tiny project: entry.ts → lib/helper.ts → a package; unrelated.ts imported by nobody. */
  function project() {
    dir = mkdtempSync(join(tmpdir(), 'engine-key-'));
    mkdirSync(join(dir, 'lib'));
    mkdirSync(join(dir, 'node_modules', 'engine-pkg'), { recursive: true });
    writeFileSync(join(dir, 'entry.ts'), "import { helper } from './lib/helper';\nexport const run = helper;\n");
    writeFileSync(join(dir, 'lib', 'helper.ts'), "import { x } from 'engine-pkg';\nexport const helper = () => x;\n");
    writeFileSync(join(dir, 'unrelated.ts'), 'export const y = 1;\n');
    writeFileSync(join(dir, 'node_modules', 'engine-pkg', 'package.json'), '{"version":"1.0.0"}');
    return () => engineKey(join(dir, 'entry.ts'), dir);
  }

  it('is stable, and ignores files the entry does not import', () => {
    const key = project();
    const first = key();
    writeFileSync(join(dir, 'unrelated.ts'), 'export const y = 2;\n');
    expect(key()).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when an imported file changes, even indirectly', () => {
    const key = project();
    const first = key();
    writeFileSync(join(dir, 'lib', 'helper.ts'), "import { x } from 'engine-pkg';\nexport const helper = () => x + 1;\n");
    expect(key()).not.toBe(first);
  });

  it('changes when an imported package is upgraded', () => {
    const key = project();
    const first = key();
    writeFileSync(join(dir, 'node_modules', 'engine-pkg', 'package.json'), '{"version":"1.0.1"}');
    expect(key()).not.toBe(first);
  });
});
