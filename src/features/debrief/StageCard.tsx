import { useTranslation } from 'react-i18next';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { StageScore } from '../../domain/scoring/score';
import type { DebriefData } from './debrief-data';
import { KeyActionItem } from './KeyActionItem';
import { PitfallItem } from './PitfallItem';

/** One LTC stage: its score and band, then its key actions and pitfalls with the turns that count. */
type ExplainBack = AttemptRecord['explainBacks'][number];

export function StageCard({ stage, index, data, explainBack }: { stage: StageScore; index: number; data: DebriefData; explainBack?: ExplainBack }) {
  const { t } = useTranslation();
  const id = `debrief-stage-${stage.stage}`;
  return (
    <li className={`stage-card band-${stage.band}`}>
      <section aria-labelledby={id}>
        <h4 id={id} tabIndex={-1}>
          {index + 1}. {t(`stages.${stage.stage}`)}
        </h4>
        <p className="stage-score" data-band={stage.band}>
          {stage.reached ? (
            <>
              <strong>{t(`debrief.band.${stage.band}`)}</strong> · {t('debrief.score', { score: stage.score })} ·{' '}
              {t('debrief.stages.passMark', { passMark: stage.passMark })}
            </>
          ) : (
            <strong>{t('debrief.band.not-reached')}</strong>
          )}
        </p>
        {stage.reached && (
          <>
            <h5>{t('debrief.stages.keyActions')}</h5>
            <ul className="check-list">
              {stage.keyActions.map((k) => (
                <KeyActionItem key={k.id} item={k} data={data} />
              ))}
            </ul>
            {stage.pitfalls.length > 0 && (
              <>
                <h5>{t('debrief.stages.pitfalls')}</h5>
                <ul className="check-list">
                  {stage.pitfalls.map((p) => (
                    <PitfallItem key={p.id} item={p} data={data} />
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        {explainBack && (
          <div className="explain-back-quote">
            <h5>{t('debrief.stages.explainBack')}</h5>
            {explainBack.skipped ? <p className="meta">{t('debrief.stages.explainBackSkipped')}</p> : <blockquote>{explainBack.text}</blockquote>}
          </div>
        )}
      </section>
    </li>
  );
}
