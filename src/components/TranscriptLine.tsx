import { useTranslation } from 'react-i18next';
import type { TranscriptEntry } from '../domain/runtime/context';
import type { Channel, ScenarioModel } from '../domain/scenario/model';
import type { Locale, LocalizedText } from '../domain/text/localized-text';
import { spokenLines } from '../domain/text/speaker';
import { ScenarioText } from './ScenarioText';

/** A scenario text, marked when shown in the other language. */
function DrillText({ value, locale, mark = true }: { value: LocalizedText | undefined; locale: Locale; mark?: boolean }) {
  const { t } = useTranslation();
  return <ScenarioText value={value} locale={locale} note={mark ? (shown) => t(`drill.fallback.${shown}`) : undefined} />;
}

/**
 * One transcript entry (of the drill, or of a replay), drawn by kind; objections, surprises and cadence warnings are visibly marked.
 * A rep line shows beside it the words the trainee first wrote for that step (`said`).
 */
export function TranscriptLine({ entry, model, locale, said, channel, current = false }: { entry: TranscriptEntry; model: ScenarioModel; locale: Locale; said?: string; channel?: Channel; current?: boolean }) {
  const { t } = useTranslation();
  const colon = t('drill.colon');
  // In a replay, the lines the current step added are highlighted.
  const cls = (base: string) => (current ? `${base} line-current` : base);
  const badge = (key: string) => <strong className="badge">{t(key)}</strong>;
  const fact = (id: string) => <DrillText value={model.customer.facts[id]?.label} locale={locale} />;
  switch (entry.kind) {
    case 'stage':
      return (
        <li className={cls('line line-stage')}>
          {t('drill.conversation.stageLine', { stage: t(`stages.${entry.stage}`) })}
        </li>
      );
    case 'narration':
      return (
        <li className={cls('line line-narration')}>
          <DrillText value={entry.text} locale={locale} />
        </li>
      );
    case 'customer':
    case 'reply': {
      // One bubble per speaker: the customer's team, the rep's colleagues, documents read out.
      const parts = spokenLines(entry.text, locale, model.customer.team ?? {});
      return (
        <>
          {parts.map((line, i) => (
            <li key={i} className={cls(`line line-customer${line.side === 'ours' ? ' line-colleague' : line.side === 'document' ? ' line-document' : ''}`)} data-side={line.side}>
              <span className="speaker">
                {line.speaker ? <span lang={line.locale}>{line.speaker}</span> : <DrillText value={model.customer.name} locale={locale} mark={false} />}
                {line.side !== 'customer' && <span className="speaker-side"> ({t(`drill.conversation.side.${line.side}`)})</span>}
                {colon}
              </span>
              <span lang={line.locale} className="spoken">
                {line.text}
                {line.fallback && line.text && i === parts.length - 1 && <span className="fallback"> {t(`drill.fallback.${line.locale}`)}</span>}
              </span>
            </li>
          ))}
        </>
      );
    }
    case 'rep':
      return (
        <li className={cls('line line-rep')}>
          {said && (
            <p className="your-words">
              <span className="speaker">
                {t('drill.sayFirst.yourWords')}
                {colon}
              </span>
              <q>{said}</q>
            </p>
          )}
          <span className="speaker">
            {t(said ? 'drill.sayFirst.youChose' : 'drill.conversation.you')}
            {colon}
          </span>
          <DrillText value={entry.text} locale={locale} />
          {channel && <span className="line-channel">{t('drill.conversation.channel', { channel: t(`drill.calendar.channel.${channel}`) })}</span>}
        </li>
      );
    case 'lead-plan':
      return <li className={cls('line line-event')}>{t('drill.conversation.leadPlan')}</li>;
    case 'cadence':
      return (
        <li className={cls('line line-warning')} data-kind="cadence">
          <span aria-hidden="true">⚠ </span>
          {t(entry.verdict === 'too-soon' ? 'drill.conversation.tooSoon' : 'drill.conversation.tooLong', { count: entry.gap })}
        </li>
      );
    case 'wait':
      return <li className={cls('line line-event')}>{t('drill.conversation.waited', { count: entry.days })}</li>;
    case 'reveal':
      return (
        <li className={cls('line line-event')}>
          {badge('drill.conversation.revealed')} {fact(entry.fact)}
          {colon}
          <DrillText value={model.customer.facts[entry.fact]?.text} locale={locale} />
        </li>
      );
    case 'record':
      return (
        <li className={cls('line line-event')}>
          {badge('drill.conversation.recorded')} {fact(entry.fact)}
        </li>
      );
    case 'promise':
      return (
        <li className={cls('line line-event')}>
          {badge('drill.conversation.promised')} <DrillText value={model.promises[entry.promise]?.label} locale={locale} />
        </li>
      );
    case 'objection':
      return (
        <li className={cls('line line-objection')} data-kind="objection">
          {badge('drill.conversation.objection')} <DrillText value={entry.label} locale={locale} />
        </li>
      );
    case 'surprise':
      return (
        <li className={cls('line line-surprise')} data-kind="surprise">
          {badge('drill.conversation.surprise')} <DrillText value={entry.label} locale={locale} />
          {colon}
          <DrillText value={entry.text} locale={locale} />
        </li>
      );
    case 'end':
      return <li className={cls('line line-stage')}>{t('drill.conversation.ended')}</li>;
  }
}
