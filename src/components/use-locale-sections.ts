import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../domain/text/localized-text';
import { loadLocaleSections, missingSections } from '../locales/resources';

const loading = new Map<string, Promise<void>>();

/**
 * Makes sure the UI strings of `sections` are loaded in the current language before rendering:
 * suspends (to the nearest Suspense boundary) while they load. A failed load is retried next time.
 */
export function useLocaleSections(sections: readonly string[]) {
  const { i18n } = useTranslation();
  const lang = isLocale(i18n.language) ? i18n.language : 'en';
  const missing = missingSections(i18n, lang, sections);
  if (missing.length === 0) return;
  const key = `${lang}:${missing.join(',')}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = loadLocaleSections(i18n, lang, missing);
    loading.set(key, pending);
    pending.then(
      () => loading.delete(key),
      () => loading.delete(key),
    );
  }
  use(pending);
}
