/**
 * The app's link to a Learning Record Store: the LRS settings (loaded from and saved to `ltc-lms`),
 * the one statement queue, how queued statements reach their LRS (the configured one, or a cmi5
 * launch's), and pulling a cohort's attempts back from the LRS through the same checks as imported
 * files. A vanilla zustand store; `useLrs` binds it to React.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Agent, Statement } from '@xapi/xapi';
import { attemptsFromStatements, type RebuiltAttempt } from '../../domain/lms/statements-to-attempts';
import { CONTEXT, PROFILE } from '../../domain/lms/xapi-profile';
import { attemptsStore } from '../attempts/use-attempts';
import { reviewStore } from '../review/review-store';
import { fromBytes, type ImportOutcome } from '../review/import-files';
import { bundledScenarios, loadScenarioSource } from '../scenario-library';
import { openLmsDb, destinationKey, type Destination, type LmsDatabase } from './lms-db';
import { basicAuth, checkAccess, classify, fetchStatements, sendStatements, type LrsAccess, type SendOutcome } from './lrs-client';
import { checkLrsSettings, LRS_SETTINGS_FORMAT, LRS_SETTINGS_VERSION, type LrsSettings } from './lrs-settings';
import { createStatementQueue, type StatementQueue } from './statement-queue';
import { randomId } from '../random-id';

/** The most statements one pull reads (about 100 attempts of 50 moves each, times 20). */
export const MAX_PULLED_STATEMENTS = 100_000;

export type PullResult =
  | { ok: true; statements: number; truncated: boolean; attempts: RebuiltAttempt[]; outcomes: ImportOutcome[] }
  | { ok: false; error: SendOutcome };

export interface LrsState {
  settings: LrsSettings | null;
  /** The stored settings could not be read (damaged, or of a newer version): the reason. */
  settingsProblem: string | null;
  loaded: boolean;
  /** This browser's anonymous account name, for trainees who gave no name. */
  installation: string | null;
  pulling: { statements: number } | null;
  lastPull: PullResult | null;
  load(): Promise<void>;
  /** Saves (or, with null, forgets) the settings; true when stored. */
  save(settings: LrsSettings | null): Promise<boolean>;
  check(settings: LrsSettings): Promise<SendOutcome>;
  pull(options: { since?: string; until?: string; cohortId: string | null }): Promise<PullResult>;
}

let db: Promise<LmsDatabase> | null = null;
const database = () => {
  db ??= openLmsDb();
  db.catch(() => (db = null));
  return db;
};

/** cmi5 launches of this tab: how to reach their LRS (the token is the launch's, kept in memory only). */
const launches = new Map<string, LrsAccess>();
/** Registers the LRS of a cmi5 launch, for its queued statements. */
export function registerLaunch(destination: Destination, access: LrsAccess) {
  launches.set(destinationKey(destination), access);
}

const settingsAccess = (s: LrsSettings): LrsAccess => ({ endpoint: s.endpoint, auth: basicAuth(s.username, s.password) });

/** The app's statement queue. */
export const statementQueue: StatementQueue = createStatementQueue({
  open: database,
  async send(destination, statements) {
    const access = destination.kind === 'settings' ? (lrsStore.getState().settings ? settingsAccess(lrsStore.getState().settings!) : null) : (launches.get(destinationKey(destination)) ?? null);
    return access ? sendStatements(access, statements) : null;
  },
});

/** The xAPI agent of a trainee: an account at the lead's home page, named as in the app. */
export function traineeAgent(settings: Pick<LrsSettings, 'homePage'>, trainee: string, installation: string): Agent {
  const name = trainee.trim();
  return name
    ? { objectType: 'Agent', name, account: { homePage: settings.homePage, name } }
    : { objectType: 'Agent', account: { homePage: settings.homePage, name: `browser-${installation}` } };
}

