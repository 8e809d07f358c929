/** Test helpers: compile fixture and library scenarios from disk. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileScenario } from '../../src/domain/compiler/compile';
import type { ScenarioModel } from '../../src/domain/scenario/model';
import type { LeadPlan } from '../../src/domain/runtime/context';
import { expertLeadPlan } from '../../src/domain/runtime/lead-plan';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Compiles a scenario file (path relative to the repository) and fails loudly on errors. */
export function loadModel(relativePath: string): ScenarioModel {
  const text = readFileSync(join(ROOT, relativePath), 'utf8');
  const { model, diagnostics } = compileScenario(text, relativePath);
  if (!model) throw new Error(`${relativePath} does not compile:\n${diagnostics.map((d) => d.message).join('\n')}`);
  return model;
}

export const libraryFiles = (): string[] =>
  readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `scenarios/${f}`);

export const tour = () => loadModel('test/fixtures/scenarios/feature-tour.yaml');

export function expertPlan(model: ScenarioModel): LeadPlan {
  return expertLeadPlan(model.leads);
}
