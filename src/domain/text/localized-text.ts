/** The languages a scenario can be written in. The first listed in a file is its original language. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in one or both languages, after compilation. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** Whether `value` is a known locale code. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the text for `locale`, falling back to the other language.
 * `fallback` tells the UI to mark the text as shown in another language.
 */
export function pickText(
  text: LocalizedText | undefined,
  locale: Locale,
): { text: string; locale: Locale; fallback: boolean } {
  const own = text?.[locale];
  if (own !== undefined) return { text: own, locale, fallback: false };
  for (const other of LOCALES) {
    const t = text?.[other];
    if (t !== undefined) return { text: t, locale: other, fallback: true };
  }
  return { text: '', locale, fallback: true };
}
