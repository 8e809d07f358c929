import { useTranslation } from 'react-i18next';
import type { ProcessIndicators } from '../../domain/scoring/score';
import type { ScenarioModel } from '../../domain/scenario/model';
import { useSimDay } from '../../components/use-sim-day';

/** Touches against the customer's rhythm: the counts, then every touch with its day, channel and gap. */
export function TouchList({ touches, counts, model }: { touches: ProcessIndicators['touches']; counts: ProcessIndicators['touchCounts']; model?: Pick<ScenarioModel, 'calendar'> }) {
  const { t } = useTranslation();
  const dayText = useSimDay(model);
  if (touches.length === 0) return <p>{t('debrief.indicators.noTouches')}</p>;
  return (
    <>
      <ul className="touch-counts">
        <li data-count="ok">{t('debrief.indicators.countOk', { count: counts.ok })}</li>
        <li data-count="too-soon">{t('debrief.indicators.countTooSoon', { count: counts.tooSoon })}</li>
        <li data-count="too-long">{t('debrief.indicators.countTooLong', { count: counts.tooLong })}</li>
      </ul>
      <ol className="touch-list">
        {touches.map((touch) => {
          const off = touch.verdict === 'too-soon' || touch.verdict === 'too-long';
          return (
            <li key={touch.turn} className={off ? 'touch-off' : 'touch-ok'} data-verdict={touch.verdict}>
              <span aria-hidden="true">{off ? '⚠ ' : '✓ '}</span>
              {t('debrief.indicators.touch', { day: dayText(touch.day), channel: t(`debrief.indicators.channel.${touch.channel}`) })}
              {t('debrief.listSeparator')}
              {touch.gap === null ? t('debrief.indicators.firstTouch') : t('debrief.indicators.gap', { count: touch.gap })}
              {t('debrief.listSeparator')}
              <strong>{t(`debrief.indicators.verdict.${touch.verdict}`)}</strong>
            </li>
          );
        })}
      </ol>
    </>
  );
}
