import { useTranslation } from 'react-i18next';
import type { TranscriptEntry } from '../../domain/runtime/context';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { DrillText } from './DrillText';

/**
 * One transcript entry, drawn by kind; objections, surprises and cadence warnings are visibly marked.
 * A rep line shows beside it the words the trainee first wrote for that step (`said`).
 */
export function TranscriptLine({ entry, model, locale, said }: { entry: TranscriptEntry; model: ScenarioModel; locale: Locale; said?: string }) {
  const { t } = useTranslation();
  const colon = t('drill.colon');
  const badge = (key: string) => <strong className="badge">{t(key)}</strong>;
  const fact = (id: string) => <DrillText value={model.customer.facts[id]?.label} locale={locale} />;
  switch (entry.kind) {
    case 'stage':
      return (
        <li className="line line-stage">
          {t('drill.conversation.stageLine', { stage: t(`stages.${entry.stage}`) })}
        </li>
      );
    case 'narration':
      return (
        <li className="line line-narration">
          <DrillText value={entry.text} locale={locale} />
        </li>
      );
    case 'customer':
    case 'reply':
      return (
        <li className="line line-customer">
          <span className="speaker">
            <DrillText value={model.customer.name} locale={locale} mark={false} />
            {colon}
          </span>
          <DrillText value={entry.text} locale={locale} />
        </li>
      );
    case 'rep':
      return (
        <li className="line line-rep">
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
        </li>
      );
    case 'lead-plan':
      return <li className="line line-event">{t('drill.conversation.leadPlan')}</li>;
    case 'cadence':
      return (
        <li className="line line-warning" data-kind="cadence">
          <span aria-hidden="true">⚠ </span>
          {t(entry.verdict === 'too-soon' ? 'drill.conversation.tooSoon' : 'drill.conversation.tooLong', { count: entry.gap })}
        </li>
      );
    case 'wait':
      return <li className="line line-event">{t('drill.conversation.waited', { count: entry.days })}</li>;
    case 'reveal':
      return (
        <li className="line line-event">
          {badge('drill.conversation.revealed')} {fact(entry.fact)}
          {colon}
          <DrillText value={model.customer.facts[entry.fact]?.text} locale={locale} />
        </li>
      );
    case 'record':
      return (
        <li className="line line-event">
          {badge('drill.conversation.recorded')} {fact(entry.fact)}
        </li>
      );
    case 'promise':
      return (
        <li className="line line-event">
          {badge('drill.conversation.promised')} <DrillText value={model.promises[entry.promise]?.label} locale={locale} />
        </li>
      );
    case 'objection':
      return (
        <li className="line line-objection" data-kind="objection">
          {badge('drill.conversation.objection')} <DrillText value={entry.label} locale={locale} />
        </li>
      );
    case 'surprise':
      return (
        <li className="line line-surprise" data-kind="surprise">
          {badge('drill.conversation.surprise')} <DrillText value={entry.label} locale={locale} />
          {colon}
          <DrillText value={entry.text} locale={locale} />
        </li>
      );
    case 'end':
      return <li className="line line-stage">{t('drill.conversation.ended')}</li>;
  }
}
