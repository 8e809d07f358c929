import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ScenarioText } from '../../components/ScenarioText';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { ScenarioMeta } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { pickText } from '../../domain/text/localized-text';

interface Props {
  records: AttemptRecord[];
  /** Library metadata by scenario id, for titles. */
  scenarios: Record<string, ScenarioMeta>;
  locale: Locale;
  onOpen(id: string): void;
  onDiscard(id: string): void;
  /** Opens the step-by-step replay (with any coaching). */
  onReplay?: (id: string) => void;
  /** Downloads the attempt file. */
  onExport?: (id: string) => void;
}

/** What became of an attempt, as a message key under `attempts.history.status`. */
export function attemptStatus(r: AttemptRecord): string {
  if (r.status === 'in-progress') return 'in-progress';
  return r.score?.outcome ?? r.status;
}

/** The trainee's attempts, newest first: when, which scenario, how it ended, the score; open or discard each. */
export function AttemptHistory({ records, scenarios, locale, onOpen, onDiscard, onReplay, onExport }: Props) {
  const { t } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (records.length === 0) return <p>{t('attempts.history.empty')}</p>;
  return (
    <ol className="history" aria-label={t('attempts.history.heading')}>
      {records.map((r) => {
        const meta = scenarios[r.scenario.id];
        const title = meta ? pickText(meta.title, locale).text : r.scenario.id;
        const status = attemptStatus(r);
        return (
          <li key={r.id} className={`history-item status-${status}`} data-attempt={r.id}>
            <div className="history-main">
              <h3 className="history-title">{meta ? <ScenarioText value={meta.title} locale={locale} /> : r.scenario.id}</h3>
              <p className="meta">
                <time dateTime={new Date(r.createdAt).toISOString()}>{date.format(r.createdAt)}</time>
                {t('attempts.history.separator')}
                {t('attempts.history.version', { version: r.scenario.version })}
                {t('attempts.history.separator')}
                {t('attempts.history.moves', { count: r.moves.length })}
                {r.imported && (
                  <>
                    {t('attempts.history.separator')}
                    {t('attempts.history.imported')}
                  </>
                )}
                {r.retryOf && (
                  <>
                    {t('attempts.history.separator')}
                    <span data-testid="history-retry">{t('attempts.history.retryOf', { turn: r.retryOf.turn })}</span>
                  </>
                )}
              </p>
            </div>
            <p className="history-result">
              <span className="status-badge">{t(`attempts.history.status.${status}`)}</span>{' '}
              {r.score && <strong>{t('attempts.history.score', { score: r.score.overall.score })}</strong>}
              {r.coaching && (
                <>
                  {' '}
                  <span className="feedback-badge">{t('attempts.history.feedback', { coach: r.coaching.coach || t('attempts.history.coach') })}</span>
                </>
              )}
            </p>
            <div className="history-actions">
              <button type="button" onClick={() => onOpen(r.id)} aria-label={t(r.status === 'in-progress' ? 'attempts.history.continueNamed' : 'attempts.history.openNamed', { title })}>
                {t(r.status === 'in-progress' ? 'attempts.history.continue' : 'attempts.history.open')}
              </button>
              {onReplay && r.moves.length > 0 && (
                <button type="button" onClick={() => onReplay(r.id)} aria-label={t('attempts.history.replayNamed', { title })}>
                  {t('attempts.history.replay')}
                </button>
              )}
              {onExport && (
                <button type="button" onClick={() => onExport(r.id)} aria-label={t('attempts.history.exportNamed', { title })}>
                  {t('attempts.history.export')}
                </button>
              )}
              <ConfirmDialog
                trigger={
                  <button type="button" aria-label={t('attempts.history.discardNamed', { title })}>
                    {t('attempts.history.discard')}
                  </button>
                }
                title={t('attempts.history.discardTitle')}
                description={t('attempts.history.discardText', { title, date: date.format(r.createdAt) })}
                confirm={t('attempts.history.discardYes')}
                cancel={t('attempts.history.discardNo')}
                danger
                onConfirm={() => onDiscard(r.id)}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
