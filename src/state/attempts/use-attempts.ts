/**
 * The attempts library the UI shows: every saved attempt, the corrupt ones (to report and discard),
 * and the last storage failure (to tell the trainee their progress is only kept in this tab).
 * A vanilla zustand store, so tests and non-React code use it directly; `useAttempts` binds it to React.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { AttemptScore } from '../../domain/scoring/score';
import type { AttemptRecord, AttemptRecordError } from '../../domain/attempts/attempt-record';
import { finishedRecord } from '../../domain/attempts/new-attempt';
import type { ScenarioSource } from '../../domain/attempts/scenario-source';
import {
  createAttemptRepository,
  type AttemptRepository,
  type CorruptAttempt,
  type GetResult,
  type ImportResult,
  type SaveResult,
} from './attempts-repository';
import type { StorageError } from './attempts-db';

export interface AttemptsState {
  records: AttemptRecord[];
  corrupt: CorruptAttempt[];
  loaded: boolean;
  /** The last storage failure, until a later operation succeeds or it is dismissed. */
  storageError: StorageError | null;
  /** The last attempt refused because it was not valid (a bug of ours, reported rather than thrown). */
  invalid: AttemptRecordError | null;
  load(): Promise<void>;
  /** Saves an attempt in progress (its moves, free text and explain-backs so far). */
  saveProgress(record: AttemptRecord): Promise<SaveResult>;
  /** Saves a finished (or abandoned) attempt with its score. */
  finish(record: AttemptRecord, score: AttemptScore): Promise<SaveResult>;
  /** Saves an attempt as it is (e.g. with new coaching), keeping its status. */
  update(record: AttemptRecord): Promise<SaveResult>;
  /** Stores imported attempts (and coaching brought back to own ones) with their scenario sources, all or nothing. */
  importAll(records: readonly AttemptRecord[], sources: readonly ScenarioSource[]): Promise<ImportResult>;
  discard(id: string): Promise<void>;
  /** One attempt: from the loaded list, else from storage (it may be corrupt or missing). */
  find(id: string): Promise<GetResult>;
  /** Keeps a scenario's source beside the attempts played on it (once per content hash). */
  keepSource(source: ScenarioSource): Promise<void>;
  /** A scenario's source by content hash, or null. */
  source(hash: string): Promise<ScenarioSource | null>;
  dismissStorageError(): void;
  /** Resolves once every save sent so far has landed (or failed): before another tab takes over an attempt. */
  settled(): Promise<void>;
}

export type AttemptsStore = StoreApi<AttemptsState>;

export interface AttemptsStoreOptions {
  repository?: AttemptRepository;
  /** The clock for `updatedAt` (milliseconds since the epoch). */
  now?: () => number;
}

const byUpdatedDesc = (a: AttemptRecord, b: AttemptRecord) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);

/** A store over `repository` (by default IndexedDB). */
export function createAttemptsStore({ repository = createAttemptRepository(), now = Date.now }: AttemptsStoreOptions = {}): AttemptsStore {
  return createStore<AttemptsState>()((set, get) => {
    const inFlight = new Set<Promise<unknown>>();
    function save(record: AttemptRecord): Promise<SaveResult> {
      const saving = write(record);
      inFlight.add(saving);
      const done = () => inFlight.delete(saving);
      saving.then(done, done);
      return saving;
    }
    async function write(record: AttemptRecord): Promise<SaveResult> {
      const result = await repository.save({ ...record, updatedAt: Math.max(now(), record.createdAt) });
      if (result.status === 'invalid') {
        set({ invalid: result.error });
        return result;
      }
      const others = get().records.filter((r) => r.id !== result.record.id);
      set({
        records: [result.record, ...others].sort(byUpdatedDesc),
        corrupt: get().corrupt.filter((c) => c.id !== result.record.id),
        storageError: result.status === 'memory-only' ? result.error : null,
        invalid: null,
      });
      return result;
    }

    return {
      records: [],
      corrupt: [],
      loaded: false,
      storageError: null,
      invalid: null,
      async load() {
        const { records, corrupt, storageError } = await repository.list();
        set({ records, corrupt, storageError, loaded: true });
      },
      saveProgress: (record) => save({ ...record, status: 'in-progress' }),
      update: (record) => save(record),
      async importAll(records, sources) {
        // Imported attempts keep their own times; the importer stamps what it changed.
        const stamped = [...records];
        const result = await repository.importAll(stamped, sources);
        if (result.status === 'stored') {
          const ids = new Set(stamped.map((r) => r.id));
          set({ records: [...stamped, ...get().records.filter((r) => !ids.has(r.id))].sort(byUpdatedDesc), corrupt: get().corrupt.filter((c) => !ids.has(c.id)) });
        } else if (result.status === 'failed') set({ storageError: result.error });
        return result;
      },
      finish: (record, score) => save(finishedRecord(record, score)),
      async discard(id) {
        const { storageError } = await repository.discard(id);
        set({
          records: get().records.filter((r) => r.id !== id),
          corrupt: get().corrupt.filter((c) => c.id !== id),
          storageError,
        });
      },
      async find(id) {
        const known = get().records.find((r) => r.id === id);
        return known ? { status: 'found', record: known, storageError: null } : repository.get(id);
      },
      async keepSource(source) {
        if (await repository.getSource(source.hash)) return;
        const { storageError } = await repository.saveSource(source);
        if (storageError) set({ storageError });
      },
      source: (hash) => repository.getSource(hash),
      dismissStorageError: () => set({ storageError: null }),
      settled: () => Promise.allSettled([...inFlight]).then(() => undefined),
    };
  });
}

/** The app's database repository, shared by the attempts library and the review (cohorts). Opens on first use. */
export const appRepository = createAttemptRepository();
/** The app's attempts library. */
export const attemptsStore = createAttemptsStore({ repository: appRepository });

/** Reads the attempts library in a component. */
export function useAttempts<T>(selector: (state: AttemptsState) => T): T {
  return useStore(attemptsStore, selector);
}

export type ResumeInfo =
  | { kind: 'continue' }
  | { kind: 'finished' }
  | { kind: 'other-scenario' }
  | { kind: 'scenario-changed'; saved: { version: string; hash: string }; current: { version: string; hash: string } };

/**
 * Whether `record` can be continued with `model`: only when the scenario's content hash is the same,
 * since the event log replays exactly only against the scenario it was played on.
 */
export function resumeInfo(record: AttemptRecord, model: ScenarioModel): ResumeInfo {
  if (record.scenario.id !== model.id) return { kind: 'other-scenario' };
  if (record.scenario.hash !== model.hash) {
    return {
      kind: 'scenario-changed',
      saved: { version: record.scenario.version, hash: record.scenario.hash },
      current: { version: model.version, hash: model.hash },
    };
  }
  return record.status === 'in-progress' ? { kind: 'continue' } : { kind: 'finished' };
}
