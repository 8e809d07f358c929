import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptEntry } from '../../domain/runtime/context';
import { findOption, type ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { EarnedLine, Why } from '../debrief/Why';
import { DrillText } from './DrillText';

type RepEntry = Extract<TranscriptEntry, { kind: 'rep' }>;

/**
 * "Coach me": right after a choice, before the customer's reply is shown, why it was right or a
 * mistake and the key actions and pitfalls it earned. Takes focus; "Continue" shows the reply.
 */
export function CoachPanel({ entry, model, locale, onContinue }: { entry: RepEntry; model: ScenarioModel; locale: Locale; onContinue(): void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const option = findOption(model, entry.option);
  const { shown, committed } = entry.credit;
  const verdict = committed.length > 0 ? 'bad' : shown.length > 0 ? 'good' : 'neutral';
  return (
    <section className={`coach-panel coach-${verdict}`} aria-labelledby="coach-heading">
      <h3 id="coach-heading" tabIndex={-1} ref={heading}>
        <span aria-hidden="true">{verdict === 'bad' ? '✗ ' : verdict === 'good' ? '✓ ' : '• '}</span>
        {t(`drill.coach.verdict.${verdict}`)}
      </h3>
      <p>
        <strong>
          {t('drill.coach.youSaid')}
          {t('drill.colon')}
        </strong>
        <q className="rep-words">
          <DrillText value={entry.text} locale={locale} />
        </q>
      </p>
      <EarnedLine shows={shown} commits={committed} model={model} locale={locale} />
      {option?.why ? <Why value={option.why} locale={locale} /> : <p className="meta">{t('drill.coach.noWhy')}</p>}
      <div className="form-actions">
        <button type="button" className="primary" onClick={onContinue}>
          {t('drill.coach.continue')}
        </button>
      </div>
    </section>
  );
}
