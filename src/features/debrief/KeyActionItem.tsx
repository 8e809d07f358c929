import { useTranslation } from 'react-i18next';
import type { ItemResult } from '../../domain/scoring/score';
import { entryFor, type DebriefData } from './debrief-data';
import { DebriefText } from './DebriefText';
import { TurnQuote } from './TurnQuote';
import { Why } from './Why';

/** One key action: done (with the turn that showed it) or missed; the mark is a symbol and a word. */
export function KeyActionItem({ item, data }: { item: ItemResult; data: DebriefData }) {
  const { t } = useTranslation();
  const checklist = data.model.checklist.find((c) => c.id === item.id);
  const label = checklist?.label;
  const done = item.turn !== null;
  return (
    <li className={`check-item ${done ? 'check-done' : 'check-missed'}`} data-item={item.id}>
      <span className="check-mark" aria-hidden="true">
        {done ? '✓' : '✗'}
      </span>
      <span className="check-status">{t(done ? 'debrief.stages.done' : 'debrief.stages.missed')}</span>
      {t('debrief.colon')}
      <DebriefText value={label} locale={data.locale} />
      {item.turn !== null && (
        <div className="check-detail">
          <TurnQuote turn={item.turn} entry={entryFor(data.context, item.turn, item.id, 'shows')} data={data} />
        </div>
      )}
      <Why value={checklist?.why} locale={data.locale} />
    </li>
  );
}
