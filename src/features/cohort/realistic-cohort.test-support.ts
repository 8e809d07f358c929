/**
 * A realistic cohort for the dashboard's tests, from real replays: the stored attempt files (checked
 * and replayed as an import does) and attempts played through the engine by simulated trainees on
 * two library scenarios, first tries and later ones, won and lost, over several weeks.
 */
import { attemptFixture, attemptFixtureNames } from '../../../test/support/attempt-files';
import { verifyAttemptFile } from '../../domain/attempts/verify-attempt-file';
import { analyzeAttempt, type AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import { compileScenario } from '../../domain/compiler/compile';
import type { ScenarioModel } from '../../domain/scenario/model';
import { sampleCohort, type SampleScenario } from './sample-cohort.test-support';

/**
 * A library scenario with its expert path, both from its stored expert attempt file (the scenario
 * source inside it), so that they stay in step with the stored files when the library changes.
 */
export function libraryScenario(name: string): SampleScenario {
  const file = attemptFixture(`${name}.expert.json`);
  const { model, diagnostics } = compileScenario(file.scenario.source, file.scenario.file);
  if (!model) throw new Error(`${name}: ${diagnostics.map((d) => d.code).join(', ')}`);
  return { model, exemplar: { seed: file.attempt.seed, moves: file.attempt.moves } };
}

/** Every stored attempt file, verified and analysed against its scenario's expert path. */
export function storedAttempts(scenarios: readonly SampleScenario[]): AttemptAnalysis[] {
  return attemptFixtureNames().map((name) => {
    const v = verifyAttemptFile(attemptFixture(name), { fileName: name, compile: compileScenario, now: Date.UTC(2026, 10, 1) });
    if (!v.ok) throw new Error(`${name}: ${v.error.key}`);
    const exemplar = scenarios.find((s) => s.model.hash === v.model.hash)?.exemplar ?? null;
    return analyzeAttempt(v.model, v.record, exemplar, v.context);
  });
}

export const modelsByHash = (scenarios: readonly { model: ScenarioModel }[]): Record<string, ScenarioModel> =>
  Object.fromEntries(scenarios.map((s) => [s.model.hash, s.model]));

export interface RealisticCohort {
  analyses: AttemptAnalysis[];
  models: Record<string, ScenarioModel>;
  scenarios: SampleScenario[];
}

/** The stored attempts (Li Na, Sam Carter, early March 2025) and 40 played by four more trainees over the next ten weeks. */
export function realisticCohort(): RealisticCohort {
  const scenarios = ['first-deal-tutorial', 'precision-erp', 'retail-saas-rollout'].map(libraryScenario);
  const played = sampleCohort({
    scenarios: scenarios.slice(0, 2),
    trainees: ['Ann Lee', 'Bo Chen', 'Cy Park', '王芳'],
    attempts: 40,
    start: Date.UTC(2025, 2, 10, 9),
    days: 70,
    seed: 7,
  });
  return { analyses: [...storedAttempts(scenarios), ...played], models: modelsByHash(scenarios), scenarios };
}
