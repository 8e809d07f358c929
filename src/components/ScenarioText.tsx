import { pickText, type Locale, type LocalizedText } from '../domain/text/localized-text';

/**
 * A scenario text in the trainee's language, tagged with its real language, and visibly marked
 * with `note(locale)` when it falls back to the other one. Features pass their own translated note.
 */
export function ScenarioText({ value, locale, note }: { value: LocalizedText | undefined; locale: Locale; note?: (shown: Locale) => string }) {
  const picked = pickText(value, locale);
  return (
    <span lang={picked.locale}>
      {picked.text}
      {note && picked.fallback && picked.text && <span className="fallback"> {note(picked.locale)}</span>}
    </span>
  );
}
