import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../domain/text/localized-text';
import { useAppStore } from '../state/app-store';
import { bundledScenarios, loadScenario, type LibraryEntry, type LoadedScenario } from '../state/scenario-library';
import { attemptsStore, useAttempts } from '../state/attempts/use-attempts';
import { ScenarioLibrary } from '../features/library/ScenarioLibrary';
import type { DrillSession } from './drill-session';

import { ActiveDrill } from './ActiveDrill';

// The drill session (XState and the engine) loads when a scenario is opened, not with the library.
const sessions = () => import('./drill-session');

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function App() {
  const { t, i18n } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const entries = useMemo(() => bundledScenarios(), []);
  const records = useAttempts((s) => s.records);
  const storageError = useAttempts((s) => s.storageError);
  const [session, setSession] = useState<(DrillSession & { scenario: LoadedScenario }) | null>(null);

  useEffect(() => {
    void attemptsStore.getState().load();
  }, []);
  useEffect(() => () => session?.stop(), [session]);

  const change = (l: Locale) => {
    setLocale(l);
    void i18n.changeLanguage(l);
    document.documentElement.lang = l;
  };

  // The newest unfinished attempt per scenario, when it was made with this version of it.
  const resumable = useMemo(() => {
    const out: Record<string, string> = {};
    for (const e of entries) {
      const r = records
        .filter((rec) => rec.status === 'in-progress' && rec.scenario.id === e.meta?.id && rec.scenario.hash === e.meta.hash)
        .sort((a, b) => b.updatedAt - a.updatedAt)[0];
      if (r) out[e.file] = r.id;
    }
    return out;
  }, [entries, records]);

  const open = async (entry: LibraryEntry, continuing: boolean) => {
    const [scenario, { startSession, continueSession }] = await Promise.all([loadScenario(entry.file), sessions()]);
    const record = continuing ? records.find((r) => r.id === resumable[entry.file]) : undefined;
    const s = (record && continueSession(scenario.model, record)) || startSession(scenario.model);
    setSession(Object.assign(s, { scenario }));
  };

  return (
    <div className="app">
      <header>
        <h1>{t('app.title')}</h1>
        <label>
          {t('app.language')}{' '}
          <select value={locale} onChange={(e) => change(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {storageError && (
        <p role="alert" className="storage-error">
          {t(storageError.key)}
        </p>
      )}
      <main>
        {session ? (
          <Suspense fallback={<p aria-busy="true">…</p>}>
            <ActiveDrill
              key={session.record.id}
              session={session}
              locale={locale}
              onExit={() => setSession(null)}
              onAgain={() => void open(entries.find((e) => e.meta?.id === session.model.id)!, false)}
            />
          </Suspense>
        ) : (
          <>
            <p>{t('app.tagline')}</p>
            <h2>{t('library.heading')}</h2>
            <ScenarioLibrary entries={entries} locale={locale} onStart={(e) => void open(e, false)} onContinue={(e) => void open(e, true)} resumable={resumable} />
          </>
        )}
      </main>
    </div>
  );
}
