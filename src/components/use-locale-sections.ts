import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../domain/text/localized-text';
import { loadLocaleSections, missingSections } from '../locales/resources';

/**
 * Loads started, by language and the sections a component asked for. A load that succeeded stays
 * here: a component that suspended on it calls `use()` on the same (settled) promise when it renders
 * again, as React expects of a component that suspended; a failed one is dropped, so a retry loads again.
 */
const loads = new Map<string, Promise<void>>();

/**
 * Makes sure the UI strings of `sections` are loaded in the current language before rendering:
 * suspends (to the nearest Suspense boundary) while they load. A failed load is retried next time.
 */
export function useLocaleSections(sections: readonly string[]) {
  const { i18n } = useTranslation();
  const lang = isLocale(i18n.language) ? i18n.language : 'en';
  const key = `${lang}:${sections.join(',')}`;
  let load = loads.get(key);
  if (!load) {
    const missing = missingSections(i18n, lang, sections);
    // Everything is there and nobody waited for it: nothing to wait for, now or on later renders.
    if (missing.length === 0) return;
    load = loadLocaleSections(i18n, lang, missing);
    loads.set(key, load);
    load.catch(() => loads.delete(key));
  }
  use(load);
}
