import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionSplit } from '../../domain/cohort/cohort-items';
import type { Locale } from '../../domain/text/localized-text';
import { ScenarioText } from '../../components/ScenarioText';
import type { CohortFormat } from './cohort-format';
import type { CohortLabels } from './cohort-labels';

/** Decision points shown before the reader asks for all. */
const FIRST = 10;

interface Props {
  /** The report's splits; only the selected scenario's are shown. */
  splits: DecisionSplit[];
  scenario: string | null;
  labels: CohortLabels;
  locale: Locale;
  format: CohortFormat;
}

/** How often the cohort left the exemplar at a point: points without an exemplar choice go last. */
const leftExemplar = (d: DecisionSplit) => (d.exemplar === null ? -1 : d.total - d.matching);

/**
 * At each decision point of the selected scenario: the customer's line there, each option chosen with
 * its count and share, the exemplar's choice marked in words. The points where the cohort most often
 * left the exemplar come first.
 */
export function DecisionSplits({ splits, scenario, labels, locale, format }: Props) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const points = useMemo(
    () => (scenario === null ? [] : splits.filter((d) => d.scenario.id === scenario).sort((a, b) => leftExemplar(b) - leftExemplar(a) || b.total - a.total)),
    [splits, scenario],
  );
  if (scenario === null) return <p>{t('cohort.decisions.pickScenario')}</p>;
  if (!points.length) return <p>{t('cohort.decisions.none')}</p>;
  const versions = new Set(points.map((d) => d.scenario.hash)).size > 1;
  const note = (shown: Locale) => t(`cohort.fallback.${shown}`);
  const shown = all ? points : points.slice(0, FIRST);
  return (
    <>
      <ol className="decision-points">
        {shown.map((d) => {
          const { objection, line } = labels.point(d.scenario.hash, d.point);
          const options = d.exemplar && !d.choices.some((c) => c.option === d.exemplar) ? [...d.choices, { option: d.exemplar, count: 0 }] : d.choices;
          return (
            <li key={`${d.scenario.hash}/${d.point}`} className="decision-point" data-point={d.point}>
              <h4>
                {t(`stages.${d.stage}`)}
                {objection && (
                  <>
                    {t('cohort.colon')}
                    {t('cohort.decisions.objection')} <ScenarioText value={objection} locale={locale} note={note} />
                  </>
                )}
                {versions && <span className="cohort-sub">{t('cohort.decisions.version', { version: d.scenario.version })}</span>}
              </h4>
              {line ? (
                <blockquote className="customer-line">
                  <ScenarioText value={line} locale={locale} note={note} />
                </blockquote>
              ) : (
                <p className="meta">
                  <code>{d.point}</code>
                </p>
              )}
              <p className="meta">
                {d.exemplar === null
                  ? t('cohort.decisions.noExemplar', { count: d.total, n: format.number(d.total) })
                  : t('cohort.decisions.left', { count: d.total, n: format.number(d.total), left: format.number(d.total - d.matching), share: format.percent(d.total ? (d.total - d.matching) / d.total : 0) })}
              </p>
              <ul className="split-options">
                {options.map((c) => {
                  const rep = labels.option(d.scenario.hash, c.option);
                  const expert = c.option === d.exemplar;
                  const share = d.total ? c.count / d.total : 0;
                  return (
                    <li key={c.option} className={expert ? 'split-option exemplar' : 'split-option'} data-option={c.option}>
                      <span className="split-text">
                        {expert && <strong className="exemplar-mark">{t('cohort.decisions.exemplar')} </strong>}
                        {rep ? <ScenarioText value={rep} locale={locale} note={note} /> : <code>{c.option}</code>}
                      </span>
                      <span className="split-figure">
                        <span className="share-bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(share * 100)}%` }} />
                        </span>
                        {t('cohort.decisions.chosen', { count: c.count, n: format.number(c.count), share: format.percent(share) })}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
      {points.length > FIRST && (
        <button type="button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('cohort.decisions.fewer') : t('cohort.decisions.all', { count: points.length, n: format.number(points.length) })}
        </button>
      )}
    </>
  );
}
