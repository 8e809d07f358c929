import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../domain/diagnostics/diagnostic';
import { DiagnosticMessage } from '../../components/DiagnosticMessage';
import { guideHref } from './guide/guide-link';

interface Props {
  diagnostics: readonly Diagnostic[];
  /** Whether the list is for the text as it is now (false while a check runs). */
  current: boolean;
  revision: number;
  fixable(d: Diagnostic): boolean;
  onGo(d: Diagnostic): void;
  onFix(d: Diagnostic): void;
}

/**
 * Every problem of the file, in order: its code (a link to its entry in the guide), a button that
 * moves the editor to its place, the message, and its fix beside it.
 */
export function DiagnosticsList({ diagnostics, current, revision, fixable, onGo, onFix }: Props) {
  const { t } = useTranslation();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="workbench-diagnostics" aria-labelledby="workbench-diagnostics-title" data-testid="diagnostics" data-revision={revision} aria-busy={!current}>
      <h4 id="workbench-diagnostics-title">
        {t('workbench.diagnostics.title')}{' '}
        <span className="workbench-count">{t('workbench.diagnostics.count', { errors, warnings: diagnostics.length - errors })}</span>
      </h4>
      {diagnostics.length === 0 ? (
        <p className="workbench-clean">{t('workbench.diagnostics.none')}</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${d.line}-${d.column}-${i}`} className={`workbench-diagnostic workbench-diagnostic-${d.severity}`}>
              <span className="workbench-severity">{t(`workbench.severity.${d.severity}`)}</span>{' '}
              <a className="workbench-code" href={guideHref(d.code)} aria-label={t('workbench.diagnostics.explain', { code: d.code })}>
                <code>{d.code}</code>
              </a>{' '}
              <button type="button" className="workbench-diagnostic-go" onClick={() => onGo(d)} aria-label={t('workbench.diagnostics.go', { line: d.line, column: d.column })}>
                <span className="workbench-at">
                  {d.line}:{d.column}
                </span>
              </button>{' '}
              <DiagnosticMessage diagnostic={d} />
              {fixable(d) && (
                <>
                  {' '}
                  <button type="button" className="workbench-fix" onClick={() => onFix(d)}>
                    {t('workbench.fix', { suggestion: d.args.suggestion })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
