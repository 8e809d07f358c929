import { lazy } from 'react';
import { useSelector } from '@xstate/react';
import type { Locale } from '../domain/text/localized-text';
import type { LoadedScenario } from '../state/scenario-library';
import type { DrillSession } from './drill-session';

// Loaded when a scenario is opened / when it ends, not with the library.
const DrillScreen = lazy(() => import('../features/drill/DrillScreen').then((m) => ({ default: m.DrillScreen })));
const Debrief = lazy(() => import('../features/debrief/Debrief').then((m) => ({ default: m.Debrief })));

/** The drill while it runs; its debrief once it ends. */
export function ActiveDrill({ session, locale, onAgain, onExit }: { session: DrillSession & { scenario: LoadedScenario }; locale: Locale; onAgain(): void; onExit(): void }) {
  const done = useSelector(session.actor, (s) => s.status === 'done');
  const context = useSelector(session.actor, (s) => s.context);
  return done ? (
    <Debrief model={session.model} context={context} exemplar={session.scenario.exemplar} locale={locale} onAgain={onAgain} onExit={onExit} />
  ) : (
    <DrillScreen model={session.model} actor={session.actor} locale={locale} onExit={onExit} />
  );
}
