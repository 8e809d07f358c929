import { useTranslation } from 'react-i18next';
import type { ScoreCheck, ScoreDifference } from '../../domain/replay/determinism';

/** One difference between the recorded score and the re-run's, in words. */
function Difference({ d }: { d: ScoreDifference }) {
  const { t } = useTranslation();
  const value = (v: number | string | boolean | null) =>
    v === null ? t('replay.determinism.none') : typeof v === 'boolean' ? t(v ? 'debrief.overall.passed' : 'debrief.overall.notPassed') : typeof v === 'string' ? t(`replay.determinism.outcome.${v}`) : t('debrief.score', { score: v });
  const part = d.part === 'stage' ? t(`stages.${d.stage}`) : t(`replay.determinism.part.${d.part}`);
  return <li>{t('replay.determinism.difference', { part, recorded: value(d.recorded), rerun: value(d.recomputed) })}</li>;
}

/**
 * What the reader must know before trusting the replay: the re-run does not give the recorded score
 * (then the scores shown are the re-run's), or the log stops replaying at a move.
 */
export function ReplayAlerts({ check, rejectedAt, moves }: { check: ScoreCheck; rejectedAt: number | null; moves: number }) {
  const { t } = useTranslation();
  if (check.status !== 'differs' && rejectedAt === null) return null;
  return (
    <div className="replay-alerts" role="alert">
      {rejectedAt !== null && (
        <section className="replay-alert" aria-labelledby="replay-rejected-heading">
          <h3 id="replay-rejected-heading">{t('replay.rejected.heading', { move: rejectedAt + 1 })}</h3>
          <p>{t('replay.rejected.text', { move: rejectedAt + 1, moves, shown: rejectedAt })}</p>
        </section>
      )}
      {check.status === 'differs' && (
        <section className="replay-alert" aria-labelledby="replay-differs-heading">
          <h3 id="replay-differs-heading">{t('replay.determinism.heading')}</h3>
          <p>{t('replay.determinism.text')}</p>
          <ul data-testid="score-differences">
            {check.differences.map((d, i) => (
              <Difference key={i} d={d} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
