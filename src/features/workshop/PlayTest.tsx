import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorerReport } from '../../domain/explorer/explore';
import { CONVERSATION_STAGES, STAGES, type ConversationStageId } from '../../domain/ltc/stages';
import type { DrillState, Move, TranscriptEntry } from '../../domain/runtime/context';
import { isRefusal, legalMoves, step } from '../../domain/runtime/engine';
import { startAt, type AttemptStart, type StartPoint } from '../../domain/runtime/start-at';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import { METERS, type Meters, type ScenarioModel } from '../../domain/scenario/model';
import type { Locale, LocalizedText } from '../../domain/text/localized-text';
import { TranscriptLine } from '../../components/TranscriptLine';
import { DrillText } from '../drill/DrillText';
import { AttemptStartForm } from './AttemptStartForm';
import { lineOfRef, type Outline } from './outline';
import { exploreInWorker } from './workers';

interface Props {
  model: ScenarioModel | undefined;
  outline: Outline | undefined;
  locale: Locale;
  onGo(line: number): void;
  /** Attempts of this browser on this scenario, newest first: a test drill can start at one of their moves. */
  attempts?: readonly AttemptRecord[];
}

/** A set of ids to tick, as a list of checkboxes. */
function Ticks({ legend, items, chosen, onChange, locale }: { legend: string; items: { id: string; label: LocalizedText }[]; chosen: string[]; onChange(ids: string[]): void; locale: Locale }) {
  if (items.length === 0) return null;
  return (
    <fieldset className="workbench-facts">
      <legend>{legend}</legend>
      {items.map((f) => (
        <label key={f.id}>
          <input type="checkbox" checked={chosen.includes(f.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, f.id] : chosen.filter((x) => x !== f.id))} />{' '}
          <DrillText value={f.label} locale={locale} />
        </label>
      ))}
    </fieldset>
  );
}

/** The YAML line that produced a transcript entry: a customer line's step, a rep line's option. */
function sourceRef(entry: TranscriptEntry): string | undefined {
  if (entry.kind === 'customer') return `${entry.container}/${entry.step}`;
  if (entry.kind === 'rep') return entry.option;
  return undefined;
}

