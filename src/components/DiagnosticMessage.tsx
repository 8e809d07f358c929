import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../domain/diagnostics/diagnostic';
import { diagnosticMessageKey } from '../domain/diagnostics/message-key';

/**
 * A scenario diagnostic in the reader's language: the template of its code and variant
 * (`diagnostics.json`, a section loaded with the screen that shows diagnostics) filled with its
 * arguments. Ids, keys and document paths stay as the author wrote them.
 */
export function DiagnosticMessage({ diagnostic }: { diagnostic: Diagnostic }) {
  const { t } = useTranslation();
  const { key, args } = diagnosticMessageKey(diagnostic);
  return <span className="diagnostic-message">{t(key, args as Record<string, unknown>) as string}</span>;
}
