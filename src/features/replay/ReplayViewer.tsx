import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { AttemptRecord, Coaching } from '../../domain/attempts/attempt-record';
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { addComment, deleteComment, editComment, emptyCoaching, rateExplainBack, setFeedback } from './coaching-edits';
import { CommentSummary } from './CommentSummary';
import { CustomerState } from './CustomerState';
import { DealAtStep } from './DealAtStep';
import { ExemplarStep } from './ExemplarStep';
import { ExemplarSummary } from './ExemplarSummary';
import { ExplainBackAtStep, ExplainBackList } from './ExplainBacks';
import { FeedbackForm, FeedbackShown } from './FeedbackForm';
import { ReplayActions } from './ReplayActions';
import { ReplayAlerts } from './ReplayAlerts';
import { ReplayDecision } from './ReplayDecision';
import { decisionsOf } from '../../domain/teaching/decisions';
import { ReplayHeader } from './ReplayHeader';
import { ReplayTranscript } from './ReplayTranscript';
import { RescorePanel } from './RescorePanel';
import { StepComments } from './StepComments';
import { StepPanel } from './StepPanel';
import { Timeline } from './Timeline';
import { runReplay, stageEndings, stagesEndedAt, wordsByTurn } from './replay-data';
import './replay.css';

export interface ReplayViewerProps {
  model: ScenarioModel;
  record: AttemptRecord;
  /** The expert path for this version of the scenario, or null (then say that no comparison is available). */
  exemplar: Exemplar | null;
  locale: Locale;
  /** 'coach': comments, ratings and feedback can be written; 'trainee': the coach's notes are shown read-only. */
  mode: 'coach' | 'trainee';
  /** Name to sign new coaching with (the lead's name from preferences; may be ''). */
  coachName: string;
  /** Saves the coaching (coach mode); called with the whole new value after each change is confirmed. */
  onCoaching?(coaching: Coaching): void;
  /** The move to open at (e.g. from a dashboard link); default 0. */
  initialTurn?: number;
  /** Told whenever the current move changes (the host may keep it in the address). */
  onTurnChange?(turn: number): void;
  /** The library's newer version of this scenario, to re-score the attempt against; null when there is none. */
  newer: ScenarioModel | null;
  onExit(): void;
  /** Downloads the attempt file (with the coaching); absent when not available. */
  onExport?: () => void;
  /** Starts a new attempt branching at move `turn`: the moves before it replayed, then live. */
  onRetry?: (turn: number) => void;
}

/**
 * A recorded attempt, step by step: the log re-run through the engine (and checked against the score it
 * recorded), a timeline with jumps to pitfalls, objections and stages, each step's transcript, customer,
 * earnings and score so far, the exemplar's choice where the trainee left it, re-scoring against a newer
 * version, and the cohort lead's coaching (written in coach mode, read in trainee mode).
 */
