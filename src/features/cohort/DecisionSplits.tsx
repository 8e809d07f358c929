import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionSplit, LeadPlanSplit } from '../../domain/cohort/cohort-items';
import type { Locale } from '../../domain/text/localized-text';
import { ScenarioText } from '../../components/ScenarioText';
import type { CohortFormat } from './cohort-format';
import type { CohortLabels } from './cohort-labels';
import { LeadPlanSplits } from './LeadPlanSplits';

/** Decision points shown before the reader asks for all. */
const FIRST = 10;

interface Props {
  /** The report's splits; only the selected scenario's are shown. */
  splits: DecisionSplit[];
  /** The report's lead plans; only the selected scenario's are shown. */
  leadPlans: LeadPlanSplit[];
  scenario: string | null;
  labels: CohortLabels;
  locale: Locale;
  format: CohortFormat;
}

/** How often the cohort left the exemplar at a point: points without an exemplar choice go last. */
const leftExemplar = (d: DecisionSplit) => (d.exemplar === null ? -1 : d.total - d.matching);

/** The customer's line(s) the trainees were answering at a point: one quoted, or each variant with how many saw it. */
function SaidHere({ d, locale, format }: { d: DecisionSplit; locale: Locale; format: CohortFormat }) {
  const { t } = useTranslation();
  const note = (shown: Locale) => t(`cohort.fallback.${shown}`);
  if (!d.lines.length)
    return (
      <p className="meta">
        <code>{d.point}</code>
      </p>
    );
  const seen = d.lines.reduce((n, l) => n + l.count, 0);
  if (d.lines.length === 1)
    return (
      <blockquote className="customer-line">
        <span className="visually-hidden">{t('cohort.decisions.said')} </span>
        <ScenarioText value={d.lines[0]!.text} locale={locale} note={note} />
      </blockquote>
    );
  return (
    <>
      <p className="meta">{t('cohort.decisions.variants', { count: d.lines.length, n: format.number(d.lines.length) })}</p>
      <ul className="customer-lines">
        {d.lines.map((l, i) => (
          <li key={l.variant ?? `unknown-${i}`} data-variant={l.variant ?? ''}>
            <blockquote className="customer-line">
              <ScenarioText value={l.text} locale={locale} note={note} />
            </blockquote>
            <span className="cohort-sub">{t('cohort.decisions.seenBy', { count: l.count, n: format.number(l.count), share: format.percent(seen ? l.count / seen : 0) })}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The lead plan of stage 1 lead by lead, then at each decision point of the selected scenario: the
 * customer's line the trainees answered there (each variant they saw, with how many saw it), each option chosen with
 * its count and share, the exemplar's choice marked in words. The points where the cohort most often
 * left the exemplar come first.
 */
export function DecisionSplits({ splits, leadPlans, scenario, labels, locale, format }: Props) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const points = useMemo(
    () => (scenario === null ? [] : splits.filter((d) => d.scenario.id === scenario).sort((a, b) => leftExemplar(b) - leftExemplar(a) || b.total - a.total)),
    [splits, scenario],
  );
  const plans = useMemo(() => leadPlans.filter((p) => p.scenario.id === scenario), [leadPlans, scenario]);
  if (scenario === null) return <p>{t('cohort.decisions.pickScenario')}</p>;
  const versions = new Set([...points, ...plans].map((d) => d.scenario.hash)).size > 1;
  const leads = plans.length > 0 && <LeadPlanSplits splits={plans} labels={labels} locale={locale} format={format} versions={versions} />;
  if (!points.length)
    return (
      <>
        {leads}
        <p>{t('cohort.decisions.none')}</p>
      </>
    );
  const note = (shown: Locale) => t(`cohort.fallback.${shown}`);
  const shown = all ? points : points.slice(0, FIRST);
  return (
    <>
      {leads}
      <ol className="decision-points">
        {shown.map((d) => {
          const { objection } = labels.point(d.scenario.hash, d.point);
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
              <SaidHere d={d} locale={locale} format={format} />
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
