/**
 * Exporting an attempt as a file: the record with the scenario source it was played on (kept in the
 * database, or the library's copy of the same version), downloaded as JSON.
 */
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import { exportAttemptFile, suggestAttemptFileName } from '../domain/attempts/attempt-file';
import { scenarioSource } from '../domain/attempts/scenario-source';
import { attemptsStore } from '../state/attempts/use-attempts';
import { bundledScenarios, loadScenarioSource } from '../state/scenario-library';
import { download } from '../components/download';

/** The source an attempt was played on, or null when neither the database nor the library has it. */
async function sourceFor(record: AttemptRecord) {
  const kept = await attemptsStore.getState().source(record.scenario.hash);
  if (kept) return kept;
  const entry = bundledScenarios().find((e) => e.meta?.hash === record.scenario.hash);
  if (!entry) return null;
  const loaded = scenarioSource(await loadScenarioSource(entry.file));
  void attemptsStore.getState().keepSource(loaded);
  return loaded;
}

/** Downloads the attempt file of `record`; false when its scenario source is not available. */
export async function exportAttempt(record: AttemptRecord): Promise<boolean> {
  const source = await sourceFor(record);
  if (!source) return false;
  const file = source.file.split('/').pop() || `${record.scenario.id}.yaml`;
  download(suggestAttemptFileName(record), exportAttemptFile(record, { file, source: source.source, hash: source.hash }, Date.now()));
  return true;
}
