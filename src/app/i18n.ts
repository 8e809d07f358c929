import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES } from '../locales/resources';
import type { Locale } from '../domain/text/localized-text';

/** Sets up i18next with both locales; `lng` comes from the app store. */
export function initI18n(lng: Locale) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: RESOURCES,
      lng,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  }
  return i18n;
}
