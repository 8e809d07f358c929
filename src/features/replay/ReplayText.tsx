import { useTranslation } from 'react-i18next';
import { ScenarioText } from '../../components/ScenarioText';
import type { Locale, LocalizedText } from '../../domain/text/localized-text';

/** A scenario text in the replay, marked "(in English)" / "(in Chinese)" when it falls back. */
export function ReplayText({ value, locale, mark = true }: { value: LocalizedText | undefined; locale: Locale; mark?: boolean }) {
  const { t } = useTranslation();
  return <ScenarioText value={value} locale={locale} note={mark ? (shown) => t(`drill.fallback.${shown}`) : undefined} />;
}
