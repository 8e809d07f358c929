import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../state/review/import-files';

const refused = (o: ImportOutcome) => o.status === 'refused' || o.status === 'unreadable' || o.status === 'not-stored';
/** Worth a line of its own: a refusal, or an import with something to know about it. */
const notable = (o: ImportOutcome) => refused(o) || ((o.status === 'imported' || o.status === 'updated') && o.flags.length > 0) || o.status === 'feedback';

/**
 * What became of each file of an import, named, with the reason for every refusal. Files that came
 * in without remark are behind a disclosure, so a cohort of a thousand files reads at a glance.
 */
export function ImportReport({ outcomes, onDismiss }: { outcomes: ImportOutcome[]; onDismiss(): void }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const count = (...s: ImportOutcome['status'][]) => outcomes.filter((o) => s.includes(o.status)).length;
  const refusedCount = outcomes.filter(refused).length;
  const listed = outcomes.filter(notable);
  const quiet = outcomes.filter((o) => !notable(o));
  return (
    <section className={`import-report${refusedCount ? ' has-refused' : ''}`} aria-labelledby="import-report-heading">
      <h3 id="import-report-heading">{t('review.report.heading')}</h3>
      <p role={refusedCount ? 'alert' : 'status'}>
        {t('review.report.summary', { count: outcomes.length, imported: count('imported', 'updated'), feedback: count('feedback'), refused: refusedCount })}
      </p>
      {listed.length > 0 && <OutcomeList outcomes={listed} />}
      {quiet.length > 0 && (
        <details className="import-quiet" onToggle={(e) => setShowAll(e.currentTarget.open)}>
          <summary>{t('review.report.showQuiet', { count: quiet.length })}</summary>
          {showAll && <OutcomeList outcomes={quiet} />}
        </details>
      )}
      <button type="button" onClick={onDismiss}>
        {t('review.report.dismiss')}
      </button>
    </section>
  );
}

function OutcomeList({ outcomes }: { outcomes: ImportOutcome[] }) {
  const { t } = useTranslation();
  return (
    <ul className="import-outcomes">
      {outcomes.map((o, i) => (
        <li key={i} className={`outcome-${o.status}`} data-status={o.status}>
          <span aria-hidden="true">{refused(o) ? '✗ ' : '✓ '}</span>
          <strong className="file-name">{o.file}</strong>
          {t('review.colon')}
          {o.status === 'refused' ? (
            t(o.error.key, o.error.args)
          ) : o.status === 'imported' || o.status === 'updated' ? (
            <>
              {t(`review.report.${o.status}`, { trainee: o.trainee || t('review.unnamed') })}
              {o.flags.map((f, j) => (
                <p key={j} className="import-flag">
                  <span aria-hidden="true">⚠ </span>
                  {t(f.key, f.args)}
                </p>
              ))}
            </>
          ) : o.status === 'feedback' ? (
            t('review.report.feedback', { coach: o.coach || t('review.unnamedCoach') })
          ) : (
            t(`review.report.${o.status}`)
          )}
        </li>
      ))}
    </ul>
  );
}
