import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayFrame } from '../../domain/replay/frames';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { EarnedList } from './EarnedList';
import { MoveText } from './MoveText';
import { ScoreSoFar } from './ScoreSoFar';
import { useSimDay } from '../../components/use-sim-day';

interface Props {
  frame: ReplayFrame;
  total: number;
  model: ScenarioModel;
  locale: Locale;
  /** The step's heading: focused when a summary elsewhere jumps here. */
  ref?: Ref<HTMLHeadingElement>;
}

/** The current step: which move, when and in which stage, what the trainee did, what it earned, and the score so far. */
export function StepPanel({ frame, total, model, locale, ref }: Props) {
  const { t } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const dayText = useSimDay(model);
  return (
    <section className="replay-panel replay-step" aria-labelledby="replay-step-heading">
      <h3 id="replay-step-heading" tabIndex={-1} ref={ref}>
        {frame.index === 0 ? t('replay.timeline.start', { total }) : t('replay.timeline.position', { turn: frame.index, total })}
      </h3>
      <p className="meta">
        {t('drill.calendar.today', { day: dayText(frame.day) })}
        {t('replay.separator')}
        {t('drill.conversation.stageLine', { stage: t(`stages.${frame.stage}`) })}
        {frame.time !== null && (
          <>
            {t('replay.separator')}
            {t('replay.step.playedAt')} <time dateTime={new Date(frame.time).toISOString()}>{date.format(frame.time)}</time>
          </>
        )}
      </p>
      <p className="replay-move" data-testid="replay-move">
        <MoveText move={frame.move} model={model} locale={locale} />
      </p>
      {frame.index > 0 && (
        <>
          <h4>{t('replay.earned.heading')}</h4>
          <EarnedList earned={frame.earned} model={model} locale={locale} empty={t('replay.earned.nothing')} />
        </>
      )}
      <ScoreSoFar score={frame.score} />
    </section>
  );
}
