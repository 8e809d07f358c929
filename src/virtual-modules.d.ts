declare module 'virtual:scenario-library' {
  const entries: import('./state/scenario-library').LibraryEntry[];
  export default entries;
}
