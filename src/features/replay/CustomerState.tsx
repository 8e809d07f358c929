import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayFrame } from '../../domain/replay/frames';
import { METERS, type ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { ReplayText } from './ReplayText';
import { useSimDay } from '../../components/use-sim-day';

/**
 * The customer as they stood after this move: the meters (always shown in a replay, whatever the
 * difficulty: the coach needs them), the calendar, the facts revealed and recorded, the promises.
 */
export function CustomerState({ frame, model, locale }: { frame: ReplayFrame; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  const id = useId();
  const dayText = useSimDay(model);
  const { meters, lastTouch, revealed, recorded, promised } = frame;
  return (
    <section className="replay-panel replay-customer" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {t('replay.customer.heading')}
        {t('drill.colon')}
        <ReplayText value={model.customer.name} locale={locale} mark={false} />
      </h3>
      <div className="meters" role="group" aria-labelledby={`${id}-meters`}>
        <h4 id={`${id}-meters`}>{t('drill.calendar.meters')}</h4>
        {METERS.map((m) => (
          <div key={m} className="meter-row">
            <label htmlFor={`${id}-${m}`}>{t(`drill.calendar.meter.${m}`)}</label>
            <meter id={`${id}-${m}`} min={0} max={100} low={30} high={70} optimum={100} value={meters[m]} />
            <span className="meter-value" data-meter={m}>
              {meters[m]}
            </span>
          </div>
        ))}
      </div>
      <h4>{t('drill.calendar.heading')}</h4>
      <p>
        {t('drill.calendar.today', { day: dayText(frame.day) })}
        {t('replay.separator')}
        {lastTouch ? t('drill.calendar.lastTouch', { day: dayText(lastTouch.day), channel: t(`drill.calendar.channel.${lastTouch.channel}`) }) : t('drill.calendar.noTouch')}
      </p>
      <h4>{t('drill.record.heading')}</h4>
      {revealed.length === 0 ? (
        <p className="meta">{t('drill.record.empty')}</p>
      ) : (
        <ul className="facts">
          {revealed.map((f) => (
            <li key={f} className={recorded.includes(f) ? 'fact recorded' : 'fact'} data-fact={f}>
              <strong>
                <ReplayText value={model.customer.facts[f]?.label} locale={locale} />
              </strong>{' '}
              <span className="meta">{t(recorded.includes(f) ? 'drill.record.recorded' : 'drill.record.notRecorded')}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('replay.customer.promises')}</h4>
      {promised.length === 0 ? (
        <p className="meta">{t('replay.customer.noPromises')}</p>
      ) : (
        <ul>
          {promised.map((p) => (
            <li key={p}>
              <ReplayText value={model.promises[p]?.label} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
