import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillEnding } from '../../domain/runtime/context';
import type { AttemptScore } from '../../domain/scoring/score';
import type { Locale } from '../../domain/text/localized-text';
import { DebriefText } from './DebriefText';

/** How the attempt ended, and the overall score against the pass mark. Takes focus when shown. */
export function OutcomeSummary({ outcome, overall, locale }: { outcome: DrillEnding | null; overall: AttemptScore['overall']; locale: Locale }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const kind = outcome?.outcome ?? 'unfinished';
  const stage = outcome ? t(`stages.${outcome.stage}`) : '';
  return (
    <section className={`debrief-outcome outcome-${kind}`} aria-labelledby="debrief-heading">
      <h2 id="debrief-heading" tabIndex={-1} ref={heading}>
        {t('debrief.heading')}
      </h2>
      <p className="outcome-verdict" data-outcome={kind}>
        {t(`debrief.outcome.${kind}`, { stage })}
      </p>
      {outcome && (outcome.reason || outcome.reasonKey) && (
        <p>
          <strong>
            {t('debrief.outcome.reason')}
            {t('debrief.colon')}
          </strong>
          {outcome.reason ? <DebriefText value={outcome.reason} locale={locale} /> : t(`debrief.outcome.reasons.${outcome.reasonKey}`)}
        </p>
      )}
      <dl className="debrief-overall">
        <dt>{t('debrief.overall.score')}</dt>
        <dd data-testid="overall-score">
          {t('debrief.score', { score: overall.score })} · {t(`debrief.band.${overall.band}`)}
        </dd>
        <dt>{t('debrief.overall.passMark')}</dt>
        <dd>
          {overall.passMark} ·{' '}
          <span className={overall.passed ? 'verdict-yes' : 'verdict-no'}>
            <span aria-hidden="true">{overall.passed ? '✓ ' : '✗ '}</span>
            {t(overall.passed ? 'debrief.overall.passed' : 'debrief.overall.notPassed')}
          </span>
        </dd>
      </dl>
      {!overall.passed && overall.score >= overall.passMark && <p className="debrief-note">{t('debrief.overall.needsWin')}</p>}
    </section>
  );
}
