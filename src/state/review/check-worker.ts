/**
 * A worker that checks attempt files (read, verify by replaying, analyse), so a large import uses
 * every core and leaves the page responsive. It gets browser Files and gives back `CheckedFile`s.
 */
import '../no-eval';
import { compileScenario } from '../../domain/compiler/compile';
import { memoizeCompile } from '../../domain/attempts/verify-attempt-file';
import { checkFiles, fromBrowserFile, type CheckedFile } from './import-files';

export type CheckRequest = { files: File[]; now: number };
export type CheckReply = { type: 'progress'; done: number } | { type: 'done'; results: CheckedFile[] };

// The worker's global scope, typed by what is used (the app's types are the DOM's, not the worker's).
const scope = self as unknown as { postMessage(message: CheckReply): void; onmessage: ((e: MessageEvent<CheckRequest>) => void) | null };
const compile = memoizeCompile(compileScenario);

scope.onmessage = async ({ data }) => {
  const results = await checkFiles(data.files.map(fromBrowserFile), compile, data.now, (done) => scope.postMessage({ type: 'progress', done }));
  scope.postMessage({ type: 'done', results });
};
