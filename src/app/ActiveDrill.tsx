import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import { useStore } from 'zustand';
import { dueExplainBack } from '../domain/attempts/reflection';
import type { Locale } from '../domain/text/localized-text';
import { asksSayFirst, useAppStore } from '../state/app-store';
import type { LiveSession } from './sessions';

// Loaded when a scenario is opened / when it ends, not with the library.
const DrillScreen = lazy(() => import('../features/drill/DrillScreen').then((m) => ({ default: m.DrillScreen })));
const Debrief = lazy(() => import('../features/debrief/Debrief').then((m) => ({ default: m.Debrief })));

interface Props {
  session: LiveSession;
  locale: Locale;
  /** Another tab drives this attempt: show it as it goes, take no move. */
  readOnly?: boolean;
  onAgain?: () => void;
  onExit(): void;
  /** Opens the replay of this attempt. */
  onReplay?: () => void;
  /** Downloads the attempt file. */
  onExport?: () => void;
  /** Starts a retry of this attempt from move `turn`. */
  onRetry?: (turn: number) => void;
}

/** The drill while it runs (and while the last explain-back is due); its debrief once it ends. */
export function ActiveDrill({ session, locale, readOnly = false, onAgain, onExit, onReplay, onExport, onRetry }: Props) {
  const { t } = useTranslation();
  const preferences = useAppStore((s) => s.preferences);
  const setPreferences = useAppStore((s) => s.setPreferences);
  const done = useSelector(session.actor, (s) => s.status === 'done');
  const context = useSelector(session.actor, (s) => s.context);
  const attempt = useStore(session.attempt);
  const reflection = { freeText: attempt.freeText, explainBacks: attempt.explainBacks, draft: attempt.draft };
  const finalDue = !readOnly && done && preferences.explainBack && dueExplainBack(context, attempt.explainBacks) !== null;
  const retry = attempt.retryOf && (
    <p className="notice retry-notice" data-testid="retry-of">
      {t('drill.retry.banner', { turn: attempt.retryOf.turn })}
    </p>
  );
  const view = done && !finalDue ? (
    <Debrief model={session.model} context={context} exemplar={session.scenario.exemplar} reflection={reflection} locale={locale} onAgain={onAgain} onExit={onExit} onReplay={onReplay} onExport={onExport} onRetry={onRetry} />
  ) : (
    <DrillScreen
      model={session.model}
      actor={session.actor}
      locale={locale}
      reflection={reflection}
      sayFirst={asksSayFirst(preferences.sayFirst, session.model.difficulty)}
      explainBack={preferences.explainBack}
      readOnly={readOnly}
      coachMe={preferences.coachMe}
      onCoachMe={(coachMe) => setPreferences({ coachMe })}
      onSay={session.say}
      onExplainBack={session.explainBack}
      onDraft={session.draft}
      onExit={onExit}
    />
  );
  return (
    <>
      {retry}
      {view}
    </>
  );
}
