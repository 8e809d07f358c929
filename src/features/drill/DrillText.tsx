import { useTranslation } from 'react-i18next';
import { pickText, type Locale, type LocalizedText } from '../../domain/text/localized-text';

/**
 * A scenario text in the trainee's language, visibly marked when it falls back to the other one.
 * `mark={false}` leaves the marker off where it only adds noise (a person's name).
 */
export function DrillText({ value, locale, mark = true }: { value: LocalizedText | undefined; locale: Locale; mark?: boolean }) {
  const { t } = useTranslation();
  const picked = pickText(value, locale);
  return (
    <span lang={picked.locale}>
      {picked.text}
      {mark && picked.fallback && picked.text && <span className="fallback"> {t(`drill.fallback.${picked.locale}`)}</span>}
    </span>
  );
}
