/**
 * How the UI translates a diagnostic: the message key of its code and variant, and the arguments
 * the template interpolates (the diagnostic's own). Locale files hold one template per key in
 * `diagnostics.json` (`diagnostics.SC012`, `diagnostics.SC012_suggestion`, …).
 */
import { DIAGNOSTIC_CODES, messageKeySuffix, messageKeySuffixes, type DiagnosticCode } from './codes';
import type { Diagnostic } from './diagnostic';

/** The i18next section of the templates. */
export const DIAGNOSTICS_SECTION = 'diagnostics';

const keyOf = (code: DiagnosticCode, suffix: string) => `${DIAGNOSTICS_SECTION}.${code}${suffix ? `_${suffix}` : ''}`;

/** A template's arguments: the diagnostic's, with lists as arrays (for i18next's list format). */
export type MessageArgs = Record<string, string | number | string[]>;

/** Arguments that hold a list as `a, b, c`. */
const LIST_ARGS: Partial<Record<DiagnosticCode, string>> = { SC027: 'keys' };

/**
 * The message key and arguments for `d`, e.g. `{ key: 'diagnostics.SC012_suggestion', args: { id,
 * where, suggestion } }`. A diagnostic whose variant has no template (one made by other code)
 * falls back to `diagnostics.untranslated`, which shows its English message.
 */
export function diagnosticMessageKey(d: Pick<Diagnostic, 'code' | 'args' | 'message'>): { key: string; args: MessageArgs } {
  const code = Object.hasOwn(DIAGNOSTIC_CODES, d.code) ? d.code : undefined;
  const suffix = code && messageKeySuffix(code, d.args);
  if (!code || suffix === undefined || !messageKeySuffixes(code).includes(suffix)) return { key: `${DIAGNOSTICS_SECTION}.untranslated`, args: { message: d.message } };
  const list = LIST_ARGS[code];
  const args: MessageArgs = { ...d.args };
  if (list && typeof d.args[list] === 'string') args[list] = String(d.args[list]).split(', ');
  return { key: keyOf(code, suffix), args };
}

/** Every message key a diagnostic can have: what each locale must translate. */
export function allDiagnosticMessageKeys(): string[] {
  return [...(Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).flatMap((code) => messageKeySuffixes(code).map((suffix) => keyOf(code, suffix))), `${DIAGNOSTICS_SECTION}.untranslated`];
}
