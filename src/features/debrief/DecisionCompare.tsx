import { useTranslation } from 'react-i18next';
import type { Decision } from '../../domain/teaching/decisions';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { DebriefText } from './DebriefText';
import { EarnedLine, Why } from './Why';

/**
 * One decision taught: the trainee's own words (when they wrote them first), the option chosen and
 * why it was right or a mistake, and the expert's option with why it is better — side by side, each
 * with the key actions it demonstrates.
 */
export function DecisionCompare({ decision, model, locale }: { decision: Decision; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  const { chosen, expert, words, credit, same } = decision;
  const good = credit.committed.length === 0 && (same || expert === null);
  return (
    <div className="decision-compare">
      {words !== null && (
        <div className="decision-col decision-words">
          <h5>{t('debrief.decisions.yourWords')}</h5>
          <blockquote>{words}</blockquote>
          <p className="meta">{t('debrief.decisions.wordsNote')}</p>
        </div>
      )}
      <div className={`decision-col decision-chosen ${good ? 'verdict-good' : 'verdict-bad'}`}>
        <h5>
          <span aria-hidden="true">{good ? '✓ ' : '✗ '}</span>
          {t(same ? 'debrief.decisions.chosenExpert' : 'debrief.decisions.chosen')}
        </h5>
        <q className="rep-words">
          <DebriefText value={chosen.rep} locale={locale} />
        </q>
        <EarnedLine shows={credit.shown} commits={credit.committed} model={model} locale={locale} />
        <Why value={chosen.why} locale={locale} />
      </div>
      {expert && !same && (
        <div className="decision-col decision-expert">
          <h5>{t('debrief.decisions.expert')}</h5>
          <q className="rep-words">
            <DebriefText value={expert.rep} locale={locale} />
          </q>
          <EarnedLine shows={expert.shows} commits={expert.commits} model={model} locale={locale} />
          <Why value={expert.why} locale={locale} label="debrief.why.better" />
        </div>
      )}
    </div>
  );
}
