import { useTranslation } from 'react-i18next';
import { STAGES, stageIndex, type StageId } from '../../domain/ltc/stages';

/** The seven LTC stages; the current one is `aria-current="step"`, earlier ones are marked done. */
export function StageTracker({ stage, ended, won = false }: { stage: StageId; ended: boolean; won?: boolean }) {
  const { t } = useTranslation();
  const current = stageIndex(stage);
  return (
    <nav aria-label={t('drill.tracker.label')}>
      <ol className="stage-tracker">
        {STAGES.map((id, i) => {
          // A won drill has finished its last stage too.
          const done = i < current || (won && i === current);
          const isCurrent = i === current && !ended;
          return (
            <li key={id} className={done ? 'done' : isCurrent ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
              <span className="stage-number" aria-hidden="true">
                {done ? '✓' : i + 1}
              </span>{' '}
              <span className="stage-name">{t(`stages.${id}`)}</span>
              {done && <span className="visually-hidden"> {t('drill.tracker.done')}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
