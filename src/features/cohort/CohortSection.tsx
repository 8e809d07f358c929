import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  heading: string;
  /** What the section shows, in a sentence. */
  intro?: string;
  /** Saves the section's tables as CSV (absent: no button). */
  onExport?: () => void;
  className?: string;
  children: ReactNode;
}

/** A dashboard panel: a heading, a CSV button for its tables, and its content. */
export function CohortSection({ heading, intro, onExport, className, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className={`cohort-panel${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="cohort-panel-head">
        <h3 id={id}>{heading}</h3>
        {onExport && (
          <button type="button" className="cohort-csv" onClick={onExport} aria-label={t('cohort.csv.sectionNamed', { section: heading })}>
            {t('cohort.csv.section')}
          </button>
        )}
      </div>
      {intro && <p className="meta">{intro}</p>}
      {children}
    </section>
  );
}
