declare module 'virtual:scenario-library' {
  const entries: import('./state/scenario-library').LibraryEntry[];
  export default entries;
  export const loaders: Record<string, () => Promise<{ default: import('./state/scenario-library').LoadedScenario }>>;
}
