import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdate } from './app-update';

/** Whether the browser says it is online, kept up to date. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * What the app says about itself as an installed app: a new version waits (reload now or later), or
 * the network is gone (and nothing is lost). That the app is kept for offline use is said in
 * Preferences, not here: a notice arriving a few seconds after the first screen would move the page
 * under the trainee's pointer.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const status = useUpdate((s) => s.status);
  const dismissed = useUpdate((s) => s.dismissed);
  const apply = useUpdate((s) => s.apply);
  const dismiss = useUpdate((s) => s.dismiss);
  const online = useOnline();
  return (
    <div className="app-notices" role="status">
      {!online && <p className="notice">{t('app.offline')}</p>}
      {status === 'update-ready' && !dismissed && (
        <div className="notice update-notice">
          <p>
            <strong>{t('app.update.ready')}</strong> {t('app.update.readyHint')}
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={apply}>
              {t('app.update.reload')}
            </button>
            <button type="button" onClick={dismiss}>
              {t('app.update.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
