import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Locale } from '../domain/text/localized-text';
import { useLocaleSections } from '../components/use-locale-sections';
import { useAppStore } from '../state/app-store';
import { ActiveDrill } from './ActiveDrill';
import { exportAttempt } from './export-attempt';
import { retryAttempt, startAttempt } from './sessions';
import { useAttemptTab } from './use-attempt-tab';

/**
 * One attempt: the drill while it runs, the debrief once it ends; opened live or by replaying its log.
 * Open in several tabs, one drives it and the others follow it read-only (see attempt-lock.ts).
 */
export default function AttemptPage({ id, locale }: { id: string; locale: Locale }) {
  useLocaleSections(['drill', 'debrief', 'deal']);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const trainee = useAppStore((s) => s.preferences.trainee);
  const { view, takeOver } = useAttemptTab(id);
  const [exportFailed, setExportFailed] = useState(false);

  if (view.role === 'joining') return <p aria-busy="true">{t('attempt.loading')}</p>;
  const { result } = view;
  if (!result.ok) {
    return (
      <section className="panel" aria-labelledby="attempt-problem">
        <h2 id="attempt-problem">{t('attempt.open.heading')}</h2>
        <p role="alert">{t(`attempt.open.${result.problem}`, { version: result.record?.scenario.version ?? '' })}</p>
        <button type="button" onClick={() => navigate('/attempts')}>
          {t('attempt.open.back')}
        </button>
      </section>
    );
  }
  const { session } = result;
  const readOnly = view.role !== 'driving';
  return (
    <Suspense fallback={<p aria-busy="true">{t('attempt.loading')}</p>}>
      <div role="status" className="tab-status">
        {view.role === 'following' && (
          <div className="notice">
            <p>{t('attempt.tabs.following')}</p>
            <div className="form-actions">
              <button type="button" className="primary" onClick={takeOver}>
                {t('attempt.tabs.continueHere')}
              </button>
            </div>
          </div>
        )}
        {view.role === 'asking' && <p className="notice">{t('attempt.tabs.asking')}</p>}
        {view.role === 'driving' && view.tookOver && <p className="notice">{t('attempt.tabs.tookOver')}</p>}
      </div>
      {exportFailed && (
        <p role="alert" className="error">
          {t('attempts.history.exportFailed')}
        </p>
      )}
      <ActiveDrill
        key={id}
        session={session}
        locale={locale}
        readOnly={readOnly}
        onExit={() => navigate('/')}
        onReplay={() => navigate(`/attempt/${id}/replay`)}
        onExport={() => void exportAttempt(session.attempt.getState()).then((ok) => setExportFailed(!ok))}
        onAgain={() => void startAttempt(session.entry, trainee).then((next) => navigate(`/attempt/${next}`))}
        onRetry={(turn) => void retryAttempt(session.attempt.getState(), turn).then((next) => next && navigate(`/attempt/${next}`))}
      />
    </Suspense>
  );
}
