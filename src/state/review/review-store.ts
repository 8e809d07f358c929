/**
 * The cohort lead's side of the app: cohorts (named groups of imported attempts), importing attempt
 * files, and each imported attempt's analysis for the dashboard. A vanilla zustand store (tests use it
 * directly); `useReview` binds it to React. The attempts themselves live in the attempts store.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { analyzeAttempt, type AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import { appRepository, attemptsStore, type AttemptsStore } from '../attempts/use-attempts';
import type { AttemptRepository } from '../attempts/attempts-repository';
import type { StorageError } from '../attempts/attempts-db';
import { newCohort, withMembers, type CohortRecord } from '../../domain/cohort/cohort-record';
import type { Exemplar } from '../../domain/explorer/exemplar';
import { checkInWorkers } from './check-workers';
import { checkFiles, planImport, type ImportOutcome, type IncomingFile } from './import-files';
import { libraryHas, loadCompiler, resolveScenario } from './scenario-models';
import { randomId } from '../random-id';

export interface ReviewState {
  cohorts: CohortRecord[];
  /** Ids of stored cohorts that could not be read. */
  corruptCohorts: string[];
  loaded: boolean;
  importing: { done: number; total: number } | null;
  /** The outcome of the last import, file by file, until dismissed. */
  lastImport: ImportOutcome[] | null;
  /** A storage failure of the last import or cohort change: nothing of it was stored. */
  storageError: StorageError | null;
  /** Analyses of imported attempts by attempt id (`updatedAt` tells whether one is stale). */
  analyses: Record<string, AttemptAnalysis & { analysedAt: number }>;
  /** Imported attempts whose scenario cannot be found (no library version, no saved source). */
  unanalysable: string[];
  analysing: boolean;
  load(): Promise<void>;
  createCohort(name: string): Promise<CohortRecord | null>;
  renameCohort(id: string, name: string): Promise<void>;
  deleteCohort(id: string): Promise<void>;
  /** Adds (or removes) attempts to a cohort. */
  setMembers(cohortId: string, attemptIds: readonly string[], add: boolean): Promise<void>;
  /** Checks and imports files; stores every good one (all in one transaction) and adds them to `cohortId`. */
  importFiles(files: readonly IncomingFile[], cohortId: string | null): Promise<ImportOutcome[]>;
  /** Analyses the imported attempts that have no (or a stale) analysis. */
  analyse(records: readonly AttemptRecord[]): Promise<void>;
  /** Removes imported attempts from this browser and from every cohort. */
  removeAttempts(ids: readonly string[]): Promise<void>;
  dismissImport(): void;
}

export type ReviewStore = StoreApi<ReviewState>;

export interface ReviewStoreOptions {
  attempts?: AttemptsStore;
  repository: AttemptRepository;
  now?: () => number;
  newId?: () => string;
}

