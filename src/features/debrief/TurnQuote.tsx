import { useTranslation } from 'react-i18next';
import type { TranscriptEntry } from '../../domain/runtime/context';
import type { DebriefData } from './debrief-data';
import { DebriefText } from './DebriefText';

/** The turn number and what the rep did at it: the words said, the fact recorded, or the lead plan. */
export function TurnQuote({ turn, entry, data }: { turn: number; entry: TranscriptEntry | undefined; data: DebriefData }) {
  const { t } = useTranslation();
  return (
    <span className="turn-quote">
      <span className="turn-number">{t('debrief.stages.atTurn', { turn })}</span>
      {t('debrief.colon')}
      {entry?.kind === 'rep' ? (
        <q className="rep-words">
          <DebriefText value={entry.text} locale={data.locale} />
        </q>
      ) : entry?.kind === 'record' ? (
        <>
          {t('debrief.stages.recorded')} <DebriefText value={data.model.customer.facts[entry.fact]?.label} locale={data.locale} />
        </>
      ) : (
        t('debrief.stages.leadPlan')
      )}
    </span>
  );
}
