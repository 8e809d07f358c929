import { useTranslation } from 'react-i18next';
import type { Decision } from '../../domain/teaching/decisions';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { DecisionCompare } from '../debrief/DecisionCompare';

interface Props {
  /** The choice made at the current move, if it was one. */
  decision: Decision | null;
  /** The current move (from 1; 0 before any move). */
  turn: number;
  model: ScenarioModel;
  locale: Locale;
  /** Starts a new attempt that goes on live from this move; absent when not offered. */
  onRetry?: (turn: number) => void;
}

/** The current move taught: why the choice was right or wrong, and why the expert's is better; and a retry from here. */
export function ReplayDecision({ decision, turn, model, locale, onRetry }: Props) {
  const { t } = useTranslation();
  if (!decision && (turn === 0 || !onRetry)) return null;
  return (
    <section className="replay-panel replay-decision" aria-labelledby="replay-decision-heading">
      <h3 id="replay-decision-heading">{t('replay.decision.heading')}</h3>
      {decision ? <DecisionCompare decision={decision} model={model} locale={locale} /> : <p className="meta">{t('replay.decision.notAChoice')}</p>}
      {onRetry && turn > 0 && (
        <button type="button" className="retry-here" onClick={() => onRetry(turn)}>
          {t('debrief.decisions.retry', { turn })}
        </button>
      )}
    </section>
  );
}
