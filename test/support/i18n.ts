/** i18next for component tests, with the app's real resources. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ALL_RESOURCES } from '../../src/locales/all-resources';

export function initTestI18n(lng: 'en' | 'zh-CN' = 'en') {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({ resources: ALL_RESOURCES, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  }
  return i18n;
}
