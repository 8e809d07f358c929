/** The drill screen as the app runs it, for component tests: the trainee's words kept with an attempt record. */
import { useEffect, useState } from 'react';
import { type AttemptRecord } from '../../domain/attempts/attempt-record';
import { newAttemptRecord } from '../../domain/attempts/new-attempt';
import { recordDraft, recordExplainBack, recordMoves, recordWords } from '../../domain/attempts/reflection';
import type { DrillActor } from '../../domain/runtime/actor';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { DrillScreen } from './DrillScreen';

interface Props {
  model: ScenarioModel;
  actor: DrillActor;
  locale?: Locale;
  sayFirst?: boolean;
  coachMe?: boolean;
  explainBack?: boolean;
  onExit?: () => void;
  /** Sees the attempt record after every change. */
  onRecord?: (record: AttemptRecord) => void;
  /** The record to start from (e.g. one saved before a reload). */
  initialRecord?: AttemptRecord;
}

export function DrillHarness({ model, actor, locale = 'en', sayFirst = false, explainBack = false, coachMe: coachMeAtStart = false, onExit = () => {}, onRecord, initialRecord }: Props) {
  const [coachMe, setCoachMe] = useState(coachMeAtStart);
  const [record, setRecord] = useState(() =>
    initialRecord ?? recordMoves(newAttemptRecord({ id: 'test', scenario: model, seed: actor.getSnapshot().context.seed, now: 0 }), actor.getSnapshot().context.log, 0),
  );
  useEffect(() => {
    const sub = actor.subscribe((s) => setRecord((r) => recordMoves(r, s.context.log, 1)));
    return () => sub.unsubscribe();
  }, [actor]);
  useEffect(() => {
    onRecord?.(record);
  }, [record, onRecord]);
  return (
    <DrillScreen
      model={model}
      actor={actor}
      locale={locale}
      reflection={record}
      sayFirst={sayFirst}
      coachMe={coachMe}
      onCoachMe={setCoachMe}
      explainBack={explainBack}
      onSay={(turn, text) => setRecord((r) => recordWords(r, turn, text))}
      onExplainBack={(stage, text, skipped) => setRecord((r) => recordExplainBack(r, stage, text, skipped))}
      onDraft={(draft) => setRecord((r) => recordDraft(r, draft))}
      onExit={onExit}
    />
  );
}
