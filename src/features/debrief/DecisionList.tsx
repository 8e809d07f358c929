import { useTranslation } from 'react-i18next';
import type { Decision } from '../../domain/teaching/decisions';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { DebriefText } from './DebriefText';
import { DecisionCompare } from './DecisionCompare';

const wrong = (d: Decision) => d.credit.committed.length > 0 || (d.expert !== null && !d.same);

/**
 * Every choice of the attempt, in order: folded when it was the expert's, open when it was not, each
 * with why, the better move and (when given `onRetry`) a button to practise that moment again.
 */
export function DecisionList({ decisions, model, locale, onRetry }: { decisions: readonly Decision[]; model: ScenarioModel; locale: Locale; onRetry?: (turn: number) => void }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="debrief-decisions-heading" className="debrief-decisions">
      <h3 id="debrief-decisions-heading">{t('debrief.decisions.heading')}</h3>
      <p className="meta">{t('debrief.decisions.intro', { count: decisions.filter(wrong).length })}</p>
      <ol className="decision-list">
        {decisions.map((d) => (
          <li key={d.turn} data-turn={d.turn}>
            <details open={wrong(d)}>
              <summary>
                <span aria-hidden="true">{wrong(d) ? '✗ ' : '✓ '}</span>
                <span className="visually-hidden">{t(wrong(d) ? 'debrief.decisions.toLearn' : 'debrief.decisions.right')} </span>
                {t('debrief.stages.atTurn', { turn: d.turn })} · {t(`stages.${d.stage}`)}
                {t('debrief.colon')}
                <DebriefText value={d.chosen.rep} locale={locale} mark={false} />
              </summary>
              <DecisionCompare decision={d} model={model} locale={locale} />
              {onRetry && (
                <button type="button" className="retry-here" onClick={() => onRetry(d.turn)}>
                  {t('debrief.decisions.retry', { turn: d.turn })}
                </button>
              )}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
