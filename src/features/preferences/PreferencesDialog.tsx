import * as Dialog from '@radix-ui/react-dialog';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SAY_FIRST_MODES, TRAINEE_NAME_MAX, useAppStore } from '../../state/app-store';
import { DataPanel } from './DataPanel';

/**
 * The trainee's preferences in an accessible dialog (Radix): name, "say it your way first",
 * explain-backs, and the data this browser keeps (storage, backup and restore). Saved as they change. Opened by the app's header button, which loads this module
 * on first use; `onClose` gives focus back to that button.
 */
export default function PreferencesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const preferences = useAppStore((s) => s.preferences);
  const setPreferences = useAppStore((s) => s.setPreferences);
  return (
    <Dialog.Root defaultOpen onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={(e) => e.preventDefault()}>
          <Dialog.Title className="dialog-title">{t('preferences.title')}</Dialog.Title>
          <Dialog.Description className="dialog-description">{t('preferences.description')}</Dialog.Description>
          <div className="preferences">
            <div className="field">
              <label htmlFor="preferences-trainee">{t('preferences.trainee')}</label>
              <input
                id="preferences-trainee"
                type="text"
                autoComplete="name"
                maxLength={TRAINEE_NAME_MAX}
                value={preferences.trainee}
                onChange={(e) => setPreferences({ trainee: e.target.value })}
                aria-describedby="preferences-trainee-hint"
              />
              <span className="meta" id="preferences-trainee-hint">
                {t('preferences.traineeHint')}
              </span>
            </div>
            <fieldset>
              <legend>{t('preferences.sayFirst')}</legend>
              <p className="meta">{t('preferences.sayFirstHint')}</p>
              {SAY_FIRST_MODES.map((mode) => (
                <label key={mode} className="choice">
                  <input type="radio" name="say-first" value={mode} checked={preferences.sayFirst === mode} onChange={() => setPreferences({ sayFirst: mode })} />{' '}
                  {t(`preferences.sayFirstMode.${mode}`)}
                </label>
              ))}
            </fieldset>
            <label className="choice">
              <input type="checkbox" checked={preferences.explainBack} onChange={(e) => setPreferences({ explainBack: e.target.checked })} />{' '}
              {t('preferences.explainBack')}
            </label>
            <label className="choice">
              <input type="checkbox" checked={preferences.coachMe} onChange={(e) => setPreferences({ coachMe: e.target.checked })} aria-describedby="preferences-coach-me-hint" />{' '}
              {t('preferences.coachMe')}
            </label>
            <p className="meta" id="preferences-coach-me-hint">
              {t('preferences.coachMeHint')}
            </p>
            <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
              <DataPanel />
            </Suspense>
          </div>
          <div className="form-actions">
            <Dialog.Close asChild>
              <button type="button" className="primary">
                {t('preferences.done')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