/** Yields to the browser now and then during long work. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createReviewStore({ attempts = attemptsStore, repository, now = Date.now, newId = randomId }: ReviewStoreOptions): ReviewStore {
  return createStore<ReviewState>()((set, get) => {
    const putCohort = async (cohort: CohortRecord) => {
      const { storageError } = await repository.saveCohort(cohort);
      if (storageError) {
        set({ storageError });
        return false;
      }
      set({ cohorts: [...get().cohorts.filter((c) => c.id !== cohort.id), cohort].sort((a, b) => a.createdAt - b.createdAt), storageError: null });
      return true;
    };

    return {
      cohorts: [],
      corruptCohorts: [],
      loaded: false,
      importing: null,
      lastImport: null,
      storageError: null,
      analyses: {},
      unanalysable: [],
      analysing: false,

      async load() {
        const { cohorts, corrupt, storageError } = await repository.listCohorts();
        set({ cohorts, corruptCohorts: corrupt, storageError, loaded: true });
      },

      async createCohort(name) {
        const cohort = newCohort(newId(), name, now());
        return (await putCohort(cohort)) ? cohort : null;
      },

      async renameCohort(id, name) {
        const cohort = get().cohorts.find((c) => c.id === id);
        if (cohort && name.trim()) await putCohort({ ...cohort, name: name.trim() });
      },

      async deleteCohort(id) {
        const { storageError } = await repository.deleteCohort(id);
        set({ cohorts: get().cohorts.filter((c) => c.id !== id), corruptCohorts: get().corruptCohorts.filter((c) => c !== id), storageError });
      },

      async setMembers(cohortId, ids, add) {
        const cohort = get().cohorts.find((c) => c.id === cohortId);
        if (cohort) await putCohort(withMembers(cohort, ids, add));
      },

      async importFiles(files, cohortId) {
        set({ importing: { done: 0, total: files.length }, lastImport: null, storageError: null });
        try {
          const progress = (done: number) => set({ importing: { done, total: files.length } });
          const at = now();
          const browserFiles = files.map((f) => f.file);
          const checked =
            (browserFiles.every((f): f is File => f !== undefined) && (await checkInWorkers(browserFiles, at, progress))) ||
            (await checkFiles(files, await loadCompiler(), at, progress));
          const exemplars = new Map<string, Exemplar | null>();
          for (const c of checked) {
            const hash = c.status === 'ok' ? c.record.scenario.hash : null;
            if (hash && !exemplars.has(hash)) exemplars.set(hash, libraryHas(hash) ? ((await resolveScenario(hash, repository.getSource))?.exemplar ?? null) : null);
          }
          const plan = planImport(checked, attempts.getState().records, at, (hash) => exemplars.get(hash) ?? null);
          let outcomes = plan.outcomes;
          if (plan.records.length) {
            const stored = await attempts.getState().importAll(plan.records, plan.sources);
            if (stored.status !== 'stored') {
              // Nothing was stored: every file that would have been says so.
              if (stored.status === 'failed') set({ storageError: stored.error });
              outcomes = outcomes.map((o) => (o.status === 'imported' || o.status === 'updated' || o.status === 'feedback' ? { file: o.file, status: 'not-stored' } : o));
            } else {
              const analyses = { ...get().analyses };
              for (const [id, a] of plan.analyses) analyses[id] = { ...a, analysedAt: a.updatedAt };
              set({ analyses });
              const imported = outcomes.flatMap((o) => (o.status === 'imported' || o.status === 'updated' ? [o.attemptId] : []));
              if (cohortId && imported.length) await get().setMembers(cohortId, imported, true);
            }
          }
          set({ lastImport: outcomes });
          return outcomes;
        } finally {
          set({ importing: null });
        }
      },

      async analyse(records) {
        const todo = records.filter((r) => r.imported && get().analyses[r.id]?.analysedAt !== r.updatedAt);
        if (!todo.length || get().analysing) return;
        set({ analysing: true });
        try {
          const analyses = { ...get().analyses };
          const missing: string[] = [];
          let lastPause = Date.now();
          for (const r of todo) {
            if (Date.now() - lastPause > 50) {
              await pause();
              lastPause = Date.now();
            }
            const scenario = await resolveScenario(r.scenario.hash, repository.getSource);
            if (!scenario) {
              missing.push(r.id);
              continue;
            }
            analyses[r.id] = { ...analyzeAttempt(scenario.model, r, scenario.exemplar), analysedAt: r.updatedAt };
          }
          set({ analyses, unanalysable: missing });
        } finally {
          set({ analysing: false });
        }
      },

      async removeAttempts(ids) {
        for (const id of ids) await attempts.getState().discard(id);
        const analyses = { ...get().analyses };
        for (const id of ids) delete analyses[id];
        set({ analyses });
        for (const c of get().cohorts) if (c.attemptIds.some((id) => ids.includes(id))) await putCohort(withMembers(c, ids, false));
      },

      dismissImport: () => set({ lastImport: null }),
    };
  });
}

let appStore: ReviewStore | null = null;
/** The app's review store, over the attempts store's database. */
export function reviewStore(): ReviewStore {
  appStore ??= createReviewStore({ repository: appRepository });
  return appStore;
}

/** Reads the review state in a component. */
export function useReview<T>(selector: (state: ReviewState) => T): T {
  return useStore(reviewStore(), selector);
}
