import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../state/review/import-files';

/** What became of each file of an import, named, with the reason for every refusal. */
export function ImportReport({ outcomes, onDismiss }: { outcomes: ImportOutcome[]; onDismiss(): void }) {
  const { t } = useTranslation();
  const count = (...s: ImportOutcome['status'][]) => outcomes.filter((o) => s.includes(o.status)).length;
  const refused = count('refused', 'unreadable', 'not-stored');
  return (
    <section className={`import-report${refused ? ' has-refused' : ''}`} aria-labelledby="import-report-heading">
      <h3 id="import-report-heading">{t('review.report.heading')}</h3>
      <p role={refused ? 'alert' : 'status'}>
        {t('review.report.summary', { count: outcomes.length, imported: count('imported', 'updated'), feedback: count('feedback'), refused })}
      </p>
      <ul className="import-outcomes">
        {outcomes.map((o, i) => (
          <li key={i} className={`outcome-${o.status}`} data-status={o.status}>
            <span aria-hidden="true">{o.status === 'refused' || o.status === 'unreadable' || o.status === 'not-stored' ? '✗ ' : '✓ '}</span>
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
      <button type="button" onClick={onDismiss}>
        {t('review.report.dismiss')}
      </button>
    </section>
  );
}
