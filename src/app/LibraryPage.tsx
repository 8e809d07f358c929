import * as Tabs from '@radix-ui/react-tabs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Locale } from '../domain/text/localized-text';
import { useLocaleSections } from '../components/use-locale-sections';
import { useAppStore } from '../state/app-store';
import { useAttempts } from '../state/attempts/use-attempts';
import { bundledScenarios, type LibraryEntry } from '../state/scenario-library';
import { LibraryFilterBar } from '../features/library/LibraryFilterBar';
import { matchesFilters, NO_FILTERS, progressByScenario } from '../features/library/library-filter';
import { ScenarioLibrary } from '../features/library/ScenarioLibrary';
import { ScenarioImport } from '../features/library/ScenarioImport';
import { learningPath } from '../features/library/learning-path';
import { LearningPathSummary } from '../features/library/LearningPathSummary';
import { userScenariosStore, useUserScenarios } from '../state/user-scenarios/user-scenarios-store';
import { ownEntry } from '../state/user-scenarios/play';
import { startAttempt } from './sessions';

// The attempts tab (history, damaged records, feedback import) loads when it is opened.
const AttemptsTab = lazy(() => import('./AttemptsTab'));

/** The trainee's home: the scenario library (filters, best scores, start/continue) and their attempts. */
export function LibraryPage({ tab, locale }: { tab: 'scenarios' | 'attempts'; locale: Locale }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const ownRecords = useUserScenarios((s) => s.records);
  const ownLoaded = useUserScenarios((s) => s.loaded);
  useEffect(() => {
    if (!ownLoaded) void userScenariosStore.getState().load();
  }, [ownLoaded]);
  // The bundled scenarios and, beside them, the trainer's own (kept in this browser).
  const entries = useMemo(() => [...bundledScenarios(), ...ownRecords.map(ownEntry)], [ownRecords]);
  // Diagnostics are worded in the trainee's language; their texts load only when a scenario has some.
  useLocaleSections(entries.some((e) => e.diagnostics.some((d) => d.severity === 'error')) ? ['diagnostics'] : []);
  const records = useAttempts((s) => s.records);
  const attemptsLoaded = useAttempts((s) => s.loaded);
  const trainee = useAppStore((s) => s.preferences.trainee);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [problem, setProblem] = useState<string | null>(null);
  const own = useMemo(() => records.filter((r) => !r.imported), [records]);
  const progress = useMemo(() => progressByScenario(own), [own]);
  const path = useMemo(() => learningPath(entries, progress, locale), [entries, progress, locale]);
  const shown = path.ordered.filter((e) => matchesFilters(e.own?.fileName ?? e.file, e.meta, filters, progress));
  const next = entries.find((e) => e.file === path.next) ?? null;

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
        <h2 className="visually-hidden">{t('library.heading')}</h2>
        <p className="tagline">{t('app.tagline')}</p>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <LearningPathSummary levels={path.levels} next={attemptsLoaded ? next : null} locale={locale} onStart={start} />
        <LibraryFilterBar filters={filters} onChange={setFilters} shown={shown.length} total={entries.length} />
        <ScenarioLibrary
          entries={shown}
          locale={locale}
          progress={progress}
          resumable={resumable}
          onStart={start}
          onContinue={(e) => navigate(`/attempt/${resumable[e.file]}`)}
          emptyText={entries.length ? t('library.filters.none') : undefined}
          next={attemptsLoaded ? path.next : null}
          progressKnown={attemptsLoaded}
        />
        <section className="panel own-scenarios" aria-labelledby="own-scenarios-heading">
          <h3 id="own-scenarios-heading">{t('library.own.heading')}</h3>
          <p className="hint">
            {t('library.own.hint')} <a href="#/workshop">{t('library.own.workshop')}</a>
          </p>
          <ScenarioImport />
        </section>
      </Tabs.Content>
      <Tabs.Content value="attempts" className="tab-panel">
        <h2 className="visually-hidden">{t('attempts.history.heading')}</h2>
        {tab === 'attempts' && (
          <Suspense fallback={<p aria-busy="true">{t('attempt.loading')}</p>}>
            <AttemptsTab locale={locale} />
          </Suspense>
        )}
      </Tabs.Content>
    </Tabs.Root>
  );
}
