import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillEnding } from '../../domain/runtime/context';
import type { Locale } from '../../domain/text/localized-text';
import { DrillText } from './DrillText';

/** How the drill ended, and the way back. The full debrief is a separate screen. Takes focus unless `focus` is false. */
export function DrillOutcome({ ending, locale, onExit, focus = true }: { ending: DrillEnding; locale: Locale; onExit(): void; focus?: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section className={`outcome outcome-${ending.outcome}`} aria-labelledby="drill-outcome-heading">
      <h2 id="drill-outcome-heading" tabIndex={-1} ref={heading}>
        {t('drill.outcome.heading')}
      </h2>
      <p className="outcome-verdict" data-outcome={ending.outcome}>
        {t(`drill.outcome.${ending.outcome}`, { stage: t(`stages.${ending.stage}`) })}
      </p>
      {(ending.reason || ending.reasonKey) && (
        <p>
          <strong>
            {t('drill.outcome.reason')}
            {t('drill.colon')}
          </strong>
          {ending.reason ? <DrillText value={ending.reason} locale={locale} /> : t(`drill.outcome.reasons.${ending.reasonKey}`)}
        </p>
      )}
      <button type="button" onClick={onExit}>
        {t('drill.outcome.exit')}
      </button>
    </section>
  );
}
