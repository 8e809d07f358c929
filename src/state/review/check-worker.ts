/**
 * A worker that checks attempt files (read, verify by replaying, analyse), so a large import uses
 * every core and leaves the page responsive. It gets the files' bytes in parts, as the page reads
 * them (`check-workers.ts`), and gives back each part's `CheckedFile`s.
 */
import '../no-eval';
import { compileScenario } from '../../domain/compiler/compile';
import { KnownSources } from '../../domain/attempts/known-sources';
import { memoizeCompile } from '../../domain/attempts/verify-attempt-file';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { LocalizedText } from '../../domain/text/localized-text';
import { checkFiles, fromBytes, type CheckedFile, type IncomingFile } from './import-files';

/** A file as the page read it: its bytes in pieces, or its size when that is over the limit, or that it could not be read. */
export type ReadFile = { name: string } & ({ chunks: Uint8Array[] } | { tooLarge: number } | { unreadable: true });
/** A part of an import: `files` are the import's files from index `start` on. */
export type CheckPart = { type: 'part'; importId: number; start: number; files: ReadFile[]; now: number };
/** The library's scenarios, compiled when the app was built: a file that embeds one's source needs no compiling. */
export type Prepare = { type: 'prepare'; library: { source: string; model: ScenarioModel }[] };
export type CheckRequest = CheckPart | Prepare;
/** A part checked: its results, in order. */
export type CheckReply = { importId: number; start: number; results: CheckedFile[] };

// The worker's global scope, typed by what is used (the app's types are the DOM's, not the worker's).
const scope = self as unknown as { postMessage(message: CheckReply): void; onmessage: ((e: MessageEvent<CheckRequest>) => void) | null };
/** The library's models by source text (exactly the text the app was built from). */
const prepared = new Map<string, ScenarioModel>();
const compile = memoizeCompile((source, file) => {
  const model = prepared.get(source);
  return model ? { model, diagnostics: [] } : compileScenario(source, file);
});

/** What the parts of one import share: the scenarios whose source was given, the sources seen. */
let session = { importId: -1, seen: new Set<string>(), known: new KnownSources() };
/** Parts are checked one after another, in the order they came. */
let queue = Promise.resolve();

/** The pieces of a file, put together. */
function joined(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

const incoming = (f: ReadFile): IncomingFile =>
  'chunks' in f ? fromBytes(f.name, joined(f.chunks)) : { name: f.name, size: 'tooLarge' in f ? f.tooLarge : 0, bytes: () => Promise.reject(new Error('unreadable')) };

/**
 * The part's results with equal lines made one object: the same customer line heard in many attempts
 * is then copied to the page once per part, not once per decision (the page only reads them).
 */
function shareLines(results: CheckedFile[]): CheckedFile[] {
  const lines = new Map<string, LocalizedText>();
  for (const r of results) {
    if (r.status !== 'ok') continue;
    for (const d of r.analysis.decisions) {
      if (!d.line) continue;
      const key = JSON.stringify(d.line.text);
      const same = lines.get(key);
      if (same) d.line.text = same;
      else lines.set(key, d.line.text);
    }
  }
  return results;
}

scope.onmessage = ({ data }) => {
  if (data.type === 'prepare') {
    for (const { source, model } of data.library) prepared.set(source, model);
    return;
  }
  queue = queue.then(async () => {
    if (data.importId !== session.importId) session = { importId: data.importId, seen: new Set(), known: new KnownSources() };
    const results = await checkFiles(data.files.map(incoming), compile, data.now, undefined, { inWorker: true, seen: session.seen, known: session.known });
    scope.postMessage({ importId: data.importId, start: data.start, results: shareLines(results) });
  });
};
