import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ScenarioMeta } from '../domain/scenario/model';
import type { Locale } from '../domain/text/localized-text';
import { useLocaleSections } from '../components/use-locale-sections';
import { attemptsStore, useAttempts } from '../state/attempts/use-attempts';
import { fromBrowserFile } from '../state/review/import-files';
import { reviewStore, useReview } from '../state/review/review-store';
import { bundledScenarios } from '../state/scenario-library';
import { AttemptHistory } from '../features/attempts/AttemptHistory';
import { CorruptAttempts } from '../features/attempts/CorruptAttempts';
import { ImportReport } from '../features/review/ImportReport';
import { ImportZone } from '../features/review/ImportZone';
import { exportAttempt } from './export-attempt';

/** "My attempts": the trainee's history (continue, debrief, replay, export, discard), damaged records, and feedback coming back. */
export default function AttemptsTab({ locale }: { locale: Locale }) {
  useLocaleSections(['review', 'attemptFile']);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const records = useAttempts((s) => s.records);
  const corrupt = useAttempts((s) => s.corrupt);
  const importing = useReview((s) => s.importing);
  const lastImport = useReview((s) => s.lastImport);
  const [problem, setProblem] = useState<string | null>(null);
  const own = useMemo(() => records.filter((r) => !r.imported), [records]);
  const metas = useMemo(() => Object.fromEntries(bundledScenarios().flatMap((e) => (e.meta ? [[e.meta.id, e.meta] as [string, ScenarioMeta]] : []))), []);
  const exportOwn = async (id: string) => {
    const record = own.find((r) => r.id === id);
    setProblem(record && (await exportAttempt(record)) ? null : t('attempts.history.exportFailed'));
  };
  return (
    <>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <CorruptAttempts corrupt={corrupt} onDiscard={(id) => void attemptsStore.getState().discard(id)} />
      <AttemptHistory
        records={own}
        scenarios={metas}
        locale={locale}
        onOpen={(id) => navigate(`/attempt/${id}`)}
        onReplay={(id) => navigate(`/attempt/${id}/replay`)}
        onExport={(id) => void exportOwn(id)}
        onDiscard={(id) => void attemptsStore.getState().discard(id)}
      />
      <ImportZone
        title={t('attempts.history.importTitle')}
        hint={t('attempts.history.importHint')}
        importing={importing}
        onFiles={(files) => void reviewStore().getState().importFiles(files.map(fromBrowserFile), null)}
      />
      {lastImport && <ImportReport outcomes={lastImport} onDismiss={() => reviewStore().getState().dismissImport()} />}
    </>
  );
}
