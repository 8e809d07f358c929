import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Locale } from '../domain/text/localized-text';
import { useLocaleSections } from '../components/use-locale-sections';
import { useAppStore } from '../state/app-store';
import { ActiveDrill } from './ActiveDrill';
import { exportAttempt } from './export-attempt';
import { openAttempt, startAttempt, type OpenResult } from './sessions';

/** One attempt: the drill while it runs, the debrief once it ends; opened live or by replaying its log. */
export default function AttemptPage({ id, locale }: { id: string; locale: Locale }) {
  useLocaleSections(['drill', 'debrief', 'deal']);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const trainee = useAppStore((s) => s.preferences.trainee);
  const [opened, setOpened] = useState<{ id: string; result: OpenResult } | null>(null);
  const [exportFailed, setExportFailed] = useState(false);

  useEffect(() => {
    let current = true;
    openAttempt(id).then((result) => current && setOpened({ id, result }));
    return () => {
      current = false;
    };
  }, [id]);

  if (!opened || opened.id !== id) return <p aria-busy="true">{t('attempt.loading')}</p>;
  const { result } = opened;
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
  return (
    <Suspense fallback={<p aria-busy="true">{t('attempt.loading')}</p>}>
      {exportFailed && (
        <p role="alert" className="error">
          {t('attempts.history.exportFailed')}
        </p>
      )}
      <ActiveDrill
        key={id}
        session={session}
        locale={locale}
        onExit={() => navigate('/')}
        onReplay={() => navigate(`/attempt/${id}/replay`)}
        onExport={() => void exportAttempt(session.attempt.getState()).then((ok) => setExportFailed(!ok))}
        onAgain={() => void startAttempt(session.entry, trainee).then((next) => navigate(`/attempt/${next}`))}
      />
    </Suspense>
  );
}
