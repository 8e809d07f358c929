import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import type { DrillActor } from '../../domain/runtime/actor';
import type { ScenarioModel } from '../../domain/scenario/model';
import { pickText, type Locale } from '../../domain/text/localized-text';
import { spokenLines } from '../../domain/text/speaker';
import { TranscriptLine } from '../../components/TranscriptLine';
import { useSimDay } from '../../components/use-sim-day';

/**
 * The conversation so far, with a day marker whenever the simulated day changes. `said`: the
 * trainee's own words by the turn of the option they led to, shown beside it.
 */
export function Transcript({ model, actor, locale, said = {}, upTo }: { model: ScenarioModel; actor: DrillActor; locale: Locale; said?: Record<number, string>; upTo?: number }) {
  const { t } = useTranslation();
  const full = useSelector(actor, (s) => s.context.transcript);
  const touches = useSelector(actor, (s) => s.context.touches);
  const dayText = useSimDay(model);
  const channelAt = new Map(touches.map((x) => [x.turn, x.channel]));
  // "Coach me" holds back what followed the rep's line (the reply, the next customer line) until the trainee continues.
  const transcript = upTo === undefined ? full : full.slice(0, upTo + 1);
  const list = useRef<HTMLOListElement>(null);
  // Keep the newest line in view inside the transcript, without scrolling the page.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [transcript.length]);
  const lastIndex = transcript.findLastIndex((e) => e.kind === 'customer' || e.kind === 'reply');
  const lastCustomer = transcript[lastIndex];
  const live = lastCustomer && 'text' in lastCustomer ? spokenLines(lastCustomer.text, locale, model.customer.team ?? {}) : null;
  return (
    <>
      <ol ref={list} className="transcript" tabIndex={0} aria-label={t('drill.conversation.transcript')}>
        {transcript.map((entry, i) => (
          <Fragment key={i}>
            {(i === 0 || transcript[i - 1]!.day !== entry.day) && (
              <li className="line line-day">{t('drill.conversation.day', { day: dayText(entry.day) })}</li>
            )}
            <TranscriptLine entry={entry} model={model} locale={locale} said={entry.kind === 'rep' ? said[entry.turn] : undefined} channel={entry.kind === 'rep' ? channelAt.get(entry.turn) : undefined} />
          </Fragment>
        ))}
      </ol>
      {/* Screen readers hear each new customer line once, without rereading the whole transcript. */}
      <p className="visually-hidden" aria-live="polite" data-testid="customer-live">
        {live && (
          <span key={lastIndex}>
            {live.map((part, i) => (
              <span key={i} lang={part.locale}>
                {i > 0 && ' '}
                {part.speaker ?? pickText(model.customer.name, locale).text}
                {t('drill.colon')}
                {part.text}
              </span>
            ))}
          </span>
        )}
      </p>
    </>
  );
}
