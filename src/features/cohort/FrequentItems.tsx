import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import type { ItemFrequency } from '../../domain/cohort/cohort-items';
import { pickText, type Locale } from '../../domain/text/localized-text';
import { ScenarioText } from '../../components/ScenarioText';
import type { CohortFormat } from './cohort-format';
import type { CohortLabels } from './cohort-labels';
import { momentClick, type OpenMoment } from './moment-click';
import { MomentList } from './MomentList';

/** Items shown before the reader asks for all. */
const FIRST = 8;

interface Props {
  kind: 'pitfalls' | 'missed';
  items: ItemFrequency[];
  byId: ReadonlyMap<string, AttemptAnalysis>;
  labels: CohortLabels;
  locale: Locale;
  format: CohortFormat;
  onOpenMoment: OpenMoment;
}

/**
 * The pitfalls committed (or key actions missed) most often: the item, its stage, how many attempts
 * and what share of them, and the moments to replay.
 */
export function FrequentItems({ kind, items, byId, labels, locale, format, onOpenMoment }: Props) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (!items.length) return <p>{t(`cohort.items.none.${kind}`)}</p>;
  const shown = all ? items : items.slice(0, FIRST);
  const note = (shownIn: Locale) => t(`cohort.fallback.${shownIn}`);
  return (
    <>
      <ol className="frequent-items" onClick={(e: MouseEvent) => momentClick(e, onOpenMoment)}>
        {shown.map((item) => {
          const label = labels.item(item.stage, item.id);
          const text = label ? pickText(label, locale).text || item.id : item.id;
          return (
            <li key={`${item.stage}/${item.id}`} className="frequent-item" data-item={item.id}>
              <p className="frequent-head">
                <strong>{label ? <ScenarioText value={label} locale={locale} note={note} /> : <code>{item.id}</code>}</strong>
                <span className="cohort-sub">{t(`stages.${item.stage}`)}</span>
              </p>
              <p className="frequent-count">
                <span className="share-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(item.share * 100)}%` }} />
                </span>
                {t(`cohort.items.count.${kind}`, { count: item.attempts, n: format.number(item.attempts), of: format.number(item.of), share: format.percent(item.share) })}
                {kind === 'pitfalls' && item.occurrences > item.attempts && <> {t('cohort.items.occurrences', { count: item.occurrences, n: format.number(item.occurrences) })}</>}
              </p>
              <MomentList moments={item.moments} byId={byId} format={format} item={text} />
            </li>
          );
        })}
      </ol>
      {items.length > FIRST && (
        <button type="button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('cohort.items.fewer') : t('cohort.items.all', { count: items.length, n: format.number(items.length) })}
        </button>
      )}
    </>
  );
}
