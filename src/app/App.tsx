import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../domain/text/localized-text';
import { useAppStore } from '../state/app-store';
import { bundledScenarios, type LibraryEntry } from '../state/scenario-library';
import { attemptsStore, resumeInfo, useAttempts } from '../state/attempts/use-attempts';
import { ScenarioLibrary } from '../features/library/ScenarioLibrary';
import { DrillScreen } from '../features/drill/DrillScreen';
import { continueSession, startSession, type DrillSession } from './drill-session';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function App() {
  const { t, i18n } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const entries = useMemo(() => bundledScenarios(), []);
  const records = useAttempts((s) => s.records);
  const storageError = useAttempts((s) => s.storageError);
  const [session, setSession] = useState<DrillSession | null>(null);

  useEffect(() => {
    void attemptsStore.getState().load();
  }, []);
  useEffect(() => () => session?.stop(), [session]);

  const change = (l: Locale) => {
    setLocale(l);
    void i18n.changeLanguage(l);
    document.documentElement.lang = l;
  };

  // The newest unfinished attempt per scenario that can still be continued.
  const resumable = useMemo(() => {
    const out: Record<string, string> = {};
    for (const e of entries) {
      if (!e.model) continue;
      const r = records
        .filter((rec) => rec.status === 'in-progress' && resumeInfo(rec, e.model!).kind === 'continue')
        .sort((a, b) => b.updatedAt - a.updatedAt)[0];
      if (r) out[e.file] = r.id;
    }
    return out;
  }, [entries, records]);

  const start = (entry: LibraryEntry) => entry.model && setSession(startSession(entry.model));
  const resume = (entry: LibraryEntry) => {
    const record = records.find((r) => r.id === resumable[entry.file]);
    if (entry.model && record) setSession(continueSession(entry.model, record) ?? startSession(entry.model));
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
          <DrillScreen key={session.record.id} model={session.model} actor={session.actor} locale={locale} onExit={() => setSession(null)} />
        ) : (
          <>
            <p>{t('app.tagline')}</p>
            <h2>{t('library.heading')}</h2>
            <ScenarioLibrary entries={entries} locale={locale} onStart={start} onContinue={resume} resumable={resumable} />
          </>
        )}
      </main>
    </div>
  );
}
