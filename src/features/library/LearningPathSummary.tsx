import { useTranslation } from 'react-i18next';
import { pickText, type Locale } from '../../domain/text/localized-text';
import type { LibraryEntry } from '../../state/scenario-library';
import type { LevelSummary } from './learning-path';

/** The path through the library's levels (intro → intermediate → advanced), how far the trainee is on it, and what to take next. */
export function LearningPathSummary({ levels, next, locale, onStart }: { levels: LevelSummary[]; next: LibraryEntry | null; locale: Locale; onStart?: (entry: LibraryEntry) => void }) {
  const { t } = useTranslation();
  if (!levels.length) return null;
  const title = next?.meta ? pickText(next.meta.title, locale).text : '';
  return (
    <nav className="learning-path" aria-label={t('library.path.label')}>
      <ol>
        {levels.map((l) => (
          <li key={l.level} className={l.passed === l.total ? 'done' : undefined}>
            {t('library.path.level', { level: t(`library.difficulty.${l.level}`), passed: l.passed, total: l.total })}
          </li>
        ))}
      </ol>
      {next?.meta ? (
        <p className="take-next">
          {t('library.path.next', { title })}{' '}
          {onStart && (
            <button type="button" onClick={() => onStart(next)} aria-label={t('library.path.startNamed', { title })}>
              {t('library.path.start')}
            </button>
          )}
        </p>
      ) : (
        <p className="take-next">{t('library.path.allPassed')}</p>
      )}
    </nav>
  );
}
