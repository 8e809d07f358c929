import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import type { DrillActor } from '../../domain/runtime/actor';
import type { ScenarioModel } from '../../domain/scenario/model';
import { pickText, type Locale } from '../../domain/text/localized-text';
import { DrillText } from './DrillText';

/** Revealed facts; the trainee decides which go into the customer record. */
export function CustomerRecord({ model, actor, locale }: { model: ScenarioModel; actor: DrillActor; locale: Locale }) {
  const { t } = useTranslation();
  const revealed = useSelector(actor, (s) => s.context.revealed);
  const recorded = useSelector(actor, (s) => s.context.recorded);
  const ended = useSelector(actor, (s) => s.status === 'done');
  // The Record button goes once its fact is recorded: keyboard focus moves to the fact just recorded, not to the page.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    if (id === null || !recorded.includes(id)) return;
    focusNext.current = null;
    document.getElementById(`drill-fact-${id}`)?.focus();
  }, [recorded]);
  return (
    <section className="panel" aria-labelledby="drill-record-heading">
      <h3 id="drill-record-heading">{t('drill.record.heading')}</h3>
      {revealed.length === 0 ? (
        <p className="meta">{t('drill.record.empty')}</p>
      ) : (
        <ul className="facts">
          {revealed.map((id) => {
            const fact = model.customer.facts[id];
            const isRecorded = recorded.includes(id);
            return (
              <li key={id} id={`drill-fact-${id}`} tabIndex={-1} className={isRecorded ? 'fact recorded' : 'fact'}>
                <strong>
                  <DrillText value={fact?.label} locale={locale} />
                </strong>
                {isRecorded ? (
                  <>
                    {' '}
                    <span className="meta">({t('drill.record.recorded')})</span>
                    <p>
                      <DrillText value={fact?.text} locale={locale} />
                    </p>
                  </>
                ) : (
                  <>
                    {' '}
                    <span className="meta">{t('drill.record.notRecorded')}</span>{' '}
                    {!ended && (
                      <button
                        type="button"
                        aria-label={t('drill.record.recordFact', { fact: pickText(fact?.label, locale).text })}
                        onClick={() => {
                          focusNext.current = id;
                          actor.send({ type: 'record', fact: id });
                        }}
                      >
                        {t('drill.record.record')}
                      </button>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
