import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes';

/** One problem found in a scenario file: data, not an exception. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string;
  /** 1-based; 0 when the problem has no position (e.g. an empty file). */
  line: number;
  column: number;
  /** Where in the document, e.g. `stages.discovery.steps.open-question.options.1.next`. */
  path: string;
  args: Record<string, string | number>;
  /** English text for the CLI; the UI translates by `code` and `args`. */
  message: string;
}

export type DiagnosticArgs = Record<string, string | number>;

/** Builds a diagnostic with the registry's severity and message. */
export function makeDiagnostic(
  code: DiagnosticCode,
  at: { file: string; line: number; column: number; path: string },
  args: DiagnosticArgs = {},
): Diagnostic {
  const entry = DIAGNOSTIC_CODES[code];
  return { code, severity: entry.severity, ...at, args, message: entry.message(args) };
}

/** `path:line:column severity CODE message`, the CLI's line format. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by position, then code, so output is stable. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
