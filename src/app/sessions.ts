/**
 * The attempts open in this tab. A new attempt starts here and is kept live while the trainee moves
 * around the app; an attempt opened from a link or after a reload is continued by replaying its saved
 * log (a finished one replays to its end, for the debrief).
 */
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import type { LibraryEntry, LoadedScenario } from '../state/scenario-library';
import { bundledScenarios, loadScenario, loadScenarioSource } from '../state/scenario-library';
import { scenarioSource, type ScenarioSource } from '../domain/attempts/scenario-source';
import { appRepository, attemptsStore } from '../state/attempts/use-attempts';
import { isNewer } from './attempt-lock';
import type { DrillSession } from './drill-session';
import { exploreLater, loadOwnScenario, ownEntryByHash } from '../state/user-scenarios/play';
import { scenarioMeta } from '../domain/scenario/model';

export type LiveSession = DrillSession & { scenario: LoadedScenario; entry: LibraryEntry };

/** Why an attempt cannot be opened: a message key under `attempt.open.*`. */
export type OpenProblem = 'not-found' | 'corrupt' | 'scenario-missing' | 'scenario-changed' | 'does-not-replay';
export type OpenResult = { ok: true; session: LiveSession } | { ok: false; problem: OpenProblem; record?: AttemptRecord };

const live = new Map<string, LiveSession>();
// The drill session (XState and the engine) loads when a scenario is opened, not with the library.
const sessions = () => import('./drill-session');

/** The model to play `entry` on: the library's, one of the trainer's own (compiled here), or a source kept with the attempts. */
async function loadEntry(entry: LibraryEntry): Promise<{ scenario: LoadedScenario; entry: LibraryEntry; source: Promise<ScenarioSource | null> }> {
  if (entry.own) {
    const own = await loadOwnScenario(entry.own.key);
    return { scenario: own.scenario, entry: own.entry, source: Promise.resolve(own.source) };
  }
  if (!bundledScenarios().some((e) => e.file === entry.file) && entry.meta) {
    const { resolveScenario } = await import('../state/review/scenario-models');
    const resolved = await resolveScenario(entry.meta.hash, appRepository.getSource);
    if (!resolved) throw new Error(`No scenario ${entry.meta.hash}`);
    const scenario = { model: resolved.model, exemplar: resolved.exemplar };
    exploreLater(scenario);
    return { scenario, entry, source: Promise.resolve(null) }; // its source is kept already
  }
  // The source goes with the attempt, so it can be replayed and exported after the library changes.
  const source = loadScenarioSource(entry.file).then(scenarioSource, () => null); // if it fails, it is fetched again when exported
  return { scenario: await loadScenario(entry.file), entry, source };
}

/** Starts a new attempt at a scenario of the library (bundled or the trainer's own); returns its id. */
export async function startAttempt(entry: LibraryEntry, trainee: string): Promise<string> {
  const [loaded, { startSession }] = await Promise.all([loadEntry(entry), sessions()]);
  const { scenario } = loaded;
  if (entry.own) {
    // Kept before the first move is saved: an attempt on a trainer's scenario replays only from it.
    const source = await loaded.source;
    if (source) await attemptsStore.getState().keepSource(source);
  } else {
    void loaded.source.then((source) => source && attemptsStore.getState().keepSource(source));
  }
  const session = Object.assign(startSession(scenario.model, trainee), { scenario, entry: loaded.entry });
  live.set(session.attempt.getState().id, session);
  return session.attempt.getState().id;
}

/** The bundled library entry that can replay `record`: the same scenario id and content hash. */
export function entryFor(record: Pick<AttemptRecord, 'scenario'>): { entry: LibraryEntry | null; changed: boolean } {
  const sameId = bundledScenarios().filter((e) => e.meta?.id === record.scenario.id);
  const entry = sameId.find((e) => e.meta?.hash === record.scenario.hash) ?? null;
  return { entry, changed: !entry && sameId.length > 0 };
}

/**
 * The scenario `record` was played on: the library's version, else (one of the trainer's own, or
 * an attempt imported with its source) compiled from the source kept with the attempts.
 */
export async function scenarioFor(record: Pick<AttemptRecord, 'scenario'>): Promise<{ ok: true; entry: LibraryEntry; scenario: LoadedScenario } | { ok: false; problem: OpenProblem }> {
  const { entry, changed } = entryFor(record);
  if (entry) return { ok: true, entry, scenario: await loadScenario(entry.file) };
  const { resolveScenario } = await import('../state/review/scenario-models');
  const resolved = await resolveScenario(record.scenario.hash, appRepository.getSource);
  if (!resolved) return { ok: false, problem: changed ? 'scenario-changed' : 'scenario-missing' };
  const scenario: LoadedScenario = { model: resolved.model, exemplar: resolved.exemplar };
  exploreLater(scenario);
  const own = ownEntryByHash(record.scenario.hash);
  return { ok: true, entry: own ?? { file: `source/${resolved.model.hash}`, meta: scenarioMeta(resolved.model), diagnostics: [] }, scenario };
}

/**
 * Opens a saved attempt to drive it: the live session if there is one, else a replay of its log as
 * stored now (read afresh: another tab may have played on), or of `latest` (the newest copy another
 * tab sent) when that is further along, which is then saved.
 */
export async function openAttempt(id: string, latest: AttemptRecord | null = null): Promise<OpenResult> {
  const store = attemptsStore.getState();
  if (!store.loaded) await store.load();
  const found = await appRepository.get(id);
  const stored = found.status === 'found' ? found.record : null;
  const best = latest && isNewer(latest, stored) ? latest : stored;
  const kept = live.get(id);
  if (kept && !(best && isNewer(best, kept.attempt.getState()))) return { ok: true, session: kept };
  if (kept) closeAttempt(id);
  if (!best) return { ok: false, problem: found.status === 'corrupt' ? 'corrupt' : 'not-found' };
  const record = best;
  if (record !== stored) void store.update(record);
  else if (store.records.find((r) => r.id === id)?.moves.length !== record.moves.length) void store.load();
  const [played, { continueSession }] = await Promise.all([scenarioFor(record), sessions()]);
  if (!played.ok) return { ok: false, problem: played.problem, record };
  const { entry, scenario } = played;
  const session = continueSession(scenario.model, record);
  if (!session) return { ok: false, problem: 'does-not-replay', record };
  const opened = Object.assign(session, { scenario, entry });
  live.set(id, opened);
  return { ok: true, session: opened };
}

/** Forgets a live session (its attempt stays saved). */
export function closeAttempt(id: string) {
  live.get(id)?.stop();
  live.delete(id);
}
