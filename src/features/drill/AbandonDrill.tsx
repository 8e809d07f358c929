import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillActor } from '../../domain/runtime/drill';

/** Giving up takes two clicks, so a stray one does not end the attempt. */
export function AbandonDrill({ actor }: { actor: DrillActor }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="abandon" onClick={() => setAsking(true)}>
        {t('drill.abandon.start')}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby="drill-abandon-question" className="abandon-confirm">
      <p id="drill-abandon-question">{t('drill.abandon.confirm')}</p>
      <button type="button" onClick={() => actor.send({ type: 'abandon' })}>
        {t('drill.abandon.yes')}
      </button>{' '}
      <button type="button" ref={keep} onClick={() => setAsking(false)}>
        {t('drill.abandon.no')}
      </button>
    </div>
  );
}
