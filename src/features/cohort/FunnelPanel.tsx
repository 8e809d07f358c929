import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FunnelStep } from '../../domain/cohort/cohort-report';
import { ChartFigure } from './ChartFigure';
import type { CohortFormat } from './cohort-format';
import type { ChartSpec } from './CohortChart';

const stepName = (t: TFunction, step: FunnelStep['step']) => (step === 'won' ? t('cohort.funnel.won') : t(`stages.${step}`));

/** How many attempts reached each stage, and how many were won (cash collected): a bar chart and its table. */
export function FunnelPanel({ funnel, format }: { funnel: FunnelStep[]; format: CohortFormat }) {
  const { t } = useTranslation();
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bars',
      categories: funnel.map((f) => stepName(t, f.step)),
      short: funnel.map((f, i) => (f.step === 'won' ? t('cohort.funnel.wonShort') : String(i + 1))),
      series: [{ label: t('cohort.funnel.attempts'), values: funnel.map((f) => f.attempts), color: '#2b6cd8' }],
      tick: (v) => format.number(v),
    }),
    [funnel, t, format],
  );
  return (
    <ChartFigure caption={t('cohort.funnel.chart')} spec={spec}>
      <div className="cohort-scroll">
        <table className="cohort-table funnel-table">
          <caption className="visually-hidden">{t('cohort.funnel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cohort.funnel.step')}</th>
              <th scope="col">{t('cohort.funnel.attempts')}</th>
              <th scope="col">{t('cohort.funnel.share')}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((f) => (
              <tr key={f.step} data-step={f.step}>
                <th scope="row">{stepName(t, f.step)}</th>
                <td className="num">{format.number(f.attempts)}</td>
                <td className="num">
                  <span className="share-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(f.share * 100)}%` }} />
                  </span>
                  {format.percent(f.share)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFigure>
  );
}
