/// <reference types="vite-plugin-pwa/vanillajs" />
declare module 'virtual:scenario-library' {
  const entries: import('./state/scenario-library').LibraryEntry[];
  export default entries;
  export const loaders: Record<string, () => Promise<{ default: import('./state/scenario-library').LoadedScenario }>>;
  /** One loader per playable scenario of its source (`virtual:scenario-source/<file>`). */
  export const sourceLoaders: Record<string, () => Promise<{ default: ScenarioSource }>>;

  /** A scenario's YAML text as bundled, with the id, version and content hash of its model. */
  export interface ScenarioSource {
    /** The file, relative to the project (`scenarios/<name>.yaml`), as in the library entries. */
    file: string;
    id: string;
    version: string;
    /** The model's content hash of `source`: the hash saved attempts record. */
    hash: string;
    source: string;
  }
}

declare module 'virtual:scenario-source/*' {
  /** Null when the file does not compile (the library offers no loader for it then). */
  const source: import('virtual:scenario-library').ScenarioSource | null;
  export default source;
}
