/**
 * Playing a trainer's own scenario: its library entry, its model compiled in the browser (in a
 * worker), and its expert path, which the explorer looks for in the background (the drill starts at
 * once; the debrief shows the path once it is found, and says so when there is none). The source goes
 * beside the attempts (by content hash), so attempts on it replay, export and import like any other.
 */
import { scenarioSource, type ScenarioSource } from '../../domain/attempts/scenario-source';
import type { Exemplar } from '../../domain/explorer/exemplar';
import { scenarioMeta, type ScenarioModel } from '../../domain/scenario/model';
import type { UserScenario } from '../../domain/user-scenarios/user-scenario';
import type { LibraryEntry, LoadedScenario } from '../scenario-library';
import { compileSource, findExemplar } from './scenario-compiler';
import { userScenariosStore } from './user-scenarios-store';

/** The library entry of one of the trainer's scenarios (a draft has no meta, only its diagnostics). */
export function ownEntry(record: UserScenario): LibraryEntry {
  return { file: `yours/${record.key}`, meta: record.meta, diagnostics: record.diagnostics, own: { key: record.key, fileName: record.fileName } };
}

/** The entry of the trainer's scenario whose current text has content hash `hash`, if any. */
export function ownEntryByHash(hash: string): LibraryEntry | null {
  const record = userScenariosStore.getState().records.find((r) => r.meta?.hash === hash);
  return record ? ownEntry(record) : null;
}

const exemplars = new Map<string, Promise<Exemplar | null>>();

/** Looks for the expert path of `scenario`'s model in the background and fills it in when found. */
export function exploreLater(scenario: LoadedScenario): void {
  if (scenario.exemplar) return;
  const { model } = scenario;
  let found = exemplars.get(model.hash);
  if (!found) {
    found = findExemplar(model);
    exemplars.set(model.hash, found);
  }
  void found.then((exemplar) => {
    if (exemplar && !scenario.exemplar) scenario.exemplar = exemplar;
  });
}

/** A scenario source record of a model compiled from `text`. */
export const ownSource = (model: ScenarioModel, text: string): ScenarioSource =>
  scenarioSource({ hash: model.hash, id: model.id, version: model.version, file: `${model.id}.yaml`, source: text });

/** Compiles the trainer's scenario `key` as it is now; rejects when it is missing or does not compile. */
export async function loadOwnScenario(key: string): Promise<{ scenario: LoadedScenario; source: ScenarioSource; entry: LibraryEntry }> {
  const store = userScenariosStore.getState();
  if (!store.loaded) await store.load();
  const record = userScenariosStore.getState().records.find((r) => r.key === key);
  if (!record) throw new Error(`No scenario ${key}`);
  const { model } = await compileSource(record.source, record.fileName);
  if (!model) throw new Error(`Scenario ${key} does not compile`);
  const scenario: LoadedScenario = { model, exemplar: null };
  exploreLater(scenario);
  return { scenario, source: ownSource(model, record.source), entry: { ...ownEntry(record), meta: scenarioMeta(model) } };
}
