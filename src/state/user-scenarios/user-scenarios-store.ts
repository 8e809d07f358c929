/**
 * The trainer's own scenarios as the UI sees them: the list, each one's save state, and the
 * operations (new from the template, import files, duplicate a bundled one, edit with autosave,
 * restore a version, delete). Every edit is kept in memory at once and stored after a short pause;
 * a storage failure is shown with its reason and the text stays here (and is offered again with the
 * next save), and `unsaved()` says when closing the tab would lose something.
 * A vanilla zustand store, so tests and non-React code use it directly; `useUserScenarios` binds it to React.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Locale } from '../../domain/text/localized-text';
import type { ScenarioFileProblem } from '../../domain/user-scenarios/scenario-file';
import type { UserScenario, UserScenarioOrigin } from '../../domain/user-scenarios/user-scenario';
import type { StorageError } from '../attempts/attempts-db';
import { randomId } from '../random-id';
import { compileSource, type CompiledSource } from './scenario-compiler';
import { createUserScenarioRepository, type CorruptUserScenario, type UserScenarioRepository } from './user-scenarios-repository';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; error: StorageError };

/** A file to import: its size is checked before its bytes are read. */
export interface IncomingScenarioFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export const fromBrowserFile = (f: File): IncomingScenarioFile => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) });

export type ImportOutcome =
  | { file: string; status: 'imported'; key: string; draft: boolean; storageError: StorageError | null }
  | { file: string; status: 'refused'; problem: ScenarioFileProblem };

export interface UserScenariosState {
  records: UserScenario[];
  corrupt: CorruptUserScenario[];
  loaded: boolean;
  /** The last storage failure of a read or a delete. */
  storageError: StorageError | null;
  /** Where each scenario's text is; a key not listed is saved. */
  saves: Record<string, SaveState>;
  /** Texts typed and not stored yet, by key (what the editor shows; `records` hold what is stored). */
  texts: Record<string, string>;
  load(): Promise<void>;
  /** A new scenario from the template (in the trainer's language); its key. */
  create(locale: Locale): Promise<string>;
  importFiles(files: readonly IncomingScenarioFile[]): Promise<ImportOutcome[]>;
  /** A copy of a bundled scenario's source, under a new id; its key. */
  duplicate(source: { source: string; id: string; file: string }): Promise<string>;
  /** Keeps the new text at once and stores it after a pause (`flush` stores it now). */
  edit(key: string, source: string): void;
  /** Stores every pending edit now; resolves when they are stored (or failed). */
  flush(): Promise<void>;
  /** Stores the scenario again (after a failure). */
  retry(key: string): Promise<void>;
  restore(key: string, savedAt: number): Promise<void>;
  remove(key: string): Promise<void>;
  /** Whether some text is not stored yet (pending or refused by storage). */
  unsaved(): boolean;
}

export type UserScenariosStore = StoreApi<UserScenariosState>;

export interface UserScenariosOptions {
  repository?: UserScenarioRepository;
  compile?: (source: string, file: string) => Promise<CompiledSource>;
  now?: () => number;
  newKey?: () => string;
  /** The pause after the last keystroke before an edit is stored. */
  debounceMs?: number;
}

const domain = () => Promise.all([import('../../domain/user-scenarios/user-scenario'), import('../../domain/scenario/model'), import('../../domain/user-scenarios/scenario-file')]).then(([u, m, f]) => ({ ...u, ...m, ...f }));

