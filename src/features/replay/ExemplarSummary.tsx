import { useTranslation } from 'react-i18next';
import type { MoveComparison } from '../../domain/replay/exemplar';

/** Every move where the attempt left the expert path, each a link to its move. */
export function ExemplarSummary({ comparisons, turn, onJump }: { comparisons: readonly MoveComparison[]; turn: number; onJump(turn: number): void }) {
  const { t } = useTranslation();
  const left = comparisons.filter((c) => c.status === 'left');
  return (
    <section className="replay-panel replay-left-summary" aria-labelledby="replay-left-heading">
      <h3 id="replay-left-heading">{t('replay.leftPath.heading', { count: left.length })}</h3>
      {left.length === 0 ? (
        <p className="meta">{t('replay.leftPath.none')}</p>
      ) : (
        <ul className="replay-jump-list">
          {left.map((c) => {
            const alt = c.alternative;
            return (
              <li key={c.index}>
                <button type="button" className="link-button" aria-current={c.index === turn ? 'step' : undefined} onClick={() => onJump(c.index)}>
                  {t('replay.strip.move', { turn: c.index })}
                </button>
                {alt && (
                  <span className="meta">
                    {' '}
                    {t(`stages.${alt.stage}`)}
                    {alt.score && (
                      <>
                        {t('replay.separator')}
                        {t('replay.leftPath.scores', { expert: alt.score.stage, yours: alt.trainee.stage })}
                      </>
                    )}
                    {!alt.offered && (
                      <>
                        {t('replay.separator')}
                        {t('replay.leftPath.notOffered')}
                      </>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
