import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { LOCALES, type Locale } from '../domain/text/localized-text';
import { useAppStore } from '../state/app-store';
import { attemptsStore, useAttempts } from '../state/attempts/use-attempts';
import { PreferencesDialog } from '../features/preferences/PreferencesDialog';
import { AttemptPage } from './AttemptPage';
import { LibraryPage } from './LibraryPage';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The app shell: header (title, language, preferences), the storage banner, and the pages by hash route. */
export function App() {
  const { t, i18n } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const storageError = useAttempts((s) => s.storageError);

  useEffect(() => {
    void attemptsStore.getState().load();
  }, []);
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);

  return (
    <Router hook={useHashLocation}>
      <div className="app">
        <a className="skip-link" href="#main" onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}>
          {t('app.skip')}
        </a>
        <header className="app-header">
          <Link href="/" className="app-title">
            <h1>{t('app.title')}</h1>
          </Link>
          <div className="header-tools">
            <label>
              {t('app.language')}{' '}
              <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
            <PreferencesDialog />
          </div>
        </header>
        {storageError && (
          <p role="alert" className="storage-error">
            {t(storageError.key)}
          </p>
        )}
        <main id="main" tabIndex={-1}>
          <Switch>
            <Route path="/attempt/:id">{(params) => <AttemptPage id={params.id} locale={locale} />}</Route>
            <Route path="/attempts">
              <LibraryPage tab="attempts" locale={locale} />
            </Route>
            <Route>
              <LibraryPage tab="scenarios" locale={locale} />
            </Route>
          </Switch>
        </main>
      </div>
    </Router>
  );
}
