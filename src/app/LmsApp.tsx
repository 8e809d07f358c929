import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { LOCALES, type Locale } from '../domain/text/localized-text';
import type { PackageStandard } from '../domain/lms/manifests';
import { useLocaleSections } from '../components/use-locale-sections';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useAppStore } from '../state/app-store';
import { attemptsStore, useAttempts } from '../state/attempts/use-attempts';
import { ActiveDrill } from './ActiveDrill';
import { launch, lmsStatus, type LaunchResult } from './lms-launch';
import type { LiveSession } from './sessions';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The app inside an LMS: the launched scenario only, with the LMS connection's state above it. */
export default function LmsApp({ standard }: { standard: PackageStandard }) {
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
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
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
        </div>
      </header>
      {storageError && (
        <p role="alert" className="storage-error">
          {t(storageError.key)}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary
          fallback={() => (
            <div role="alert" className="error">
              <p>{t('app.failed')}</p>
            </div>
          )}
        >
          <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
            <LmsDrill standard={standard} locale={locale} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

let launching: Promise<LaunchResult> | null = null;
const launchOnce = (standard: PackageStandard, locale: Locale) => (launching ??= launch(standard, locale));

function LmsDrill({ standard, locale }: { standard: PackageStandard; locale: Locale }) {
  useLocaleSections(['lms', 'drill', 'debrief', 'deal']);
  const { t } = useTranslation();
  const status = useStore(lmsStatus);
  const [result, setResult] = useState<LaunchResult | null>(null);
  const [left, setLeft] = useState(false);

  useEffect(() => {
    let current = true;
    // One launch per page load (the LMS session is initialized once), in the locale in force then.
    launchOnce(standard, locale).then(
      (r) => current && setResult(r),
      (e: unknown) => current && setResult({ ok: false, problem: 'failed', detail: String((e as Error)?.message ?? e) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the launch does not follow later locale changes
  }, [standard]);

  const standardName = t(`lms.standard.${standard}`);
  return (
    <>
      <section className="lms-status" aria-label={t('lms.status.label')}>
        <p role="status">
          {status.phase === 'connected' && t('lms.status.connected', { standard: standardName })}
          {status.phase === 'connecting' && t('lms.status.connecting', { standard: standardName })}
          {status.phase === 'none' && t('lms.status.none', { standard: standardName })}
          {status.phase === 'failed' && t('lms.status.failed', { standard: standardName })}
          {status.phase === 'ended' && t('lms.status.ended')}
          {status.resumed && ` ${t('lms.status.resumed')}`}
        </p>
        {status.lastCommit === 'failed' && (
          <p role="alert" className="error">
            {t('lms.status.commitFailed')}
          </p>
        )}
        {status.errors.length > 0 && (
          <details className="lms-errors">
            <summary>{t('lms.status.errors', { count: status.errors.length })}</summary>
            <ul>
              {status.errors.map((e, i) => (
                <li key={i}>{t('lms.status.error', { call: e.call, element: e.element ?? '', code: e.code, text: e.text })}</li>
              ))}
            </ul>
          </details>
        )}
        {status.notes.map((n, i) => (
          <p key={i} className="error">
            {t(n.key, n.args ?? {})}
          </p>
        ))}
      </section>
      {!result && <p aria-busy="true">{t('lms.loading')}</p>}
      {result && !result.ok && (
        <p role="alert" className="error">
          {t(`lms.problem.${result.problem}`, { detail: 'detail' in result ? result.detail : '' })}
        </p>
      )}
      {result?.ok && left && <p className="panel">{t('lms.left')}</p>}
      {result?.ok && !left && (
        <ActiveDrill
          session={Object.assign(result.session, { scenario: result.scenario, entry: result.entry }) as LiveSession}
          locale={locale}
          onExit={() => {
            result.finish();
            setLeft(true);
          }}
        />
      )}
    </>
  );
}
