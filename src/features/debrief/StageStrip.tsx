import { useTranslation } from 'react-i18next';
import type { StageScore } from '../../domain/scoring/score';

/** The seven stages at a glance, coloured by band; each jumps to its card (focus moves with it). */
export function StageStrip({ stages }: { stages: StageScore[] }) {
  const { t } = useTranslation();
  const jump = (stage: string) => {
    const heading = document.getElementById(`debrief-stage-${stage}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return (
    <nav aria-label={t('debrief.strip.label')}>
      <ol className="stage-strip">
        {stages.map((s, i) => (
          <li key={s.stage} className={`band-${s.band}`}>
            <button type="button" onClick={() => jump(s.stage)}>
              <span className="strip-name">
                {i + 1}. {t(`stages.${s.stage}`)}
              </span>
              <span className="strip-score">{s.reached ? t('debrief.score', { score: s.score }) : t('debrief.band.not-reached')}</span>
              <span className="visually-hidden">{t(`debrief.band.${s.band}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
