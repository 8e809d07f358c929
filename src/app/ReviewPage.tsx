import * as Tabs from '@radix-ui/react-tabs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useLocaleSections } from '../components/use-locale-sections';
import type { ScenarioMeta } from '../domain/scenario/model';
import { isLocale, type Locale } from '../domain/text/localized-text';
import { loadLocaleSections, missingSections } from '../locales/resources';
import { useAttempts } from '../state/attempts/use-attempts';
import { releaseCheckWorkers, warmCheckWorkers } from '../state/review/check-workers';
import { fromBrowserFile } from '../state/review/import-files';
import { reviewStore, useReview } from '../state/review/review-store';
import { bundledScenarios } from '../state/scenario-library';
import { CohortBar } from '../features/review/CohortBar';
import { ImportedAttempts } from '../features/review/ImportedAttempts';
import { ImportReport } from '../features/review/ImportReport';
import { ImportZone } from '../features/review/ImportZone';
import { exportAttempt } from './export-attempt';

// The LRS panel (and the xAPI client it needs) loads with the page, after its first paint.
const LrsPanel = lazy(() => import('../features/lms/LrsPanel').then((m) => ({ default: m.LrsPanel })));
const startReporting = () => void import('./xapi-reporter').then((m) => m.startXapiReporting());

// The dashboard's code loads while the page is open, before the tab is chosen. It is not React.lazy:
// a lazy component suspends on its first render even when its code is there, and React holds back
// what a suspended boundary reveals for a while; a module already loaded renders at once.
let dashboard: typeof import('./DashboardPanel') | null = null;
const loadDashboard = () => import('./DashboardPanel').then((m) => (dashboard = m));

function DashboardTab(props: Parameters<typeof import('./DashboardPanel').default>[0]) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(dashboard);
  useEffect(() => {
    if (!loaded) void loadDashboard().then(setLoaded);
  }, [loaded]);
  if (!loaded) return <p aria-busy="true">{t('review.dashboard.loading')}</p>;
  const Panel = loaded.default;
  return <Panel {...props} />;
}

