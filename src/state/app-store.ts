/**
 * The app around the simulation: locale and the trainee's preferences. The drill itself lives in its
 * XState actor. Saved in localStorage, versioned; whatever is stored is checked on load, and a bad or
 * foreign value falls back to the default for that field only.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { isLocale, LOCALES, type Locale } from '../domain/text/localized-text';

/** The browser's preferred language, mapped to one the app speaks. */
export function browserLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Locale {
  for (const l of languages) {
    if (isLocale(l)) return l;
    if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

/** "Say it your way first": `auto` asks on advanced scenarios only. */
export const SAY_FIRST_MODES = ['auto', 'always', 'never'] as const;
export type SayFirstMode = (typeof SAY_FIRST_MODES)[number];

export interface Preferences {
  sayFirst: SayFirstMode;
  /** Ask for an explain-back at the end of each stage. */
  explainBack: boolean;
  /** The trainee's name, saved with each new attempt and in exported files. */
  trainee: string;
  /** "Coach me": right after each choice, say why it was right or wrong before the customer replies. */
  coachMe: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { sayFirst: 'auto', explainBack: true, trainee: '', coachMe: false };
export const TRAINEE_NAME_MAX = 80;

/** Whether to ask for the trainee's own words before showing the options of a scenario of `difficulty`. */
export function asksSayFirst(mode: SayFirstMode, difficulty: 'intro' | 'intermediate' | 'advanced'): boolean {
  return mode === 'always' || (mode === 'auto' && difficulty === 'advanced');
}

interface AppState {
  locale: Locale;
  preferences: Preferences;
  setLocale(locale: Locale): void;
  setPreferences(change: Partial<Preferences>): void;
}

const field = (o: unknown, key: string): unknown => (o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[key] : undefined);
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/**
 * Reads whatever was stored (any version, possibly damaged) into valid saved state: each field that
 * is missing or wrong gets its default, alone. (A few fields: checked by hand, to keep the schema
 * library off the first screen.)
 */
export function readSavedApp(raw: unknown): Pick<AppState, 'locale' | 'preferences'> {
  const locale = field(raw, 'locale');
  const p = field(raw, 'preferences');
  const sayFirst = field(p, 'sayFirst');
  const explainBack = field(p, 'explainBack');
  const trainee = field(p, 'trainee');
  const coachMe = field(p, 'coachMe');
  return {
    locale: oneOf(LOCALES, locale) ? locale : browserLocale(),
    preferences: {
      sayFirst: oneOf(SAY_FIRST_MODES, sayFirst) ? sayFirst : DEFAULT_PREFERENCES.sayFirst,
      explainBack: typeof explainBack === 'boolean' ? explainBack : DEFAULT_PREFERENCES.explainBack,
      trainee: typeof trainee === 'string' && trainee.length <= TRAINEE_NAME_MAX ? trainee : DEFAULT_PREFERENCES.trainee,
      coachMe: typeof coachMe === 'boolean' ? coachMe : DEFAULT_PREFERENCES.coachMe,
    },
  };
}

export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      locale: browserLocale(),
      preferences: DEFAULT_PREFERENCES,
      setLocale: (locale) => set({ locale }),
      setPreferences: (change) =>
        set((s) => ({ preferences: readSavedApp({ locale: s.locale, preferences: { ...s.preferences, ...change } }).preferences })),
    }),
    {
      name: 'ltc-app',
      // v1 held the locale only; v2 adds the preferences. Both are read through the same check.
      version: 2,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ locale: s.locale, preferences: s.preferences }),
      migrate: (persisted) => readSavedApp(persisted),
      merge: (persisted, current) => ({ ...current, ...readSavedApp(persisted) }),
    },
  ),
);
