import { useTranslation } from 'react-i18next';
import type { IndicatorSummary } from '../../domain/cohort/cohort-measures';
import { STAGES } from '../../domain/ltc/stages';
import type { CohortFormat } from './cohort-format';
import { TraineeIndicators } from './TraineeIndicators';

interface Props {
  average: IndicatorSummary;
  byTrainee: (IndicatorSummary & { trainee: string })[];
  format: CohortFormat;
}

/** The LTC process indicators on average (days per stage, touches against rhythm, signing to cash, win rate) and per trainee. */
export function IndicatorsPanel({ average, byTrainee, format }: Props) {
  const { t } = useTranslation();
  const days = (v: number | null) => (v === null ? '—' : t('cohort.indicators.days', { count: v, n: format.number(v) }));
  const { touches } = average;
  return (
    <>
      <h4>{t('cohort.indicators.average')}</h4>
      <dl className="cohort-figures">
        <div>
          <dt>{t('cohort.indicators.winRate')}</dt>
          <dd>{format.maybe(average.winRate, 'percent')}</dd>
        </div>
        <div>
          <dt>{t('cohort.indicators.totalDays')}</dt>
          <dd>{days(average.totalDays)}</dd>
        </div>
        <div>
          <dt>{t('cohort.indicators.signingToCash')}</dt>
          <dd>{days(average.signingToCash)}</dd>
        </div>
        <div>
          <dt>{t('cohort.indicators.touches')}</dt>
          <dd>{format.maybe(touches.total)}</dd>
        </div>
        <div>
          <dt>{t('cohort.indicators.onRhythm')}</dt>
          <dd>
            {format.maybe(touches.ok)} <span className="cohort-sub">({format.maybe(average.onRhythmShare, 'percent')})</span>
          </dd>
        </div>
        <div>
          <dt>{t('cohort.indicators.tooSoon')}</dt>
          <dd>{format.maybe(touches.tooSoon)}</dd>
        </div>
        <div>
          <dt>{t('cohort.indicators.tooLong')}</dt>
          <dd>{format.maybe(touches.tooLong)}</dd>
        </div>
      </dl>
      <h4>{t('cohort.indicators.daysPerStage')}</h4>
      <dl className="cohort-figures stage-days">
        {STAGES.map((s) => (
          <div key={s} data-stage={s}>
            <dt>{t(`stages.${s}`)}</dt>
            <dd>{days(average.daysPerStage[s])}</dd>
          </div>
        ))}
      </dl>
      <p className="meta">{t('cohort.indicators.note')}</p>
      <h4>{t('cohort.indicators.perTrainee')}</h4>
      <TraineeIndicators rows={byTrainee} format={format} />
    </>
  );
}