/** The cohort lead's page: cohorts, importing attempt files, the imported attempts, and the dashboard. */
export default function ReviewPage({ tab, locale }: { tab: 'attempts' | 'dashboard'; locale: Locale }) {
  useLocaleSections(['review', 'attemptFile', 'attempts', 'lrs']);
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const cohortId = new URLSearchParams(useSearch()).get('cohort');
  const all = useAttempts((s) => s.records);
  const cohorts = useReview((s) => s.cohorts);
  const corruptCohorts = useReview((s) => s.corruptCohorts);
  const importing = useReview((s) => s.importing);
  const lastImport = useReview((s) => s.lastImport);
  const storageError = useReview((s) => s.storageError);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const review = reviewStore();

  useEffect(() => {
    if (!review.getState().loaded) void review.getState().load();
  }, [review]);
  // Ready before the files come: the workers that check them, and the dashboard's code.
  useEffect(() => {
    warmCheckWorkers();
    void loadDashboard();
    if (isLocale(i18n.language)) void loadLocaleSections(i18n, i18n.language, missingSections(i18n, i18n.language, ['cohort'])).catch(() => undefined);
    return releaseCheckWorkers;
  }, [i18n]);

  const cohort = cohorts.find((c) => c.id === cohortId) ?? null;
  const imported = useMemo(() => all.filter((r) => r.imported), [all]);
  const shown = useMemo(() => {
    if (!cohort) return imported;
    const members = new Set(cohort.attemptIds);
    return imported.filter((r) => members.has(r.id));
  }, [imported, cohort]);
  const metas = useMemo(() => Object.fromEntries(bundledScenarios().flatMap((e) => (e.meta ? [[e.meta.id, e.meta] as [string, ScenarioMeta]] : []))), []);
  const chosen = shown.filter((r) => selected.has(r.id)).map((r) => r.id);
  const search = (id: string | null) => (id ? `?cohort=${encodeURIComponent(id)}` : '');
  const go = (nextTab: string, id: string | null = cohort?.id ?? null) => navigate(`/review${nextTab === 'dashboard' ? '/dashboard' : ''}${search(id)}`);

  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
  };
  const exportOne = async (id: string) => {
    const record = all.find((r) => r.id === id);
    setProblem(record && (await exportAttempt(record)) ? null : t('review.attempts.exportFailed'));
  };

  return (
    <div className="review-page">
      <h2>{t('review.heading')}</h2>
      <p className="tagline">{t('review.intro')}</p>
      <CohortBar
        cohorts={cohorts}
        current={cohort?.id ?? null}
        onChoose={(id) => go(tab, id)}
        onCreate={(name) => void review.getState().createCohort(name).then((c) => c && go(tab, c.id))}
        onRename={(id, name) => void review.getState().renameCohort(id, name)}
        onDelete={(id) => void review.getState().deleteCohort(id).then(() => go(tab, null))}
      />
      {corruptCohorts.length > 0 && <p className="meta">{t('review.cohorts.corrupt', { count: corruptCohorts.length })}</p>}
      {storageError && (
        <p role="alert" className="storage-error">
          {t(storageError.key)}
        </p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <Tabs.Root value={tab} onValueChange={(v) => go(v)}>
        <Tabs.List className="tabs" aria-label={t('review.tabs.label')}>
          <Tabs.Trigger value="attempts" className="tab">
            {t('review.tabs.attempts')} <span className="tab-count">{shown.length}</span>
          </Tabs.Trigger>
          <Tabs.Trigger value="dashboard" className="tab">
            {t('review.tabs.dashboard')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="attempts" className="tab-panel">
          <ImportZone
            title={t('review.import.title')}
            hint={t('review.import.hint')}
            importing={importing}
            onFiles={(files) => void review.getState().importFiles(files.map(fromBrowserFile), cohort?.id ?? null)}
          />
          <Suspense fallback={null}>
            <LrsPanel cohortId={cohort?.id ?? null} cohortName={cohort?.name ?? null} onSaved={(s) => s?.sendAttempts && startReporting()} />
          </Suspense>
          {lastImport && <ImportReport outcomes={lastImport} onDismiss={() => review.getState().dismissImport()} />}
          {chosen.length > 0 && (
            <div className="bulk-actions" role="group" aria-label={t('review.attempts.selected', { count: chosen.length })}>
              <span>{t('review.attempts.selected', { count: chosen.length })}</span>
              {cohorts.length > 0 && (
                <>
                  <label>
                    <span className="visually-hidden">{t('review.attempts.addTo')}</span>
                    <select value={target} onChange={(e) => setTarget(e.target.value)}>
                      <option value="">{t('review.attempts.addTo')}</option>
                      {cohorts.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" disabled={!target} onClick={() => void review.getState().setMembers(target, chosen, true)}>
                    {t('review.attempts.add')}
                  </button>
                </>
              )}
              {cohort && (
                <button type="button" onClick={() => void review.getState().setMembers(cohort.id, chosen, false).then(() => setSelected(new Set()))}>
                  {t('review.attempts.removeFromCohort')}
                </button>
              )}
              <ConfirmDialog
                trigger={<button type="button">{t('review.attempts.delete')}</button>}
                title={t('review.attempts.deleteTitle', { count: chosen.length })}
                description={t('review.attempts.deleteText')}
                confirm={t('review.attempts.deleteYes')}
                cancel={t('review.cohorts.cancel')}
                danger
                onConfirm={() => void review.getState().removeAttempts(chosen).then(() => setSelected(new Set()))}
              />
            </div>
          )}
          <ImportedAttempts
            records={shown}
            scenarios={metas}
            locale={locale}
            selected={selected}
            onSelect={select}
            onReplay={(id) => navigate(`/review/attempt/${id}`)}
            onExport={(id) => void exportOne(id)}
          />
        </Tabs.Content>
        <Tabs.Content value="dashboard" className="tab-panel">
          {tab === 'dashboard' && (
            <Suspense fallback={<p aria-busy="true">{t('review.dashboard.loading')}</p>}>
              <DashboardTab records={shown} locale={locale} onOpenMoment={(id, turn) => navigate(`/review/attempt/${id}?turn=${turn}`)} />
            </Suspense>
          )}
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
