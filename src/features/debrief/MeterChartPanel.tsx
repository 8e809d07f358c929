import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeterPoint } from '../../domain/runtime/context';
import { MeterTable } from './MeterTable';

const MeterChart = lazy(() => import('./MeterChart'));

/** Trust and interest over the turns: a lazily loaded chart, with the data as a hidden table. */
export function MeterChartPanel({ series }: { series: MeterPoint[] }) {
  const { t } = useTranslation();
  return (
    <figure className="meter-figure">
      <figcaption>{t('debrief.chart.heading')}</figcaption>
      <Suspense fallback={<p className="chart-loading">{t('debrief.chart.loading')}</p>}>
        <MeterChart series={series} turn={t('debrief.chart.turn')} trust={t('debrief.chart.trust')} interest={t('debrief.chart.interestLine')} />
      </Suspense>
      <MeterTable series={series} hidden />
    </figure>
  );
}