/** `base`, or `base-2`, `base-3`… the first that is not in `taken`. */
function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function createUserScenariosStore({
  repository = createUserScenarioRepository(),
  compile = compileSource,
  now = Date.now,
  newKey = randomId,
  debounceMs = 600,
}: UserScenariosOptions = {}): UserScenariosStore {
  return createStore<UserScenariosState>()((set, get) => {
    /** Texts typed and not yet stored, by key (mirrored in the state's `texts`). */
    const pending = new Map<string, string>();
    const syncTexts = () => set({ texts: Object.fromEntries(pending) });
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    // Writes go one after another, so an older text never lands after a newer one.
    let queue: Promise<unknown> = Promise.resolve();
    const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
      const run = queue.then(work, work);
      queue = run.catch(() => undefined);
      return run;
    };

    const setSave = (key: string, state: SaveState | null) =>
      set((s) => {
        const saves = { ...s.saves };
        if (state && state.status !== 'saved') saves[key] = state;
        else delete saves[key];
        return { saves };
      });

    const upsert = (record: UserScenario) =>
      set((s) => ({ records: [record, ...s.records.filter((r) => r.key !== record.key)].sort((a, b) => b.updatedAt - a.updatedAt || a.key.localeCompare(b.key)) }));

    async function store(record: UserScenario): Promise<StorageError | null> {
      upsert(record); // shown (and kept) at once, whatever storage says
      const result = await repository.put(record);
      if (result.status === 'invalid') throw new Error(`user scenario refused: ${result.error.key} at ${result.error.path}`); // a bug of ours
      upsert(result.record);
      const error = result.status === 'memory-only' ? result.error : null;
      setSave(record.key, error ? { status: 'failed', error } : null);
      return error;
    }

    async function compiled(source: string, file: string) {
      const [d, result] = await Promise.all([domain(), compile(source, file)]);
      return { hash: result.hash, compiled: { meta: result.model ? d.scenarioMeta(result.model) : null, diagnostics: result.diagnostics } };
    }

    async function add(source: string, fileName: string, origin: UserScenarioOrigin): Promise<{ key: string; draft: boolean; storageError: StorageError | null }> {
      const d = await domain();
      const c = await compiled(source, fileName);
      const key = newKey();
      const record = d.newUserScenario({ key, fileName, source, origin, now: now(), ...c });
      const storageError = await enqueue(() => store(record));
      return { key, draft: record.meta === null, storageError };
    }

    function persist(key: string): Promise<void> {
      const timer = timers.get(key);
      if (timer) clearTimeout(timer);
      timers.delete(key);
      return enqueue(async () => {
        const text = pending.get(key);
        const current = get().records.find((r) => r.key === key);
        if (text === undefined || !current) return;
        const d = await domain();
        const c = await compiled(text, current.fileName);
        const latest = get().records.find((r) => r.key === key) ?? current;
        await store(d.withSource(latest, { source: text, ...c, now: now() }));
        if (pending.get(key) === text) {
          pending.delete(key);
          syncTexts();
        } else setSave(key, { status: 'saving' }); // typed on meanwhile: its own save follows
      });
    }

    const taken = () => new Set(get().records.flatMap((r) => (r.meta ? [r.meta.id] : [])));

    return {
      records: [],
      corrupt: [],
      loaded: false,
      storageError: null,
      saves: {},
      texts: {},

      async load() {
        const list = await repository.list();
        // Texts being typed stay as they are here.
        const records = list.records.map((r) => get().records.find((mine) => mine.key === r.key && pending.has(r.key)) ?? r);
        set({ records, corrupt: list.corrupt, loaded: true, storageError: list.storageError });
      },

      async create(locale) {
        const { scenarioTemplate } = await import('../../domain/scenario/template');
        const id = freeId('my-scenario', taken());
        return (await add(scenarioTemplate(id, locale), `${id}.yaml`, 'template')).key;
      },

      async importFiles(files) {
        const d = await domain();
        const out: ImportOutcome[] = [];
        for (const f of files) {
          const early = d.scenarioFileProblem(f.name, f.size);
          if (early) {
            out.push({ file: f.name, status: 'refused', problem: early });
            continue;
          }
          const read = d.decodeScenarioFile(f.name, await f.bytes());
          if (!read.ok) {
            out.push({ file: f.name, status: 'refused', problem: read.problem });
            continue;
          }
          out.push({ file: f.name, status: 'imported', ...(await add(read.text, f.name.split(/[\\/]/).pop()!, 'file')) });
        }
        return out;
      },

      async duplicate({ source, id }) {
        const d = await domain();
        const copy = freeId(`${id}-copy`, taken());
        return (await add(d.withScenarioId(source, copy), `${copy}.yaml`, 'bundled')).key;
      },

      edit(key, source) {
        pending.set(key, source);
        syncTexts();
        setSave(key, { status: 'saving' });
        const timer = timers.get(key);
        if (timer) clearTimeout(timer);
        timers.set(key, setTimeout(() => void persist(key), debounceMs));
      },

      async flush() {
        await Promise.all([...pending.keys()].map((key) => persist(key)));
        await queue;
      },

      async retry(key) {
        const record = get().records.find((r) => r.key === key);
        if (pending.has(key)) return persist(key);
        if (record) await enqueue(() => store(record));
      },

      async restore(key, savedAt) {
        await get().flush();
        await enqueue(async () => {
          const record = get().records.find((r) => r.key === key);
          const version = record?.versions.find((v) => v.savedAt === savedAt);
          if (!record || !version) return;
          const d = await domain();
          const c = await compiled(version.source, record.fileName);
          const restored = d.restoreVersion(record, savedAt, c.compiled, now());
          if (restored) await store(restored);
        });
      },

      async remove(key) {
        pending.delete(key);
        syncTexts();
        const timer = timers.get(key);
        if (timer) clearTimeout(timer);
        timers.delete(key);
        const { storageError } = await enqueue(() => repository.remove(key));
        set((s) => ({ records: s.records.filter((r) => r.key !== key), corrupt: s.corrupt.filter((c) => c.key !== key), storageError }));
        setSave(key, null);
      },

      unsaved: () => pending.size > 0 || Object.values(get().saves).some((s) => s.status !== 'saved'),
    };
  });
}

/** The app's store of the trainer's scenarios (over the app's database). */
export const userScenariosStore = createUserScenariosStore();

export function useUserScenarios<T>(selector: (s: UserScenariosState) => T): T {
  return useStore(userScenariosStore, selector);
}

/** While some text is not stored, closing or reloading the tab asks first (and tries to store it). Returns the cleanup. */
export function warnBeforeUnload(store: UserScenariosStore = userScenariosStore): () => void {
  const listener = (e: BeforeUnloadEvent) => {
    if (!store.getState().unsaved()) return;
    void store.getState().flush();
    e.preventDefault();
    e.returnValue = ''; // older browsers ask only when this is set
  };
  window.addEventListener('beforeunload', listener);
  return () => window.removeEventListener('beforeunload', listener);
}
