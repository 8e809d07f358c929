/**
 * Reading a scenario file a trainer imports: checked before anything is stored. The name must end
 * in .yaml or .yml, the size is checked before the bytes are read, and the text must be UTF-8. What
 * it says is the compiler's business: a file that does not compile is still kept, as a draft.
 */
/** The largest scenario file read: the compiler's MAX_SOURCE_BYTES (not imported: this module is on the first screen, the compiler is not). */
export const MAX_SCENARIO_FILE_BYTES = 2 * 1024 * 1024;

export type ScenarioFileProblem =
  | { problem: 'not-yaml'; file: string }
  | { problem: 'too-large'; file: string; size: number; limit: number }
  | { problem: 'empty'; file: string }
  | { problem: 'not-utf8'; file: string };

export const SCENARIO_FILE_PATTERN = /\.ya?ml$/i;
/** What the file input accepts. */
export const SCENARIO_FILE_ACCEPT = '.yaml,.yml';

/** A problem with a file's name or size, before it is read; null when it may be read. */
export function scenarioFileProblem(name: string, size: number): ScenarioFileProblem | null {
  if (!SCENARIO_FILE_PATTERN.test(name)) return { problem: 'not-yaml', file: name };
  if (size > MAX_SCENARIO_FILE_BYTES) return { problem: 'too-large', file: name, size, limit: MAX_SCENARIO_FILE_BYTES };
  if (size === 0) return { problem: 'empty', file: name };
  return null;
}

/** The text of a scenario file's bytes (a byte-order mark dropped), or why not. */
export function decodeScenarioFile(name: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: ScenarioFileProblem } {
  const early = scenarioFileProblem(name, bytes.byteLength);
  if (early) return { ok: false, problem: early };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (!text.trim()) return { ok: false, problem: { problem: 'empty', file: name } };
    return { ok: true, text };
  } catch {
    return { ok: false, problem: { problem: 'not-utf8', file: name } };
  }
}
