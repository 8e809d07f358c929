import { useTranslation } from 'react-i18next';
import type { MeterPoint } from '../../domain/runtime/context';

/** The chart's data as a table: read by screen readers, and the fallback when the chart cannot draw. */
export function MeterTable({ series, hidden }: { series: MeterPoint[]; hidden: boolean }) {
  const { t } = useTranslation();
  return (
    <table className={hidden ? 'visually-hidden' : 'meter-table'}>
      <caption>{t('debrief.chart.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('debrief.chart.turn')}</th>
          <th scope="col">{t('debrief.chart.day')}</th>
          <th scope="col">{t('debrief.chart.trust')}</th>
          <th scope="col">{t('debrief.chart.interest')}</th>
        </tr>
      </thead>
      <tbody>
        {series.map((p, i) => (
          <tr key={i}>
            <th scope="row">{p.turn}</th>
            <td>{p.day}</td>
            <td>{p.trust}</td>
            <td>{p.interest}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
