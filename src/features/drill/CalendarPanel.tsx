import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import type { DrillActor } from '../../domain/runtime/actor';
import { METERS, type ScenarioModel } from '../../domain/scenario/model';
import { useSimDay } from '../../components/use-sim-day';

/** Today's simulated day, the last touch, the customer's rhythm; meters only on intro scenarios. */
export function CalendarPanel({ model, actor }: { model: ScenarioModel; actor: DrillActor }) {
  const { t } = useTranslation();
  const dayText = useSimDay(model);
  const day = useSelector(actor, (s) => s.context.day);
  const lastTouch = useSelector(actor, (s) => s.context.lastTouch);
  const meters = useSelector(actor, (s) => s.context.meters);
  const { tooSoon, tooLong } = model.cadence;
  return (
    <section className="panel" aria-labelledby="drill-calendar-heading">
      <h3 id="drill-calendar-heading">{t('drill.calendar.heading')}</h3>
      <p>
        <strong>{t('drill.calendar.today', { day: dayText(day) })}</strong>
      </p>
      <p>
        {lastTouch
          ? t('drill.calendar.lastTouch', { day: dayText(lastTouch.day), channel: t(`drill.calendar.channel.${lastTouch.channel}`) })
          : t('drill.calendar.noTouch')}
      </p>
      <p className="meta">
        {t('drill.calendar.rhythm', {
          rhythm: t(`drill.calendar.rhythmName.${model.customer.rhythm}`),
          min: tooSoon.days,
          max: tooLong.days,
        })}
      </p>
      {model.difficulty === 'intro' && (
        <div className="meters" role="group" aria-labelledby="drill-meters-heading">
          <h4 id="drill-meters-heading">{t('drill.calendar.meters')}</h4>
          {METERS.map((m) => (
            <div key={m} className="meter-row">
              <label htmlFor={`drill-meter-${m}`}>{t(`drill.calendar.meter.${m}`)}</label>
              <meter id={`drill-meter-${m}`} min={0} max={100} low={30} high={70} optimum={100} value={meters[m]} />
              <span className="meter-value">{meters[m]}</span>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