/** The sources of the scenarios the statements name, by content hash: the library's, else those kept with attempts. */
async function sourcesFor(statements: readonly Statement[]) {
  const hashes = new Set<string>();
  for (const s of statements) {
    const scenario = s.context?.extensions?.[CONTEXT.scenario] as { hash?: unknown } | undefined;
    if (typeof scenario?.hash === 'string') hashes.add(scenario.hash);
  }
  const sources = new Map<string, { file: string; source: string }>();
  for (const hash of hashes) {
    const entry = bundledScenarios().find((e) => e.meta?.hash === hash);
    try {
      const found = entry ? await loadScenarioSource(entry.file) : await attemptsStore.getState().source(hash);
      if (found) sources.set(hash, { file: found.file, source: found.source });
    } catch {
      // not available here: the attempt is reported as of an unknown scenario
    }
  }
  return sources;
}

export const lrsStore = createStore<LrsState>()((set, get) => ({
  settings: null,
  settingsProblem: null,
  loaded: false,
  installation: null,
  pulling: null,
  lastPull: null,
  async load() {
    try {
      const d = await database();
      const [raw, installation] = await Promise.all([d.get('settings', 'lrs'), d.get('settings', 'installation')]);
      let id = typeof installation === 'string' ? installation : null;
      if (!id) {
        id = randomId().slice(0, 8);
        await d.put('settings', id, 'installation');
      }
      if (raw === undefined) set({ settings: null, settingsProblem: null, installation: id, loaded: true });
      else {
        const checked = checkLrsSettings(raw);
        set(checked.ok ? { settings: checked.settings, settingsProblem: null, installation: id, loaded: true } : { settings: null, settingsProblem: checked.problem.issue, installation: id, loaded: true });
      }
    } catch {
      set({ loaded: true, installation: get().installation ?? randomId().slice(0, 8) });
    }
  },
  async save(settings) {
    try {
      const d = await database();
      if (settings) await d.put('settings', { ...settings, format: LRS_SETTINGS_FORMAT, version: LRS_SETTINGS_VERSION }, 'lrs');
      else await d.delete('settings', 'lrs');
      set({ settings, settingsProblem: null });
      statementQueue.resume();
      return true;
    } catch {
      return false;
    }
  },
  check: (settings) => checkAccess(settingsAccess(settings), PROFILE),
  async pull({ since, until, cohortId }) {
    const settings = get().settings;
    if (!settings) return { ok: false, error: { kind: 'unauthorized', status: 0, message: 'no LRS' } };
    set({ pulling: { statements: 0 }, lastPull: null });
    try {
      let fetched;
      try {
        fetched = await fetchStatements(settingsAccess(settings), { activity: PROFILE, since, until, max: MAX_PULLED_STATEMENTS }, (n) => set({ pulling: { statements: n } }));
      } catch (e) {
        const result: PullResult = { ok: false, error: classify(e) };
        set({ lastPull: result });
        return result;
      }
      const sources = await sourcesFor(fetched.statements);
      const now = Date.now();
      const attempts = attemptsFromStatements(fetched.statements, (hash) => sources.get(hash) ?? null, now);
      const encoder = new TextEncoder();
      const files = attempts.flatMap((a) => (a.ok ? [fromBytes(`LRS ${a.trainee || 'anonymous'} ${a.attemptId.slice(0, 8)}.json`, encoder.encode(JSON.stringify(a.file)))] : []));
      const outcomes = files.length ? await reviewStore().getState().importFiles(files, cohortId) : [];
      const result: PullResult = { ok: true, statements: fetched.statements.length, truncated: fetched.truncated, attempts, outcomes };
      set({ lastPull: result });
      return result;
    } finally {
      set({ pulling: null });
    }
  },
}));

/** Reads the LRS state in a component. */
export function useLrs<T>(selector: (state: LrsState) => T): T {
  return useStore(lrsStore, selector);
}

/** Reads the statement queue's state in a component. */
export function useStatementQueue<T>(selector: (state: ReturnType<typeof statementQueue.store.getState>) => T): T {
  return useStore(statementQueue.store, selector);
}
