import { useTranslation } from 'react-i18next';
import type { LeadPlanSplit } from '../../domain/cohort/cohort-items';
import type { Grade } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { ScenarioText } from '../../components/ScenarioText';
import type { CohortFormat } from './cohort-format';
import type { CohortLabels } from './cohort-labels';

const GRADES = ['A', 'B', 'C', 'none'] as const satisfies readonly (Grade | 'none')[];

interface Props {
  /** The lead plans of the selected scenario's versions. */
  splits: LeadPlanSplit[];
  labels: CohortLabels;
  locale: Locale;
  format: CohortFormat;
  /** Whether the selected scenario has attempts of more than one version. */
  versions: boolean;
}

/**
 * Stage 1, lead acquisition: for each lead of the pool, how many plans graded it A, B or C (or gave
 * no grade) beside the expert's grade, how many got the grade right, and how many pursued it.
 */
export function LeadPlanSplits({ splits, labels, locale, format, versions }: Props) {
  const { t } = useTranslation();
  const note = (shown: Locale) => t(`cohort.fallback.${shown}`);
  const of = (n: number, plans: number) => t('cohort.leadPlan.count', { n: format.number(n), share: format.percent(plans ? n / plans : 0) });
  return (
    <div className="lead-plan-splits">
      <h4>{t('cohort.leadPlan.heading')}</h4>
      {splits.map((s) => (
        <div key={s.scenario.hash} data-hash={s.scenario.hash}>
          <p className="meta">{t('cohort.leadPlan.plans', { count: s.plans, n: format.number(s.plans) })}</p>
          <div className="cohort-scroll">
            <table className="cohort-table lead-plan-table">
              <caption>
                {t('cohort.leadPlan.caption')}
                {versions && <span className="cohort-sub">{t('cohort.decisions.version', { version: s.scenario.version })}</span>}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohort.leadPlan.lead')}</th>
                  <th scope="col">{t('cohort.leadPlan.expected')}</th>
                  {GRADES.map((g) => (
                    <th scope="col" key={g} className="num">
                      {g === 'none' ? t('cohort.leadPlan.noGrade') : t('cohort.leadPlan.graded', { grade: g })}
                    </th>
                  ))}
                  <th scope="col" className="num">{t('cohort.leadPlan.right')}</th>
                  <th scope="col" className="num">{t('cohort.leadPlan.pursued')}</th>
                </tr>
              </thead>
              <tbody>
                {s.leads.map((l) => {
                  const company = labels.lead(s.scenario.hash, l.lead);
                  return (
                    <tr key={l.lead} data-lead={l.lead}>
                      <th scope="row">
                        {company ? <ScenarioText value={company} locale={locale} note={note} /> : <code>{l.lead}</code>}
                        <span className="cohort-sub">{t(l.shouldPursue ? 'cohort.leadPlan.toPursue' : l.expected === 'C' ? 'cohort.leadPlan.notWorth' : 'cohort.leadPlan.optional')}</span>
                      </th>
                      <td>{l.expected}</td>
                      {GRADES.map((g) => (
                        <td key={g} className={g === l.expected ? 'num expected-grade' : 'num'} data-grade={g}>
                          {of(l.grades[g], s.plans)}
                          {g === l.expected && <span className="visually-hidden"> {t('cohort.leadPlan.expertsGrade')}</span>}
                        </td>
                      ))}
                      <td className="num">{of(l.right, s.plans)}</td>
                      <td className="num">{of(l.pursued, s.plans)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </div>
  );
}