export function ReplayViewer(props: ReplayViewerProps): JSX.Element {
  const { model, record, exemplar, locale, mode, coachName, onCoaching, initialTurn = 0, onTurnChange, newer, onExit, onExport, onRetry } = props;
  // The log is re-run once per model, log and exemplar, keyed by content: a host that reloads the record
  // after saving coaching, or rebuilds the exemplar object, passes equal values in new objects.
  const logKey = JSON.stringify([record.seed, record.moves, record.times, record.score ?? null, exemplar]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- logKey stands for the record's log and the exemplar
  const run = useMemo(() => runReplay(model, record, exemplar), [model, logKey]);
  const { frames, transcript, rejectedAt } = run.replay;
  const last = frames.length - 1;
  const endings = useMemo(() => stageEndings(frames), [frames]);
  const words = useMemo(() => wordsByTurn(record.freeText), [record.freeText]);
  const decisions = useMemo(
    () => new Map(decisionsOf(model, { transcript }, exemplar, record.freeText).map((d) => [d.turn, d])),
    [model, transcript, exemplar, record.freeText],
  );

  const [turn, setTurnState] = useState(() => Math.min(last, Math.max(0, Math.trunc(initialTurn) || 0)));
  const current = Math.min(turn, last);
  const frame = frames[current]!;
  const setTurn = (next: number) => {
    const clamped = Math.min(last, Math.max(0, next));
    setTurnState(clamped);
    if (clamped !== current) onTurnChange?.(clamped);
  };

  // The coaching as edited here. It starts from the record's, and takes the record's again when another
  // attempt is shown or the host brings a newer one (an older echo of a save in flight is ignored).
  const [local, setLocal] = useState({ id: record.id, coaching: record.coaching });
  let coaching = local.coaching;
  const incoming = record.coaching;
  if (local.id !== record.id || (incoming && (!local.coaching || incoming.updatedAt > local.coaching.updatedAt))) {
    coaching = incoming;
    setLocal({ id: record.id, coaching: incoming });
  }
  const change = (edit: (c: Coaching, now: number) => Coaching) => {
    const now = Date.now();
    const next = edit(coaching ?? emptyCoaching(coachName, now), now);
    setLocal({ id: record.id, coaching: next });
    onCoaching?.(next);
  };

  const heading = useRef<HTMLHeadingElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // A summary far down the page jumps to a move: bring its step into view and focus it.
  const jumpToStep = (target: number) => {
    setTurn(target);
    stepHeading.current?.scrollIntoView?.({ block: 'start' });
    stepHeading.current?.focus();
  };
  // After a comment is deleted its buttons are gone: focus the box for a new one (after the dialog gives focus back).
  const afterDelete = () => setTimeout(() => commentBox.current?.focus(), 0);

  const coach = mode === 'coach';
  const commented = useMemo(() => new Set((coaching?.comments ?? []).map((c) => c.turn)), [coaching]);
  return (
    <article className="replay" aria-labelledby="replay-heading">
      <ReplayAlerts check={run.check} rejectedAt={rejectedAt} moves={record.moves.length} />
      <ReplayHeader ref={heading} model={model} record={record} score={run.replay.score} check={run.check} coaching={coaching} locale={locale} />
      {!coach && coaching && <FeedbackShown coaching={coaching} />}
      <Timeline frames={frames} turn={current} onTurn={setTurn} commented={commented} />
      <div className="replay-layout">
        <ReplayTranscript model={model} transcript={transcript} frame={frame} words={words} locale={locale} />
        <div className="replay-side">
          <StepPanel ref={stepHeading} frame={frame} total={last} model={model} locale={locale} />
          <ReplayDecision decision={decisions.get(current) ?? null} turn={current} model={model} locale={locale} onRetry={onRetry} />
          <StepComments
            turn={current}
            coaching={coaching}
            mode={mode}
            locale={locale}
            boxRef={commentBox}
            onAdd={(t, text) => change((c, now) => addComment(c, t, text, now))}
            onEdit={(i, text) => change((c, now) => editComment(c, i, text, now))}
            onDelete={(i) => {
              change((c, now) => deleteComment(c, i, now));
              afterDelete();
            }}
          />
          <CustomerState frame={frame} model={model} locale={locale} />
          <DealAtStep frame={frame} model={model} locale={locale} />
          <ExplainBackAtStep stages={stagesEndedAt(frames, current)} explainBacks={record.explainBacks} coaching={coaching} />
          <ExemplarStep comparison={current > 0 ? (run.comparisons?.[current - 1] ?? null) : null} hasExemplar={run.comparisons !== null} model={model} locale={locale} />
          {coach && <FeedbackForm key={record.id} coaching={coaching} coachName={coachName} onSave={(name, text) => change((c, now) => setFeedback(c, name, text, now))} />}
          <ExplainBackList
            explainBacks={record.explainBacks}
            coaching={coaching}
            endings={endings}
            onRate={coach ? (stage, rating) => change((c, now) => rateExplainBack(c, stage, rating, now)) : undefined}
            onJump={jumpToStep}
          />
          {(coach || (coaching?.comments.length ?? 0) > 0) && <CommentSummary coaching={coaching} turn={current} locale={locale} onJump={jumpToStep} />}
          {run.comparisons && <ExemplarSummary comparisons={run.comparisons} turn={current} onJump={jumpToStep} />}
          {newer && <RescorePanel record={record} current={run.rerun} newer={newer} locale={locale} />}
        </div>
      </div>
      <ReplayActions onExit={onExit} onExport={onExport} />
    </article>
  );
}
