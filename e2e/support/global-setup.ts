import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DATA_FILE, ROOT } from './data';

/** Computes the explorer's expert paths in Node (tsx) once, before any spec runs. */
export default function globalSetup() {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'e2e', 'support', 'precompute.ts'), DATA_FILE], { cwd: ROOT, stdio: 'inherit' });
}
