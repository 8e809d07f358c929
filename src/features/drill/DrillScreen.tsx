import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import type { DrillActor } from '../../domain/runtime/drill';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { AbandonDrill } from './AbandonDrill';
import { CalendarPanel } from './CalendarPanel';
import { CustomerRecord } from './CustomerRecord';
import { DrillOutcome } from './DrillOutcome';
import { DrillText } from './DrillText';
import { LeadForm } from './LeadForm';
import { MoveOptions } from './MoveOptions';
import { StageTracker } from './StageTracker';
import { Transcript } from './Transcript';

interface Props {
  model: ScenarioModel;
  /** A started actor of `machineFor(model)`. */
  actor: DrillActor;
  locale: Locale;
  onExit(): void;
}

/** The trainee's drill: stage tracker, lead form (stage 1) or conversation (stages 2–7), record and calendar. */
export function DrillScreen({ model, actor, locale, onExit }: Props) {
  const { t } = useTranslation();
  const stage = useSelector(actor, (s) => s.context.stage);
  const inLeads = useSelector(actor, (s) => s.value === 'leads');
  const ending = useSelector(actor, (s) => (s.status === 'done' ? s.context.ending : null));
  return (
    <div className="drill">
      <h2 className="drill-title">
        <DrillText value={model.title} locale={locale} />
      </h2>
      <StageTracker stage={stage} ended={ending !== null} />
      {ending && <DrillOutcome ending={ending} locale={locale} onExit={onExit} />}
      {inLeads && !ending ? (
        <LeadForm model={model} locale={locale} onSubmit={(plan) => actor.send({ type: 'leads.submit', plan })} />
      ) : (
        <div className="drill-layout">
          <section className="conversation" aria-labelledby="drill-conversation-heading">
            <h2 id="drill-conversation-heading">{t('drill.conversation.heading')}</h2>
            <Transcript model={model} actor={actor} locale={locale} />
            {!ending && <MoveOptions model={model} actor={actor} locale={locale} />}
          </section>
          <aside className="drill-side">
            <CalendarPanel model={model} actor={actor} />
            <CustomerRecord model={model} actor={actor} locale={locale} />
            {!ending && <AbandonDrill actor={actor} />}
          </aside>
        </div>
      )}
    </div>
  );
}
