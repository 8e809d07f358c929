import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../domain/text/localized-text';
import { useAppStore } from '../state/app-store';
import { bundledScenarios } from '../state/scenario-library';
import { ScenarioLibrary } from '../features/library/ScenarioLibrary';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function App() {
  const { t, i18n } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const entries = useMemo(() => bundledScenarios(), []);
  const change = (l: Locale) => {
    setLocale(l);
    void i18n.changeLanguage(l);
    document.documentElement.lang = l;
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
      <main>
        <p>{t('app.tagline')}</p>
        <h2>{t('library.heading')}</h2>
        <ScenarioLibrary entries={entries} locale={locale} />
      </main>
    </div>
  );
}
