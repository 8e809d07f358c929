import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../state/scenario-library';
import { DiagnosticMessage } from '../../components/DiagnosticMessage';
import { ScenarioText } from '../../components/ScenarioText';
import { pickText, type Locale, type LocalizedText } from '../../domain/text/localized-text';
import type { ScenarioProgress } from './library-filter';

function Text({ value, locale }: { value: LocalizedText; locale: Locale }) {
  const { t } = useTranslation();
  return <ScenarioText value={value} locale={locale} note={() => `(${t('library.fallback')})`} />;
}

interface Props {
  entries: LibraryEntry[];
  locale: Locale;
  onStart?: (entry: LibraryEntry) => void;
  onContinue?: (entry: LibraryEntry) => void;
  /** Files that have an unfinished attempt to continue. */
  resumable?: Record<string, string>;
  /** What the trainee's attempts say about each scenario, by scenario id. */
  progress?: Record<string, ScenarioProgress>;
  /** Shown when filters leave no card. */
  emptyText?: string;
  /** The file of the scenario the learning path suggests next. */
  next?: string | null;
  /** False while the trainee's attempts are still loading: no card says "not tried yet" before they are known. */
  progressKnown?: boolean;
}

/** The trainer's own scenarios are marked as such, with a link to the workshop. */
function Yours({ entry }: { entry: LibraryEntry }) {
  const { t } = useTranslation();
  if (!entry.own) return null;
  return (
    <p className="meta yours">
      <span className="yours-mark" title={t('library.yoursHint')}>
        {t('library.yours')}
      </span>{' '}
      <a href={`#/workshop/${encodeURIComponent(entry.own.key)}`}>{t('library.openInWorkshop', { file: entry.own.fileName })}</a>
    </p>
  );
}

/** The scenarios (bundled and the trainer's own) as cards; a scenario with errors shows its diagnostics instead. */
export function ScenarioLibrary({ entries, locale, onStart, onContinue, resumable = {}, progress = {}, emptyText, next = null, progressKnown = true }: Props) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p>{emptyText ?? t('library.empty')}</p>;
  return (
    <ul className="cards" aria-label={t('library.heading')} aria-busy={progressKnown ? undefined : true}>
      {entries.map((e) => {
        const errors = e.diagnostics.filter((d) => d.severity === 'error');
        const warnings = e.diagnostics.length - errors.length;
        const m = e.meta;
        const p = m ? progress[m.id] : undefined;
        return (
          <li key={e.file} className={`card scenario-card${e.own ? ' own' : ''}${next === e.file ? ' next' : ''}`}>
            {m ? (
              <>
                <h3>
                  <Text value={m.title} locale={locale} />
                </h3>
                {next === e.file && <p className="next-mark">{t('library.path.nextMark')}</p>}
                <Yours entry={e} />
                <p className="meta">
                  <Text value={m.industry} locale={locale} /> · <span className={`difficulty difficulty-${m.difficulty}`}>{t(`library.difficulty.${m.difficulty}`)}</span> ·{' '}
                  {t('library.minutes', { count: m.minutes })}
                </p>
                <p className="summary">
                  <Text value={m.summary} locale={locale} />
                </p>
                <p className="meta">{t('library.languages', { list: m.languages.map((l) => t(`library.languageName.${l}`)).join(t('library.listSeparator')) })}</p>
                <p className="progress" data-testid="scenario-progress">
                  {progressKnown &&
                    (p?.best != null
                      ? t(p.passed ? 'library.progress.bestPassed' : 'library.progress.best', { score: p.best, count: p.attempts })
                      : p?.attempts
                        ? t('library.progress.started', { count: p.attempts })
                        : t('library.progress.new'))}
                </p>
                {warnings > 0 && <p className="meta">{t('library.warnings', { count: warnings })}</p>}
                <div className="card-actions">
                  {onContinue && resumable[e.file] && (
                    <button type="button" className="primary" onClick={() => onContinue(e)} aria-label={t('library.continueNamed', { title: pickText(m.title, locale).text })}>
                      {t('library.continue')}
                    </button>
                  )}
                  {onStart && (
                    <button type="button" className={resumable[e.file] ? '' : 'primary'} onClick={() => onStart(e)} aria-label={t('library.startNamed', { title: pickText(m.title, locale).text })}>
                      {resumable[e.file] ? t('library.startAgain') : t('library.start')}
                    </button>
                  )}
                </div>
              </>
            ) : (
              <>
                <h3>{e.own ? e.own.fileName : e.file}</h3>
                <Yours entry={e} />
                <p role="alert">{t(e.own ? 'library.draft' : 'library.problems', { count: errors.length })}</p>
                <ul className="diagnostics">
                  {errors.slice(0, 10).map((d, i) => (
                    <li key={i}>
                      <code>{d.code}</code> {t('library.diagnosticAt', { file: d.file, line: d.line, column: d.column })}
                      {t('library.colon')}
                      <DiagnosticMessage diagnostic={d} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
