import * as Tabs from '@radix-ui/react-tabs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendRow } from '../../domain/cohort/cohort-measures';
import { STAGES } from '../../domain/ltc/stages';
import { ChartFigure } from './ChartFigure';
import type { CohortFormat } from './cohort-format';
import type { ChartSpec } from './CohortChart';

export type TrendPeriod = 'weeks' | 'months';

interface Props {
  trends: { weeks: TrendRow[]; months: TrendRow[] };
  period: TrendPeriod;
  onPeriod(period: TrendPeriod): void;
  utcOffsetMinutes: number;
  format: CohortFormat;
}

/** Average score and win rate by ISO week or by month (the weekly and monthly reviews): a chart and its table. */
export function TrendsPanel({ trends, period, onPeriod, utcOffsetMinutes, format }: Props) {
  const { t } = useTranslation();
  return (
    <Tabs.Root value={period} onValueChange={(v) => onPeriod(v as TrendPeriod)}>
      <Tabs.List className="tabs" aria-label={t('cohort.trends.period')}>
        {(['weeks', 'months'] as const).map((p) => (
          <Tabs.Trigger key={p} value={p} className="tab">
            {t(`cohort.trends.${p}`)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {(['weeks', 'months'] as const).map((p) => (
        <Tabs.Content key={p} value={p}>
          {p === period && <TrendView rows={trends[p]} period={p} utcOffsetMinutes={utcOffsetMinutes} format={format} />}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

function TrendView({ rows, period, utcOffsetMinutes, format }: { rows: TrendRow[]; period: TrendPeriod; utcOffsetMinutes: number; format: CohortFormat }) {
  const { t } = useTranslation();
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'lines',
      categories: rows.map((r) => (period === 'weeks' ? r.period : format.month(r.period))),
      short: rows.map((r) => (period === 'weeks' ? r.period.slice(5) : format.monthShort(r.period))),
      series: [
        { label: t('cohort.trends.averageScore'), values: rows.map((r) => r.averageScore), color: '#1d4ea8' },
        { label: t('cohort.trends.winRatePercent'), values: rows.map((r) => (r.winRate === null ? null : r.winRate * 100)), color: '#b86e00', dash: [6, 4] },
      ],
      range: [0, 100],
      tick: (v) => format.number(v),
    }),
    [rows, period, t, format],
  );
  if (!rows.length) return <p>{t('cohort.trends.none')}</p>;
  return (
    <ChartFigure caption={t(`cohort.trends.chart.${period}`)} spec={spec}>
      <div className="cohort-scroll" tabIndex={0} role="region" aria-label={t(`cohort.trends.caption.${period}`)}>
        <table className="cohort-table trends-table">
          <caption className="visually-hidden">{t(`cohort.trends.caption.${period}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`cohort.trends.periodColumn.${period}`)}</th>
              <th scope="col">{t('cohort.trends.attempts')}</th>
              <th scope="col">{t('cohort.trends.averageScore')}</th>
              <th scope="col">{t('cohort.trends.winRate')}</th>
              {STAGES.map((s) => (
                <th scope="col" key={s}>
                  {t(`stages.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.period} data-period={r.period}>
                <th scope="row">
                  {period === 'weeks' ? r.period : format.month(r.period)}
                  {period === 'weeks' && <span className="cohort-sub">{t('cohort.trends.weekFrom', { date: format.weekStart(r.start, utcOffsetMinutes) })}</span>}
                </th>
                <td className="num">{format.number(r.attempts)}</td>
                <td className="num">{format.maybe(r.averageScore)}</td>
                <td className="num">{format.maybe(r.winRate, 'percent')}</td>
                {STAGES.map((s) => (
                  <td className="num" key={s}>
                    {format.maybe(r.stages[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFigure>
  );
}