/** Play-testing: start a drill at any step with the customer's state chosen, play it, and see the explorer's expert path. */
export function PlayTest({ model, outline, locale, onGo, attempts = [] }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [stage, setStage] = useState<ConversationStageId>('first-contact');
  const [stepId, setStepId] = useState('');
  const [objection, setObjection] = useState('');
  const [meters, setMeters] = useState<Partial<Meters>>({});
  const [revealed, setRevealed] = useState<string[]>([]);
  const [promised, setPromised] = useState<string[]>([]);
  const [shown, setShown] = useState<string[]>([]);
  const [committed, setCommitted] = useState<string[]>([]);
  const [origin, setOrigin] = useState<{ attempt: AttemptRecord; turn: number; start: AttemptStart } | null>(null);
  const [day, setDay] = useState(0);
  const [state, setState] = useState<DrillState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const transcriptRef = useRef<HTMLOListElement>(null);

  const steps = model ? Object.keys(model.stages[stage]?.steps ?? {}) : [];
  const chosenStep = steps.includes(stepId) ? stepId : (model?.stages[stage]?.start ?? '');
  // A new model (an edit) makes the drill in progress stale: it is ended, not silently replayed.
  const modelHash = model?.hash;
  const [playedHash, setPlayedHash] = useState<string | undefined>(undefined);
  const stale = state !== null && playedHash !== modelHash;

  useEffect(() => {
    if (transcriptRef.current) transcriptRef.current.scrollTop = transcriptRef.current.scrollHeight;
  }, [state?.context.transcript.length]);

  if (!model) return <p className="workbench-playtest-off">{t('workbench.play.needsCompile')}</p>;

  const start = () => {
    const at: StartPoint = { stage, step: chosenStep, meters, revealed, promised, shown, committed, day, ...(objection ? { objection } : {}) };
    try {
      setState(startAt(model, at));
      setPlayedHash(model.hash);
      setProblem(null);
      setOrigin(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  const play = (move: Move) => {
    if (!state) return;
    const next = step(model, state, move);
    if (!isRefusal(next)) setState(next);
  };
  const moves = state && !stale ? legalMoves(model, state) : null;
  const fromAttempt = (start: AttemptStart, attempt: AttemptRecord, turn: number) => {
    setState(start.state);
    setPlayedHash(model.hash);
    setProblem(null);
    setOrigin({ attempt, turn, start });
  };
  const checklist = (kind: 'key-action' | 'pitfall') => model.checklist.filter((c) => c.kind === kind && c.stage !== 'leads');

  return (
    <section className="workbench-playtest" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('workbench.play.title')}</h4>
      <form
        className="workbench-start"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label>
          {t('workbench.play.stage')}
          <select value={stage} onChange={(e) => setStage(e.target.value as ConversationStageId)} data-testid="play-stage">
            {CONVERSATION_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('workbench.play.step')}
          <select value={chosenStep} onChange={(e) => setStepId(e.target.value)} data-testid="play-step">
            {steps.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('workbench.play.objection')}
          <select value={objection} onChange={(e) => setObjection(e.target.value)}>
            <option value="">{t('workbench.play.noObjection')}</option>
            {Object.keys(model.objections).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="workbench-meters">
          <legend>{t('workbench.play.state')}</legend>
          {METERS.map((m) => (
            <label key={m}>
              {t(`workbench.play.meter.${m}`)}
              <input type="number" min={0} max={100} value={meters[m] ?? model.customer.start[m]} onChange={(e) => setMeters({ ...meters, [m]: Number(e.target.value) })} />
            </label>
          ))}
          <label>
            {t('workbench.play.day')}
            <input type="number" min={0} value={day} onChange={(e) => setDay(Number(e.target.value))} />
          </label>
        </fieldset>
        <Ticks legend={t('workbench.play.facts')} items={Object.values(model.customer.facts)} chosen={revealed} onChange={setRevealed} locale={locale} />
        <details className="workbench-flags">
          <summary>{t('workbench.play.flags')}</summary>
          <Ticks legend={t('workbench.play.promised')} items={Object.values(model.promises)} chosen={promised} onChange={setPromised} locale={locale} />
          <Ticks legend={t('workbench.play.shown')} items={checklist('key-action')} chosen={shown} onChange={setShown} locale={locale} />
          <Ticks legend={t('workbench.play.committed')} items={checklist('pitfall')} chosen={committed} onChange={setCommitted} locale={locale} />
        </details>
        <button type="submit" className="primary" data-testid="play-start">
          {state ? t('workbench.play.restart') : t('workbench.play.start')}
        </button>
        {problem && <p role="alert">{problem}</p>}
      </form>
      <AttemptStartForm model={model} attempts={attempts} locale={locale} onStart={fromAttempt} />

      {state && (
        <div className="workbench-drill" data-testid="play-drill">
          {stale && <p role="status">{t('workbench.play.stale')}</p>}
          {origin && (
            <p role="status" data-testid="play-origin">
              {origin.start.rejectedAt !== null
                ? t('workbench.play.fromAttempt.refused', { turn: origin.start.rejectedAt + 1, replayed: origin.start.replayed })
                : t('workbench.play.fromAttempt.replayed', { count: origin.start.replayed, turn: origin.turn })}
            </p>
          )}
          <ol ref={transcriptRef} className="transcript" tabIndex={0} aria-label={t('workbench.play.transcript')}>
            {state.context.transcript.map((entry, i) => {
              const ref = sourceRef(entry);
              const line = ref && outline ? lineOfRef(outline, ref) : 0;
              return (
                <Fragment key={i}>
                  <TranscriptLine entry={entry} model={model} locale={locale} />
                  {line > 0 && (
                    <li className="line line-source">
                      <button type="button" className="link-button" onClick={() => onGo(line)} data-testid="transcript-source">
                        {t('workbench.play.toLine', { line })}
                      </button>
                    </li>
                  )}
                </Fragment>
              );
            })}
          </ol>
          {moves && state.position.phase !== 'ended' && (
            <div className="workbench-moves" role="group" aria-label={t('workbench.play.options')}>
              {moves.options.map((o) => (
                <button key={o.id} type="button" className="option" onClick={() => play({ type: 'choose', option: o.id })} data-option={o.id}>
                  <DrillText value={o.rep} locale={locale} />
                </button>
              ))}
              {moves.waits.map((d) => (
                <button key={`wait-${d}`} type="button" onClick={() => play({ type: 'wait', days: d })}>
                  {t('workbench.play.wait', { count: d })}
                </button>
              ))}
              {moves.options.length === 0 && <p>{t('workbench.play.noOptions')}</p>}
            </div>
          )}
          {state.position.phase === 'ended' && (
            <p role="status" data-testid="play-ended">
              {t('workbench.play.ended', { outcome: t(`workbench.play.outcome.${state.position.ending.outcome}`) })}
            </p>
          )}
          <p className="workbench-meters-now">
            {METERS.map((m) => `${t(`workbench.play.meter.${m}`)} ${state.context.meters[m]}`).join(' · ')} · {t('workbench.play.dayNow', { day: state.context.day })}
          </p>
        </div>
      )}
      <ExpertPath model={model} outline={outline} onGo={onGo} />
    </section>
  );
}

/** The explorer's expert path and best score per stage, worked out in a worker on request. */
function ExpertPath({ model, outline, onGo }: { model: ScenarioModel; outline: Outline | undefined; onGo(line: number): void }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<{ hash: string; report: ExplorerReport } | null>(null);
  const [running, setRunning] = useState<{ cancel(): void } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => () => running?.cancel(), [running]);
  const run = () => {
    running?.cancel();
    setFailed(false);
    const job = exploreInWorker(model);
    setRunning(job);
    const hash = model.hash;
    job.result.then(
      (r) => {
        setReport({ hash, report: r });
        setRunning(null);
      },
      () => {
        setFailed(true);
        setRunning(null);
      },
    );
  };
  const moves = useMemo(() => (report?.report.exemplar?.moves ?? []).filter((m): m is Extract<Move, { type: 'choose' }> => m.type === 'choose'), [report]);
  return (
    <section className="workbench-expert" aria-live="polite">
      <h5>{t('workbench.expert.title')}</h5>
      <button type="button" onClick={run} disabled={running !== null} data-testid="expert-run">
        {running ? t('workbench.expert.running') : t('workbench.expert.run')}
      </button>
      {failed && <p role="alert">{t('workbench.expert.failed')}</p>}
      {report && (
        <div data-testid="expert-report">
          {report.hash !== model.hash && <p>{t('workbench.expert.stale')}</p>}
          <table>
            <caption>{t('workbench.expert.best', { score: report.report.best.overall })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workbench.expert.stage')}</th>
                <th scope="col">{t('workbench.expert.bestScore')}</th>
              </tr>
            </thead>
            <tbody>
              {STAGES.map((s) => (
                <tr key={s}>
                  <th scope="row">{t(`stages.${s}`)}</th>
                  <td>{report.report.best.stages[s]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.report.bounded && <p>{t('workbench.expert.bounded')}</p>}
          <ol className="workbench-expert-path">
            {moves.map((m, i) => {
              const line = outline ? lineOfRef(outline, m.option) : 0;
              return (
                <li key={i}>
                  <button type="button" className="link-button" onClick={() => line > 0 && onGo(line)}>
                    {m.option}
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
