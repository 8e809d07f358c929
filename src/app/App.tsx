import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { LOCALES, type Locale } from '../domain/text/localized-text';
import { useAppStore } from '../state/app-store';
import { attemptsStore, useAttempts } from '../state/attempts/use-attempts';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LibraryPage } from './LibraryPage';
import { UpdatePrompt } from './UpdatePrompt';
import { keepOnceThereIsWork } from '../state/storage-status';
import { warnBeforeUnload } from '../state/user-scenarios/user-scenarios-store';

// Pages other than the library load when they are opened.
const AttemptPage = lazy(() => import('./AttemptPage'));
const ReplayPage = lazy(() => import('./ReplayPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));
const WorkshopPage = lazy(() => import('./WorkshopPage'));
const GuidePage = lazy(() => import('../features/workshop/guide/GuidePage'));

// The preferences dialog (and its dialog primitive) loads when it is first opened.
const PreferencesDialog = lazy(() => import('../features/preferences/PreferencesDialog'));

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The app: its pages by hash route (`#/attempt/<id>`…), so a reload or a shared link opens the same page. */
export function App() {
  return (
    <Router hook={useHashLocation}>
      <Shell />
    </Router>
  );
}

/** The app shell: header (title, language, preferences), the storage banner, and the page. */
function Shell() {
  const { t, i18n } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  const storageError = useAttempts((s) => s.storageError);
  const hasWork = useAttempts((s) => s.records.length > 0);
  const [location] = useLocation();
  const section = location.startsWith('/review') ? 'review' : location.startsWith('/workshop') ? 'workshop' : 'practise';
  const [preferences, setPreferences] = useState(false);
  const preferencesButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void attemptsStore.getState().load();
    // Attempts go to an LRS only when one is set in Review: its code loads only then.
    void import('../state/lms/lms-db').then(({ openLmsDb }) =>
      openLmsDb().then(
        async (db) => {
          const settings = (await db.get('settings', 'lrs')) as { sendAttempts?: unknown } | undefined;
          db.close();
          if (settings?.sendAttempts === true) void import('./xapi-reporter').then((m) => m.startXapiReporting());
        },
        () => undefined,
      ),
    );
  }, []);
  // A trainer's text that is not stored yet is not lost by closing the tab without a word.
  useEffect(() => warnBeforeUnload(), []);
  // Once there is something worth keeping, ask the browser not to clear it to make room.
  useEffect(() => keepOnceThereIsWork(hasWork), [hasWork]);
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);

  return (
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
        <nav className="app-nav" aria-label={t('app.nav')}>
          <Link href="/" aria-current={section === 'practise' ? 'page' : undefined}>
            {t('app.practise')}
          </Link>
          <Link href="/review" aria-current={section === 'review' ? 'page' : undefined}>
            {t('app.review')}
          </Link>
          <Link href="/workshop" aria-current={section === 'workshop' ? 'page' : undefined}>
            {t('app.workshop')}
          </Link>
        </nav>
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
          <button type="button" ref={preferencesButton} className="preferences-button" aria-haspopup="dialog" onClick={() => setPreferences(true)}>
            <span aria-hidden="true">⚙ </span>
            {t('preferences.open')}
          </button>
          {preferences && (
            <Suspense fallback={null}>
              <PreferencesDialog
                onClose={() => {
                  setPreferences(false);
                  preferencesButton.current?.focus();
                }}
              />
            </Suspense>
          )}
        </div>
      </header>
      {storageError && (
        <p role="alert" className="storage-error">
          {t(storageError.key)}
        </p>
      )}
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary
          resetKey={location}
          fallback={(retry) => (
            <div role="alert" className="error">
              <p>{t('app.failed')}</p>
              <button type="button" onClick={retry}>
                {t('app.retry')}
              </button>
            </div>
          )}
        >
          <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
            <Switch>
              <Route path="/attempt/:id/replay">{(params) => <ReplayPage id={params.id} mode="trainee" locale={locale} />}</Route>
              <Route path="/attempt/:id">{(params) => <AttemptPage id={params.id} locale={locale} />}</Route>
              <Route path="/review/attempt/:id">{(params) => <ReplayPage id={params.id} mode="coach" locale={locale} />}</Route>
              {/* One route per page, so that switching its tabs does not remount it (focus and state stay). */}
              <Route path="/review/:tab?">{(params) => <ReviewPage tab={params.tab === 'dashboard' ? 'dashboard' : 'attempts'} locale={locale} />}</Route>
              {/* Before the scenarios' route: "guide" is never a scenario's key (those are random ids). */}
              <Route path="/workshop/guide/:anchor?">{(params) => <GuidePage anchor={params.anchor ? decodeURIComponent(params.anchor) : null} locale={locale} />}</Route>
              <Route path="/workshop/:key?">{(params) => <WorkshopPage selected={params.key ? decodeURIComponent(params.key) : null} locale={locale} />}</Route>
              <Route path="/:tab?">{(params) => <LibraryPage tab={params.tab === 'attempts' ? 'attempts' : 'scenarios'} locale={locale} />}</Route>
              <Route>
                <LibraryPage tab="scenarios" locale={locale} />
              </Route>
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
