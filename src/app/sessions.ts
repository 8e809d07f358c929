/**
 * The attempts open in this tab. A new attempt starts here and is kept live while the trainee moves
 * around the app; an attempt opened from a link or after a reload is continued by replaying its saved
 * log (a finished one replays to its end, for the debrief).
 */
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import type { LibraryEntry, LoadedScenario } from '../state/scenario-library';
import { bundledScenarios, loadScenario, loadScenarioSource } from '../state/scenario-library';
import { scenarioSource } from '../domain/attempts/scenario-source';
import { appRepository, attemptsStore } from '../state/attempts/use-attempts';
import { isNewer } from './attempt-lock';
import type { DrillSession } from './drill-session';

export type LiveSession = DrillSession & { scenario: LoadedScenario; entry: LibraryEntry };

/** Why an attempt cannot be opened: a message key under `attempt.open.*`. */
export type OpenProblem = 'not-found' | 'corrupt' | 'scenario-missing' | 'scenario-changed' | 'does-not-replay';
export type OpenResult = { ok: true; session: LiveSession } | { ok: false; problem: OpenProblem; record?: AttemptRecord };

const live = new Map<string, LiveSession>();
// The drill session (XState and the engine) loads when a scenario is opened, not with the library.
const sessions = () => import('./drill-session');

/** Starts a new attempt at a library scenario; returns its id. */
export async function startAttempt(entry: LibraryEntry, trainee: string): Promise<string> {
  const [scenario, { startSession }] = await Promise.all([loadScenario(entry.file), sessions()]);
  const session = Object.assign(startSession(scenario.model, trainee), { scenario, entry });
  live.set(session.attempt.getState().id, session);
  // The source goes with the attempt, so it can be replayed and exported after the library changes.
  void loadScenarioSource(entry.file).then(
    (source) => attemptsStore.getState().keepSource(scenarioSource(source)),
    () => undefined, // the attempt plays on; its source is fetched again when it is exported
  );
  return session.attempt.getState().id;
}

/** Starts a retry of `original` from its move `turn` (see `retrySession`); its id, or null when it cannot be played here. */
export async function retryAttempt(original: AttemptRecord, turn: number): Promise<string | null> {
  const { entry } = entryFor(original);
  if (!entry) return null;
  const [scenario, { retrySession }] = await Promise.all([loadScenario(entry.file), sessions()]);
  const session = retrySession(scenario.model, original, turn);
  if (!session) return null;
  const id = session.attempt.getState().id;
  live.set(id, Object.assign(session, { scenario, entry }));
  return id;
}

/** The library entry that can replay `record`: the same scenario id and content hash. */
export function entryFor(record: Pick<AttemptRecord, 'scenario'>): { entry: LibraryEntry | null; changed: boolean } {
  const sameId = bundledScenarios().filter((e) => e.meta?.id === record.scenario.id);
  const entry = sameId.find((e) => e.meta?.hash === record.scenario.hash) ?? null;
  return { entry, changed: !entry && sameId.length > 0 };
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
  const { entry, changed } = entryFor(record);
  if (!entry) return { ok: false, problem: changed ? 'scenario-changed' : 'scenario-missing', record };
  const [scenario, { continueSession }] = await Promise.all([loadScenario(entry.file), sessions()]);
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
