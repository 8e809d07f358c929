import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useLocaleSections } from '../components/use-locale-sections';
import type { ScenarioModel } from '../domain/scenario/model';
import type { Locale } from '../domain/text/localized-text';
import { useAppStore } from '../state/app-store';
import { appRepository, attemptsStore, useAttempts } from '../state/attempts/use-attempts';
import { newerInLibrary, resolveScenario, type ResolvedScenario } from '../state/review/scenario-models';
import { loadScenario } from '../state/scenario-library';
import { ReplayViewer } from '../features/replay/ReplayViewer';
import { exportAttempt } from './export-attempt';
import { entryFor, retryAttempt } from './sessions';

type Loaded = { scenario: ResolvedScenario; newer: ScenarioModel | null } | { problem: 'not-found' | 'corrupt' | 'scenario-missing' };

/**
 * The replay of one attempt: the trainee's own (their coach's notes read-only), or an imported one
 * for a cohort lead to coach. Finds the model the attempt was played on (the library's, or compiled
 * from the source kept with it) and any newer version to re-score against. `?turn=` opens a move.
 */
export default function ReplayPage({ id, mode, locale }: { id: string; mode: 'coach' | 'trainee'; locale: Locale }) {
  useLocaleSections(['replay', 'drill', 'debrief', 'review', 'deal']);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const turn = Number(new URLSearchParams(useSearch()).get('turn') ?? 0);
  const name = useAppStore((s) => s.preferences.trainee);
  const record = useAttempts((s) => s.records.find((r) => r.id === id));
  const loadedRecords = useAttempts((s) => s.loaded);
  const [loaded, setLoaded] = useState<{ id: string; value: Loaded } | null>(null);
  const [exportFailed, setExportFailed] = useState(false);
  const hash = record?.scenario.hash;
  const scenarioId = record?.scenario.id;

  useEffect(() => {
    if (!loadedRecords) void attemptsStore.getState().load();
  }, [loadedRecords]);
  useEffect(() => {
    let current = true;
    const done = (value: Loaded) => current && setLoaded({ id, value });
    if (!loadedRecords) return;
    if (!hash || !scenarioId) {
      void attemptsStore.getState().find(id).then((found) => done({ problem: found.status === 'corrupt' ? 'corrupt' : 'not-found' }));
    } else {
      void (async () => {
        const scenario = await resolveScenario(hash, appRepository.getSource);
        if (!scenario) return done({ problem: 'scenario-missing' });
        const entry = newerInLibrary(scenarioId, hash);
        const newer = entry ? (await loadScenario(entry.file)).model : null;
        done({ scenario, newer });
      })();
    }
    return () => {
      current = false;
    };
  }, [id, hash, scenarioId, loadedRecords]);

  const back = mode === 'coach' ? '/review' : '/attempts';
  if (!loaded || loaded.id !== id) return <p aria-busy="true">{t('app.loading')}</p>;
  if ('problem' in loaded.value || !record) {
    const problem = 'problem' in loaded.value ? loaded.value.problem : 'not-found';
    return (
      <section className="panel" aria-labelledby="replay-problem">
        <h2 id="replay-problem">{t('attempt.open.heading')}</h2>
        <p role="alert">{t(`attempt.open.${problem}`, { version: record?.scenario.version ?? '' })}</p>
        <button type="button" onClick={() => navigate(back)}>
          {t('attempt.open.back')}
        </button>
      </section>
    );
  }
  const { scenario, newer } = loaded.value;
  return (
    <>
      {exportFailed && (
        <p role="alert" className="error">
          {t('review.attempts.exportFailed')}
        </p>
      )}
      <ReplayViewer
        key={id}
        model={scenario.model}
        record={record}
        exemplar={scenario.exemplar}
        locale={locale}
        mode={mode}
        coachName={name}
        onCoaching={mode === 'coach' ? (coaching) => void attemptsStore.getState().update({ ...record, coaching }) : undefined}
        initialTurn={Number.isInteger(turn) && turn >= 0 ? turn : 0}
        onTurnChange={(next) => navigate(`${mode === 'coach' ? `/review/attempt/${id}` : `/attempt/${id}/replay`}?turn=${next}`, { replace: true })}
        newer={newer}
        onExit={() => navigate(back)}
        onExport={() => void exportAttempt(record).then((ok) => setExportFailed(!ok))}
        onRetry={mode === 'trainee' && entryFor(record).entry ? (turn) => void retryAttempt(record, turn).then((next) => next && navigate(`/attempt/${next}`)) : undefined}
      />
    </>
  );
}
