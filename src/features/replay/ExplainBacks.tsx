import { useTranslation } from 'react-i18next';
import type { AttemptRecord, Coaching } from '../../domain/attempts/attempt-record';
import { STAGES, type StageId } from '../../domain/ltc/stages';
import { ratingOf } from './coaching-edits';
import { RatingGroup, RatingText, type Stars } from './Rating';

type ExplainBack = AttemptRecord['explainBacks'][number];

function Quote({ e }: { e: ExplainBack }) {
  const { t } = useTranslation();
  return e.skipped ? <p className="meta">{t('debrief.stages.explainBackSkipped')}</p> : <blockquote className="explain-back-text">{e.text}</blockquote>;
}

/** The explain-back of each stage the current move finished, with its rating (read here; rated in the coaching notes). */
export function ExplainBackAtStep({ stages, explainBacks, coaching }: { stages: readonly StageId[]; explainBacks: readonly ExplainBack[]; coaching: Coaching | null }) {
  const { t } = useTranslation();
  if (stages.length === 0) return null;
  return (
    <section className="replay-panel replay-explain-back" aria-labelledby="replay-step-explain-heading">
      <h3 id="replay-step-explain-heading">{t('replay.explainBack.atStep')}</h3>
      {stages.map((stage) => {
        const e = explainBacks.find((x) => x.stage === stage);
        return (
          <div key={stage} className="explain-back-quote" data-stage={stage}>
            <h4>{t('replay.explainBack.stage', { stage: t(`stages.${stage}`) })}</h4>
            {e ? (
              <>
                <Quote e={e} />
                {!e.skipped && <RatingText rating={ratingOf(coaching, stage)} />}
              </>
            ) : (
              <p className="meta">{t('replay.explainBack.notWritten')}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}

interface ListProps {
  explainBacks: readonly ExplainBack[];
  coaching: Coaching | null;
  /** The move that finished each stage, to jump to. */
  endings: Partial<Record<StageId, number>>;
  /** Present in coach mode: each written explain-back gets a rating group. */
  onRate?: (stage: StageId, rating: Stars | null) => void;
  onJump(turn: number): void;
}

/** Every explain-back in stage order, each with its rating (1–5 stars in coach mode) and a link to where it was written. */
export function ExplainBackList({ explainBacks, coaching, endings, onRate, onJump }: ListProps) {
  const { t } = useTranslation();
  const sorted = [...explainBacks].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  return (
    <section className="replay-panel replay-explain-backs" aria-labelledby="replay-explain-heading">
      <h3 id="replay-explain-heading">{t('replay.explainBack.heading')}</h3>
      {sorted.length === 0 ? (
        <p className="meta">{t('replay.explainBack.none')}</p>
      ) : (
        <ul className="replay-explain-list">
          {sorted.map((e) => {
            const stage = t(`stages.${e.stage}`);
            const turn = endings[e.stage];
            return (
              <li key={e.stage} data-stage={e.stage}>
                <h4>{t('replay.explainBack.stage', { stage })}</h4>
                <Quote e={e} />
                {turn !== undefined && (
                  <button type="button" className="link-button" onClick={() => onJump(turn)}>
                    {t('replay.explainBack.writtenAfter', { turn })}
                  </button>
                )}
                {!e.skipped &&
                  (onRate ? (
                    <RatingGroup legend={t('replay.rating.legend', { stage })} rating={ratingOf(coaching, e.stage)} onRate={(r) => onRate(e.stage, r)} />
                  ) : (
                    <p>
                      <RatingText rating={ratingOf(coaching, e.stage)} />
                    </p>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
