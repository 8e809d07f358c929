import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioData } from './types';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DATA_FILE = join(ROOT, 'test-results', 'e2e-data', 'scenarios.json');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

let cache: ScenarioData[] | null = null;
export function scenarios(): ScenarioData[] {
  cache ??= JSON.parse(readFileSync(DATA_FILE, 'utf8')) as ScenarioData[];
  return cache;
}
export function scenario(file: string): ScenarioData {
  const s = scenarios().find((x) => x.file === file);
  if (!s) throw new Error(`no scenario ${file}`);
  return s;
}
