import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSpec } from './CohortChart';

const CohortChart = lazy(() => import('./CohortChart'));

/** A lazily drawn chart with its caption, followed by the table that holds its numbers. */
export function ChartFigure({ caption, spec, children }: { caption: string; spec: ChartSpec; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className="cohort-figure">
      <figcaption>{caption}</figcaption>
      <Suspense fallback={<p className="chart-loading">{t('cohort.chartLoading')}</p>}>
        <CohortChart spec={spec} />
      </Suspense>
      {children}
    </figure>
  );
}
