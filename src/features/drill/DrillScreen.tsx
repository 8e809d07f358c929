import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { draftFor, dueExplainBack, wordsForCurrentStep } from '../../domain/attempts/reflection';
import type { StageId } from '../../domain/ltc/stages';
import type { DrillActor } from '../../domain/runtime/actor';
import type { ScenarioModel } from '../../domain/scenario/model';
import { pickText, type Locale } from '../../domain/text/localized-text';
import { AbandonDrill } from './AbandonDrill';
import { CoachPanel } from './CoachPanel';
import { CalendarPanel } from './CalendarPanel';
import { CustomerRecord } from './CustomerRecord';
import { DealPanels } from './DealPanels';
import { DrillOutcome } from './DrillOutcome';
import { DrillText } from './DrillText';
import { ExplainBack } from './ExplainBack';
import { LeadForm } from './LeadForm';
import { MoveOptions } from './MoveOptions';
import { SayItFirst } from './SayItFirst';
import { StageTracker } from './StageTracker';
import { Transcript } from './Transcript';

/** The trainee's own words kept with the attempt (and those being written). */
export type Reflection = Pick<AttemptRecord, 'freeText' | 'explainBacks'> & { draft?: AttemptRecord['draft'] };

interface Props {
  model: ScenarioModel;
  /** A started actor of `machineFor(model)`. */
  actor: DrillActor;
  locale: Locale;
  reflection: Reflection;
  /** Ask for the trainee's own words before showing the options. */
  sayFirst: boolean;
  /** Ask for an explain-back at the end of each stage. */
  explainBack: boolean;
  onSay(turn: number, text: string): void;
  onExplainBack(stage: StageId, text: string, skipped: boolean): void;
  /** Keeps the words being written (say-first or explain-back), so a reload does not lose them. */
  onDraft?(draft: NonNullable<AttemptRecord['draft']> | null): void;
  onExit(): void;
  /** Shown as it goes, with nothing to do here (another tab plays this attempt). */
  readOnly?: boolean;
  /** "Coach me": explain each choice right after it, before the customer's reply. */
  coachMe?: boolean;
  /** Turns "coach me" on or off (a preference); no toggle is shown without it. */
  onCoachMe?(on: boolean): void;
}

/** The trainee's drill: stage tracker, lead form (stage 1) or conversation (stages 2–7), record and calendar. */
export function DrillScreen(props: Props) {
  const { model, actor, locale, reflection, onExit } = props;
  const { t } = useTranslation();
  const stage = useSelector(actor, (s) => s.context.stage);
  const inLeads = useSelector(actor, (s) => s.value === 'leads');
  const ending = useSelector(actor, (s) => (s.status === 'done' ? s.context.ending : null));
  const log = useSelector(actor, (s) => s.context.log);
  const due = useSelector(actor, (s) => (props.explainBack ? dueExplainBack(s.context, reflection.explainBacks) : null));
  const words = wordsForCurrentStep(log, reflection.freeText);
  const asking = props.sayFirst && !words && !ending;
  const said = Object.fromEntries(reflection.freeText.filter((f) => f.text).map((f) => [f.turn, f.text]));
  const transcript = useSelector(actor, (s) => s.context.transcript);

  // "Coach me": a choice made here (not one replayed on opening) is explained before the drill goes on.
  const [seen, setSeen] = useState(log.length);
  const [coached, setCoached] = useState<number | null>(null);
  if (seen !== log.length) {
    setSeen(log.length);
    const last = log[log.length - 1];
    setCoached(props.coachMe && !props.readOnly && log.length > seen && last?.type === 'choose' ? log.length : null);
  }
  const coachedAt = coached === null ? -1 : transcript.findIndex((e) => e.kind === 'rep' && e.turn === coached);
  const coachEntry = coachedAt >= 0 && !ending ? transcript[coachedAt] : undefined;

  let next;
  if (props.readOnly) next = null;
  else if (coachEntry?.kind === 'rep') next = <CoachPanel key={coached} entry={coachEntry} model={model} locale={locale} onContinue={() => setCoached(null)} />;
  else if (due) next = <ExplainBack
        key={due}
        stage={due}
        initial={draftFor(reflection.draft, { stage: due })}
        onDraft={(text) => props.onDraft?.({ kind: 'explain-back', stage: due, text })}
        onAnswer={(text, skipped) => props.onExplainBack(due, text, skipped)}
      />;
  else if (ending) next = null;
  else if (asking) next = <SayItFirst
        key={log.length}
        customer={pickText(model.customer.name, locale).text}
        initial={draftFor(reflection.draft, { turn: log.length + 1 })}
        onDraft={(text) => props.onDraft?.({ kind: 'say-first', turn: log.length + 1, text })}
        onSay={(text) => props.onSay(log.length + 1, text)}
      />;
  else next = <MoveOptions model={model} actor={actor} locale={locale} words={props.sayFirst ? (words?.text ?? null) : null} />;

  return (
    <div className="drill">
      <h2 className="drill-title">
        <DrillText value={model.title} locale={locale} />
      </h2>
      <StageTracker stage={stage} ended={ending !== null} won={ending?.outcome === 'won'} />
      {ending && <DrillOutcome ending={ending} locale={locale} onExit={onExit} focus={!due} />}
      {inLeads && !ending && !props.readOnly ? (
        <LeadForm model={model} locale={locale} onSubmit={(plan) => actor.send({ type: 'leads.submit', plan })} />
      ) : (
        <div className="drill-layout">
          <section className="conversation" aria-labelledby="drill-conversation-heading">
            <div className="conversation-head">
              <h2 id="drill-conversation-heading">{t('drill.conversation.heading')}</h2>
              {props.onCoachMe && !props.readOnly && (
                <label className="choice coach-toggle">
                  <input type="checkbox" checked={props.coachMe ?? false} onChange={(e) => props.onCoachMe!(e.target.checked)} /> {t('drill.coach.toggle')}
                </label>
              )}
            </div>
            <Transcript model={model} actor={actor} locale={locale} said={said} upTo={coachEntry ? coachedAt : undefined} />
            {next}
          </section>
          <aside className="drill-side">
            <CalendarPanel model={model} actor={actor} />
            <DealPanels model={model} actor={actor} locale={locale} />
            <CustomerRecord model={model} actor={actor} locale={locale} />
            {!ending && !props.readOnly && <AbandonDrill actor={actor} />}
          </aside>
        </div>
      )}
    </div>
  );
}
