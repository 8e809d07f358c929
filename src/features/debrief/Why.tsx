import { useTranslation } from 'react-i18next';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale, LocalizedText } from '../../domain/text/localized-text';
import { DebriefText } from './DebriefText';

/** "Why: …" — the authored reason of an option or a checklist item; nothing when there is none. */
export function Why({ value, locale, label = 'debrief.why.label' }: { value: LocalizedText | undefined; locale: Locale; label?: string }) {
  const { t } = useTranslation();
  if (!value) return null;
  return (
    <p className="why">
      <strong>{t(label)}</strong>
      {t('debrief.colon')}
      <DebriefText value={value} locale={locale} />
    </p>
  );
}

/** Checklist labels, separated as the language separates lists. */
export function ChecklistLabels({ ids, model, locale }: { ids: readonly string[]; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && t('debrief.listSeparator')}
          <DebriefText value={model.checklist.find((c) => c.id === id)?.label} locale={locale} />
        </span>
      ))}
    </>
  );
}

/** What a move earned: the key actions it shows and the pitfalls it commits (a line each, when any). */
export function EarnedLine({ shows, commits, model, locale }: { shows: readonly string[]; commits: readonly string[]; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  if (shows.length === 0 && commits.length === 0) return <p className="meta">{t('debrief.why.earnedNothing')}</p>;
  return (
    <>
      {shows.length > 0 && (
        <p className="earned-shows">
          <span aria-hidden="true">✓ </span>
          {t('debrief.why.shows')}
          {t('debrief.colon')}
          <ChecklistLabels ids={shows} model={model} locale={locale} />
        </p>
      )}
      {commits.length > 0 && (
        <p className="earned-commits">
          <span aria-hidden="true">✗ </span>
          {t('debrief.why.commits')}
          {t('debrief.colon')}
          <ChecklistLabels ids={commits} model={model} locale={locale} />
        </p>
      )}
    </>
  );
}
