import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../domain/text/localized-text';
import { NO_FILTERS, type LibraryFilters } from './library-filter';

const DIFFICULTIES = ['all', 'intro', 'intermediate', 'advanced'] as const;
const PROGRESS = ['all', 'new', 'in-progress', 'passed', 'not-passed'] as const;

/** Search and filters above the scenario cards; every control is labelled. */
export function LibraryFilterBar({ filters, onChange, shown, total }: { filters: LibraryFilters; onChange(f: LibraryFilters): void; shown: number; total: number }) {
  const { t } = useTranslation();
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]) => onChange({ ...filters, [key]: value });
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <form className="filters" role="search" aria-label={t('library.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="filter-text">
        {t('library.filters.text')}
        <input type="search" value={filters.text} onChange={(e) => set('text', e.target.value)} />
      </label>
      <label>
        {t('library.filters.difficulty')}
        <select value={filters.difficulty} onChange={(e) => set('difficulty', e.target.value as LibraryFilters['difficulty'])}>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {d === 'all' ? t('library.filters.any') : t(`library.difficulty.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.filters.language')}
        <select value={filters.language} onChange={(e) => set('language', e.target.value as LibraryFilters['language'])}>
          <option value="all">{t('library.filters.any')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`library.languageName.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.filters.progress')}
        <select value={filters.progress} onChange={(e) => set('progress', e.target.value as LibraryFilters['progress'])}>
          {PROGRESS.map((p) => (
            <option key={p} value={p}>
              {t(`library.filters.progressName.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="meta filter-count" aria-live="polite">
        {t('library.filters.count', { shown, total })}
        {active && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
              {t('library.filters.clear')}
            </button>
          </>
        )}
      </p>
    </form>
  );
}
