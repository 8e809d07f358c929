import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { DrillContext } from '../../domain/runtime/context';
import type { ScenarioModel } from '../../domain/scenario/model';
import { scoreContext } from '../../domain/scoring/score';
import type { Locale } from '../../domain/text/localized-text';
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { DebriefData } from './debrief-data';
import { OutcomeSummary } from './OutcomeSummary';
import { ProcessIndicators } from './ProcessIndicators';
import { StageCard } from './StageCard';
import { StageStrip } from './StageStrip';
import { DecisionList } from './DecisionList';
import { LeadPlanExplained } from './LeadPlanExplained';
import { decisionsOf } from '../../domain/teaching/decisions';

export interface DebriefProps {
  model: ScenarioModel;
  /** The finished drill's context. */
  context: DrillContext;
  /** The explorer's expert path, for "a better move"; null when there is none. */
  exemplar: Exemplar | null;
  /** The trainee's own words kept with the attempt: explain-backs are shown on their stage's card. */
  reflection?: Pick<AttemptRecord, 'freeText' | 'explainBacks'>;
  locale: Locale;
  /** Starts another attempt (not offered when absent, e.g. inside an LMS, which tracks one attempt per launch). */
  onAgain?: () => void;
  onExit(): void;
  /** Opens the step-by-step replay of this attempt. */
  onReplay?: () => void;
  /** Downloads the attempt as a file (to send to a coach). */
  onExport?: () => void;
  /** Starts a new attempt that replays this one up to move `turn` (not included) and goes on live from there. */
  onRetry?: (turn: number) => void;
}

/**
 * The debrief after a drill: the outcome and overall score, a card per LTC stage with every key
 * action and pitfall at its quoted turn (and the expert's better move), then the process indicators.
 */
export function Debrief({ model, context, exemplar, reflection, locale, onAgain, onExit, onReplay, onExport, onRetry }: DebriefProps) {
  const { t } = useTranslation();
  const result = useMemo(() => scoreContext(model, context), [model, context]);
  const data: DebriefData = { model, context, exemplar, locale };
  const freeText = reflection?.freeText;
  const decisions = useMemo(() => decisionsOf(model, context, exemplar, freeText), [model, context, exemplar, freeText]);
  return (
    <article className="debrief">
      <OutcomeSummary outcome={result.outcome} overall={result.overall} locale={locale} />
      <StageStrip stages={result.stages} />
      <section aria-labelledby="debrief-stages-heading">
        <h3 id="debrief-stages-heading">{t('debrief.stages.heading')}</h3>
        <ol className="stage-cards">
          {result.stages.map((s, i) => (
            <StageCard key={s.stage} stage={s} index={i} data={data} explainBack={reflection?.explainBacks.find((e) => e.stage === s.stage)} />
          ))}
        </ol>
      </section>
      {context.leadPlan && <LeadPlanExplained leads={model.leads} plan={context.leadPlan} locale={locale} />}
      <DecisionList decisions={decisions} model={model} locale={locale} onRetry={onRetry} />
      <ProcessIndicators indicators={result.indicators} data={data} />
      {/* Sticky at the bottom of the screen while the debrief is read: its actions never lie a long page away. */}
      <div className="debrief-actions" role="group" aria-label={t('debrief.actions.label')}>
        {onAgain && (
          <button type="button" className="primary" onClick={onAgain}>
            {t('debrief.actions.again')}
          </button>
        )}
        {onReplay && (
          <button type="button" onClick={onReplay}>
            {t('debrief.actions.replay')}
          </button>
        )}
        {onExport && (
          <button type="button" onClick={onExport}>
            {t('debrief.actions.export')}
          </button>
        )}
        <button type="button" onClick={onExit}>
          {t('debrief.actions.exit')}
        </button>
      </div>
    </article>
  );
}
