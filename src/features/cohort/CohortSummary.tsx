import { useTranslation } from 'react-i18next';
import type { CohortReport } from '../../domain/cohort/cohort-report';
import type { CohortFormat } from './cohort-format';

/** One line on what the filters leave: attempts, trainees, won, in progress; announced as it changes. */
export function CohortSummary({ report, format }: { report: CohortReport; format: CohortFormat }) {
  const { t } = useTranslation();
  const part = (key: string, count: number) => t(`cohort.summary.${key}`, { count, n: format.number(count) });
  return (
    <p className="cohort-summary" role="status" data-testid="cohort-summary">
      {[part('attempts', report.attempts), part('trainees', report.trainees.length), part('won', report.outcomes.won), part('inProgress', report.outcomes.inProgress)].join(t('cohort.separator'))}
      {report.duplicates > 0 && <span className="cohort-sub">{t('cohort.summary.duplicates', { count: report.duplicates, n: format.number(report.duplicates) })}</span>}
    </p>
  );
}
