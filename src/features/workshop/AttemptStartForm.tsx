import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { Move } from '../../domain/runtime/context';
import { startFromAttempt, type AttemptStart } from '../../domain/runtime/start-at';
import { findOption, type ScenarioModel } from '../../domain/scenario/model';
import { pickText, type Locale } from '../../domain/text/localized-text';

interface Props {
  model: ScenarioModel;
  /** The attempts of this browser on this scenario (any version, or the one it was copied from), newest first. */
  attempts: readonly AttemptRecord[];
  locale: Locale;
  onStart(start: AttemptStart, attempt: AttemptRecord, turn: number): void;
}

/** What a move of an attempt was, in a few words: the option's words, a wait, a record, the lead plan. */
function useMoveText(model: ScenarioModel, locale: Locale) {
  const { t } = useTranslation();
  return (move: Move): string => {
    switch (move.type) {
      case 'choose': {
        const option = findOption(model, move.option);
        return option ? pickText(option.rep, locale).text : t('workbench.play.fromAttempt.unknownOption', { option: move.option });
      }
      case 'wait':
        return t('workbench.play.wait', { count: move.days });
      case 'record': {
        const fact = model.customer.facts[move.fact];
        return t('workbench.play.fromAttempt.record', { fact: fact ? pickText(fact.label, locale).text : move.fact });
      }
      case 'leads.submit':
        return t('workbench.play.fromAttempt.leadPlan');
      case 'abandon':
        return t('workbench.play.fromAttempt.abandon');
    }
  };
}

const clip = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

/** Play-testing from a move of a real attempt: the moves before it replayed on the scenario as it is now. */
export function AttemptStartForm({ model, attempts, locale, onStart }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [attemptId, setAttemptId] = useState('');
  const [turn, setTurn] = useState(0);
  const moveText = useMoveText(model, locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  if (attempts.length === 0) return <p className="workbench-from-attempt-none">{t('workbench.play.fromAttempt.none')}</p>;
  const attempt = attempts.find((a) => a.id === attemptId) ?? attempts[0]!;
  const chosenTurn = turn >= 1 && turn <= attempt.moves.length ? turn : attempt.moves.length > 0 ? 1 : 0;

  return (
    <form
      className="workbench-start workbench-from-attempt"
      aria-labelledby={`${id}-legend`}
      onSubmit={(e) => {
        e.preventDefault();
        onStart(startFromAttempt(model, { seed: attempt.seed, moves: attempt.moves }, chosenTurn || 1), attempt, chosenTurn || 1);
      }}
    >
      <p id={`${id}-legend`} className="workbench-from-attempt-title">
        {t('workbench.play.fromAttempt.title')}
      </p>
      <label>
        {t('workbench.play.fromAttempt.attempt')}
        <select
          value={attempt.id}
          onChange={(e) => {
            setAttemptId(e.target.value);
            setTurn(0);
          }}
          data-testid="play-attempt"
        >
          {attempts.map((a) => (
            <option key={a.id} value={a.id}>
              {t('workbench.play.fromAttempt.attemptLabel', {
                date: date.format(a.updatedAt),
                trainee: a.trainee || t('workbench.play.fromAttempt.noName'),
                status: t(`workbench.play.fromAttempt.status.${a.status}`),
                scenario: `${a.scenario.id} ${a.scenario.version}`,
              })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('workbench.play.fromAttempt.move')}
        <select value={chosenTurn} onChange={(e) => setTurn(Number(e.target.value))} data-testid="play-attempt-move" disabled={attempt.moves.length === 0}>
          {attempt.moves.map((m, i) => (
            <option key={i} value={i + 1}>
              {t('workbench.play.fromAttempt.moveLabel', { turn: i + 1, text: clip(moveText(m)) })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="play-attempt-start" disabled={attempt.moves.length === 0}>
        {t('workbench.play.fromAttempt.start')}
      </button>
    </form>
  );
}
