import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Locale } from '../../domain/text/localized-text';
import type { CohortLabels } from './cohort-labels';
import type { FilterState } from './cohort-filters';

interface Props {
  value: FilterState;
  onChange(next: FilterState): void;
  scenarios: string[];
  trainees: string[];
  labels: CohortLabels;
  locale: Locale;
}

/** Which attempts the dashboard shows: a scenario, some trainees, a date range. */
export function FilterBar({ value, onChange, scenarios, trainees, labels, locale }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = new Set(value.trainees);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const toggle = (name: string, on: boolean) => set({ trainees: trainees.filter((n) => (n === name ? on : chosen.has(n))) });
  const name = (n: string) => n || t('cohort.unnamed');
  return (
    <form className="cohort-filters" aria-label={t('cohort.filters.heading')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('cohort.filters.scenario')}
        <select value={value.scenario ?? ''} onChange={(e) => set({ scenario: e.target.value || null })}>
          <option value="">{t('cohort.filters.allScenarios')}</option>
          {scenarios.map((s) => {
            const title = labels.scenario(s);
            return (
              <option key={s} value={s}>
                {title ? pickText(title, locale).text || s : s}
              </option>
            );
          })}
        </select>
      </label>
      <details className="cohort-trainees">
        <summary>
          {t('cohort.filters.trainees')}
          {t('cohort.colon')}
          {value.trainees.length ? t('cohort.filters.someTrainees', { count: trainees.length, chosen: value.trainees.length }) : t('cohort.filters.everyone')}
        </summary>
        <fieldset>
          <legend className="visually-hidden">{t('cohort.filters.trainees')}</legend>
          <p className="cohort-trainee-actions">
            <button type="button" onClick={() => set({ trainees: [] })} disabled={!value.trainees.length}>
              {t('cohort.filters.everyone')}
            </button>
          </p>
          <ul className="cohort-trainee-list" aria-describedby={`${id}-hint`}>
            {trainees.map((n) => (
              <li key={n}>
                <label className="choice">
                  <input type="checkbox" checked={chosen.has(n)} onChange={(e) => toggle(n, e.target.checked)} />
                  {name(n)}
                </label>
              </li>
            ))}
          </ul>
          <p id={`${id}-hint`} className="meta">
            {t('cohort.filters.traineesHint')}
          </p>
        </fieldset>
      </details>
      <label>
        {t('cohort.filters.from')}
        <input type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        {t('cohort.filters.to')}
        <input type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </label>
    </form>
  );
}
