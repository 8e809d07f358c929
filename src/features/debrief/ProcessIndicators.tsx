import { useTranslation } from 'react-i18next';
import { STAGES } from '../../domain/ltc/stages';
import type { ProcessIndicators as Indicators } from '../../domain/scoring/score';
import type { DebriefData } from './debrief-data';
import { DebriefText } from './DebriefText';
import { MeterChartPanel } from './MeterChartPanel';
import { TouchList } from './TouchList';

/** The LTC process indicators: time per stage, cadence, collection cycle, objections and surprises. */
export function ProcessIndicators({ indicators, data }: { indicators: Indicators; data: DebriefData }) {
  const { t } = useTranslation();
  const { model, locale } = data;
  const none = <p>{t('debrief.indicators.none')}</p>;
  return (
    <section className="debrief-indicators" aria-labelledby="debrief-indicators-heading">
      <h3 id="debrief-indicators-heading">{t('debrief.indicators.heading')}</h3>

      <h4>{t('debrief.indicators.daysPerStage')}</h4>
      <dl className="days-per-stage">
        {STAGES.filter((s) => indicators.daysPerStage[s] !== undefined).map((s) => (
          <div key={s}>
            <dt>{t(`stages.${s}`)}</dt>
            <dd>{t('debrief.indicators.days', { count: indicators.daysPerStage[s] })}</dd>
          </div>
        ))}
        <div>
          <dt>{t('debrief.indicators.total')}</dt>
          <dd>{t('debrief.indicators.days', { count: indicators.totalDays })}</dd>
        </div>
      </dl>

      <h4>{t('debrief.indicators.touches')}</h4>
      <p>{t('debrief.indicators.rhythm', { rhythm: t(`debrief.indicators.rhythmName.${model.customer.rhythm}`) })}</p>
      <TouchList touches={indicators.touches} counts={indicators.touchCounts} model={model} />

      <h4>{t('debrief.indicators.signingToCash')}</h4>
      <p>{indicators.signingToCash === null ? t('debrief.indicators.noCash') : t('debrief.indicators.days', { count: indicators.signingToCash })}</p>

      <h4>{t('debrief.indicators.objections')}</h4>
      {indicators.objectionsRaised.length === 0 ? none : (
        <ul>
          {indicators.objectionsRaised.map((id, i) => (
            <li key={`${id}-${i}`}>
              <DebriefText value={model.objections[id]?.label} locale={locale} />
            </li>
          ))}
        </ul>
      )}

      <h4>{t('debrief.indicators.surprises')}</h4>
      {indicators.surprises.length === 0 ? none : (
        <ul>
          {indicators.surprises.map((id, i) => (
            <li key={`${id}-${i}`}>
              <DebriefText value={model.surprises.find((s) => s.id === id)?.label} locale={locale} />
            </li>
          ))}
        </ul>
      )}

      <MeterChartPanel series={indicators.series} />
    </section>
  );
}
