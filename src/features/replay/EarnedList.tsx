import { useTranslation } from 'react-i18next';
import type { Earned } from '../../domain/replay/frames';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { ReplayText } from './ReplayText';

/** Key actions shown and pitfalls committed, each with its checklist label and the stage it counts for. */
export function EarnedList({ earned, model, locale, empty }: { earned: readonly Earned[]; model: ScenarioModel; locale: Locale; empty: string }) {
  const { t } = useTranslation();
  const label = (stage: string, id: string) => model.checklist.find((c) => c.id === id && c.stage === stage)?.label;
  const items = earned.flatMap((e) => [
    ...e.keyActions.map((id) => ({ stage: e.stage, id, kind: 'key-action' as const })),
    ...e.pitfalls.map((id) => ({ stage: e.stage, id, kind: 'pitfall' as const })),
  ]);
  if (items.length === 0) return <p className="meta">{empty}</p>;
  return (
    <ul className="check-list replay-earned">
      {items.map((item) => (
        <li key={`${item.kind}-${item.stage}-${item.id}`} className={`check-item ${item.kind === 'key-action' ? 'check-done' : 'check-committed'}`} data-item={item.id}>
          <span className="check-mark" aria-hidden="true">
            {item.kind === 'key-action' ? '✓' : '✗'}
          </span>
          <span className="check-status">{t(item.kind === 'key-action' ? 'replay.earned.keyAction' : 'replay.earned.pitfall')}</span>
          {t('drill.colon')}
          <ReplayText value={label(item.stage, item.id)} locale={locale} />
          <span className="meta">{t('replay.earned.stage', { stage: t(`stages.${item.stage}`) })}</span>
        </li>
      ))}
    </ul>
  );
}
