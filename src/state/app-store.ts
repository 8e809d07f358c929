/** The app around the simulation: locale and preferences. The drill itself lives in its XState actor. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { isLocale, type Locale } from '../domain/text/localized-text';

/** The browser's preferred language, mapped to one the app speaks. */
export function browserLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Locale {
  for (const l of languages) {
    if (isLocale(l)) return l;
    if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

interface AppState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      locale: browserLocale(),
      setLocale: (locale) => set({ locale }),
    }),
    { name: 'ltc-app', version: 1 },
  ),
);
