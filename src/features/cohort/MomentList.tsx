import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import type { Moment } from '../../domain/cohort/cohort-items';
import type { CohortFormat } from './cohort-format';

/** Moments shown before the reader asks for all. */
const FIRST = 5;

interface Props {
  moments: Moment[];
  byId: ReadonlyMap<string, AttemptAnalysis>;
  format: CohortFormat;
  /** What the moments are of (for the buttons' accessible names). */
  item: string;
}

/**
 * The moments an item happened (an attempt and a move), each a button that opens the replay there:
 * the first few, then all on request. The clicks are handled by the list's container (see momentClick).
 */
export function MomentList({ moments, byId, format, item }: Props) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? moments : moments.slice(0, FIRST);
  return (
    <div className="moments">
      <ul className={all && moments.length > 20 ? 'moment-list long' : 'moment-list'}>
        {shown.map((m, i) => {
          const trainee = m.trainee || t('cohort.unnamed');
          const started = byId.get(m.attemptId)?.createdAt;
          const date = started === undefined ? '' : format.date(started);
          return (
            <li key={`${m.attemptId}@${m.turn}#${i}`}>
              <button type="button" className="link-button" data-attempt={m.attemptId} data-turn={m.turn} aria-label={t('cohort.moments.open', { item, trainee, date, turn: m.turn })}>
                {t('cohort.moments.label', { trainee, date, turn: m.turn })}
              </button>
            </li>
          );
        })}
      </ul>
      {moments.length > FIRST && (
        <button type="button" className="link-button moments-toggle" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('cohort.moments.fewer') : t('cohort.moments.all', { count: moments.length, n: format.number(moments.length) })}
        </button>
      )}
    </div>
  );
}
