/** Command-line arguments to files: folders expand to their matching files (sorted), files stay as given. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function findFiles(targets: string[], matches: (name: string) => boolean): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const t of targets) {
    let stat;
    try {
      stat = statSync(t);
    } catch {
      missing.push(t);
      continue;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(t).sort()) if (matches(name) && statSync(join(t, name)).isFile()) files.push(join(t, name));
    } else files.push(t);
  }
  return { files, missing };
}
