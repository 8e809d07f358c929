/**
 * Where a diagnostic sits in the text, and its "did you mean" as an edit: the misspelt key, id or
 * value at the diagnostic's line:column replaced by the suggestion. Pure (offsets within a line).
 */
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';

export interface LineEdit {
  /** 0-based offsets within the line. */
  from: number;
  to: number;
  insert: string;
}

const WORD = /[^\s:,[\]{}"'#]+/y;

/** The word the diagnostic points at: from its column to the end of the token (a quote skipped). */
export function spanAt(lineText: string, column: number): { from: number; to: number } {
  let from = Math.max(0, Math.min(lineText.length, column - 1));
  if (lineText[from] === '"' || lineText[from] === "'") from++;
  WORD.lastIndex = from;
  const m = WORD.exec(lineText);
  return { from, to: m ? from + m[0].length : Math.min(lineText.length, from + 1) };
}

/** The wrong word a suggestion replaces. */
function wrongWord(d: Pick<Diagnostic, 'args'>): string | undefined {
  for (const k of ['key', 'id', 'value'] as const) if (typeof d.args[k] === 'string' && d.args[k]) return d.args[k] as string;
  return undefined;
}

/** The edit that applies the diagnostic's suggestion, when it has one and its word is found on the line. */
export function suggestionEdit(lineText: string, d: Pick<Diagnostic, 'args' | 'column'>): LineEdit | null {
  const suggestion = d.args.suggestion;
  const wrong = wrongWord(d);
  if (typeof suggestion !== 'string' || !suggestion || !wrong) return null;
  const isWord = (at: number) => {
    const before = lineText[at - 1];
    const after = lineText[at + wrong.length];
    return (before === undefined || !/[A-Za-z0-9_-]/.test(before)) && (after === undefined || !/[A-Za-z0-9_-]/.test(after));
  };
  const { from } = spanAt(lineText, d.column);
  if (lineText.startsWith(wrong, from) && isWord(from)) return { from, to: from + wrong.length, insert: suggestion };
  // Otherwise the occurrence of the word nearest the column.
  let best: number | null = null;
  for (let i = lineText.indexOf(wrong); i >= 0; i = lineText.indexOf(wrong, i + 1)) {
    if (isWord(i) && (best === null || Math.abs(i - from) < Math.abs(best - from))) best = i;
  }
  return best === null ? null : { from: best, to: best + wrong.length, insert: suggestion };
}
