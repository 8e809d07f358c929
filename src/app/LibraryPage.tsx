import * as Tabs from '@radix-ui/react-tabs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ScenarioMeta } from '../domain/scenario/model';
import type { Locale } from '../domain/text/localized-text';
import { useAppStore } from '../state/app-store';
import { attemptsStore, useAttempts } from '../state/attempts/use-attempts';
import { bundledScenarios, type LibraryEntry } from '../state/scenario-library';
import { AttemptHistory } from '../features/attempts/AttemptHistory';
import { CorruptAttempts } from '../features/attempts/CorruptAttempts';
import { LibraryFilterBar } from '../features/library/LibraryFilterBar';
import { matchesFilters, NO_FILTERS, progressByScenario } from '../features/library/library-filter';
import { ScenarioLibrary } from '../features/library/ScenarioLibrary';
import { ImportReport } from '../features/review/ImportReport';
import { ImportZone } from '../features/review/ImportZone';
import { fromBrowserFile } from '../state/review/import-files';
import { reviewStore, useReview } from '../state/review/review-store';
import { exportAttempt } from './export-attempt';
import { startAttempt } from './sessions';

/** The trainee's home: the scenario library (filters, best scores, start/continue) and their attempts. */
export function LibraryPage({ tab, locale }: { tab: 'scenarios' | 'attempts'; locale: Locale }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const entries = useMemo(() => bundledScenarios(), []);
  const records = useAttempts((s) => s.records);
  const corrupt = useAttempts((s) => s.corrupt);
  const trainee = useAppStore((s) => s.preferences.trainee);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [problem, setProblem] = useState<string | null>(null);
  const importing = useReview((s) => s.importing);
  const lastImport = useReview((s) => s.lastImport);
  const own = useMemo(() => records.filter((r) => !r.imported), [records]);
  const progress = useMemo(() => progressByScenario(own), [own]);
  const shown = entries.filter((e) => matchesFilters(e.file, e.meta, filters, progress));
  const metas = useMemo(() => Object.fromEntries(entries.flatMap((e) => (e.meta ? [[e.meta.id, e.meta] as [string, ScenarioMeta]] : []))), [entries]);

  // The newest unfinished attempt per scenario, when it was made with this version of it.
  const resumable = useMemo(() => {
    const out: Record<string, string> = {};
    for (const e of entries) {
      const r = own.find((rec) => rec.status === 'in-progress' && rec.scenario.id === e.meta?.id && rec.scenario.hash === e.meta.hash);
      if (r) out[e.file] = r.id;
    }
    return out;
  }, [entries, own]);

  const start = (entry: LibraryEntry) => {
    setProblem(null);
    startAttempt(entry, trainee).then(
      (id) => navigate(`/attempt/${id}`),
      () => setProblem(t('library.startFailed')),
    );
  };

  const exportOwn = async (id: string) => {
    const record = own.find((r) => r.id === id);
    setProblem(record && (await exportAttempt(record)) ? null : t('attempts.history.exportFailed'));
  };

  return (
    <Tabs.Root value={tab} onValueChange={(v) => navigate(v === 'attempts' ? '/attempts' : '/')} className="library-page">
      <Tabs.List className="tabs" aria-label={t('library.tabs')}>
        <Tabs.Trigger value="scenarios" className="tab">
          {t('library.heading')}
        </Tabs.Trigger>
        <Tabs.Trigger value="attempts" className="tab">
          {t('attempts.history.heading')} <span className="tab-count">{own.length}</span>
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="scenarios" className="tab-panel">
        <p className="tagline">{t('app.tagline')}</p>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <LibraryFilterBar filters={filters} onChange={setFilters} shown={shown.length} total={entries.length} />
        <ScenarioLibrary
          entries={shown}
          locale={locale}
          progress={progress}
          resumable={resumable}
          onStart={start}
          onContinue={(e) => navigate(`/attempt/${resumable[e.file]}`)}
          emptyText={entries.length ? t('library.filters.none') : undefined}
        />
      </Tabs.Content>
      <Tabs.Content value="attempts" className="tab-panel">
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
      </Tabs.Content>
    </Tabs.Root>
  );
}
