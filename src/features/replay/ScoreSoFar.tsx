import { useTranslation } from 'react-i18next';
import type { FrameScore } from '../../domain/replay/frames';

/** The attempt's score as it stood after this move: overall, and each stage with its band. */
export function ScoreSoFar({ score }: { score: FrameScore }) {
  const { t } = useTranslation();
  return (
    <div className="replay-score-so-far">
      <h4>{t('replay.score.heading')}</h4>
      <p>
        <strong>{t('debrief.overall.score')}</strong>
        {t('drill.colon')}
        <span data-testid="score-so-far" className={`band-text band-${score.band}`}>
          {t('debrief.score', { score: score.overall })}
          {t('replay.separator')}
          {t(`debrief.band.${score.band}`)}
        </span>
      </p>
      <table className="replay-table">
        <caption className="visually-hidden">{t('replay.score.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('replay.score.stage')}</th>
            <th scope="col">{t('replay.score.score')}</th>
            <th scope="col">{t('replay.score.band')}</th>
          </tr>
        </thead>
        <tbody>
          {score.stages.map((s) => (
            <tr key={s.stage} data-stage={s.stage}>
              <th scope="row">{t(`stages.${s.stage}`)}</th>
              <td className="num">{s.reached ? s.score : t('replay.score.dash')}</td>
              <td>
                <span className={`band-dot band-${s.band}`} aria-hidden="true" />
                {t(`debrief.band.${s.band}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
