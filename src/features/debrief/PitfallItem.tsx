import { useTranslation } from 'react-i18next';
import type { PitfallResult } from '../../domain/scoring/score';
import { entryFor, type DebriefData } from './debrief-data';
import { DebriefText } from './DebriefText';
import { TurnQuote } from './TurnQuote';
import { BetterMove } from './BetterMove';
import { Why } from './Why';

/** One pitfall: avoided, or committed at each quoted turn with the expert's better move beside it. */
export function PitfallItem({ item, data }: { item: PitfallResult; data: DebriefData }) {
  const { t } = useTranslation();
  const checklist = data.model.checklist.find((c) => c.id === item.id);
  const label = checklist?.label;
  const committed = item.turns.length > 0;
  return (
    <li className={`check-item ${committed ? 'check-committed' : 'check-avoided'}`} data-item={item.id}>
      <span className="check-mark" aria-hidden="true">
        {committed ? '✗' : '✓'}
      </span>
      <span className="check-status">{t(committed ? 'debrief.stages.committed' : 'debrief.stages.avoided')}</span>
      {t('debrief.colon')}
      <DebriefText value={label} locale={data.locale} />
      {committed && (
        <ul className="check-turns">
          {item.turns.map((turn) => {
            const entry = entryFor(data.context, turn, item.id, 'commits');
            return (
              <li key={turn} className="check-detail">
                <TurnQuote turn={turn} entry={entry} data={data} />
                <BetterMove entry={entry} data={data} />
              </li>
            );
          })}
        </ul>
      )}
      <Why value={checklist?.why} locale={data.locale} />
    </li>
  );
}
