/**
 * What the app writes into an LMS's SCORM data model, for SCORM 1.2 and SCORM 2004 4th edition: the
 * attempt's status, score and session time, one interaction per decision (the step, the option
 * chosen, whether it matches the expert's, and the key actions and pitfalls it earned as the
 * interaction's objectives), one objective per stage with its score, the bookmark (`location`) and
 * the suspend data. Values respect each data model's types and sizes; the caller sends them with
 * SetValue and commits.
 */
import { STAGES } from '../ltc/stages';
import type { LeadPlan } from '../runtime/context';
import type { AttemptReport, MoveReport } from './attempt-report';

export type ScormVersion = '1.2' | '2004';

export interface CmiValue {
  element: string;
  value: string;
}

/** Interactions kept per attempt: SCORM 2004's smallest permitted maximum (SPM), applied to 1.2 as well. */
export const MAX_INTERACTIONS = 250;
/** Objectives per interaction written (key actions and pitfalls of one move): well under every LMS's limit. */
const MAX_INTERACTION_OBJECTIVES = 10;

export interface ScormProgress {
  report: AttemptReport;
  suspendData: string;
  /** Milliseconds spent in this launch. */
  sessionMs: number;
  /** Interactions the LMS already holds (its `cmi.interactions._count`): only later ones are written. */
  interactionsWritten: number;
  /** The rep text of an option in the trainee's language (2004 descriptions). */
  optionText?: (optionId: string) => string;
  language?: string;
}

const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');

/** A SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS`. */
export function timespan12(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const hours = Math.min(9999, Math.floor(total / 3600));
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${pad(hours, 4)}:${pad(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** An ISO 8601 duration (SCORM 2004 timeinterval, xAPI duration), to the hundredth of a second. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.round((total % 60) * 100) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

/** SCORM 1.2 CMITime (time of day, UTC). */
const time12 = (ms: number) => new Date(ms).toISOString().slice(11, 19);
/** SCORM 2004 time (second, 10, 0), UTC: `YYYY-MM-DDThh:mm:ss.ssZ` (the zone may only follow the fraction). */
const time2004 = (ms: number) => `${new Date(ms).toISOString().slice(0, 22)}Z`;

const clip = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max - 1) + '…');
/** Identifiers: no white space (both data models), ASCII (SCORM 1.2). */
const ident = (s: string, max: number) => s.replace(/[^\x21-\x7e]/g, '_').slice(0, max);

/** The interaction's id: the move's number and its decision point, e.g. `m07.discovery.open-question`. */
export function interactionId(m: MoveReport): string {
  return ident(`m${pad(m.index)}.${(m.point ?? m.kind).replace(/\//g, '.')}`, 255);
}

/**
 * A lead plan as a short text: `profile=a|b;grades=x:A|y:B;pursue=x;record=f` (no commas: SCORM 2004
 * reads `[,]` in a response pattern as a delimiter).
 */
export function leadPlanText(plan: LeadPlan): string {
  const list = (xs: readonly string[]) => [...xs].sort().join('|');
  const grades = Object.entries(plan.grades).sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => `${k}:${g}`);
  return `profile=${list(plan.profile)};grades=${grades.join('|')};pursue=${list(plan.pursue)};record=${list(plan.record)}`;
}

const LETTERS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The bookmark: where the drill stands (move count and decision point). */
export function locationOf(report: AttemptReport): string {
  const last = report.moves[report.moves.length - 1];
  return `${report.moves.length}${last?.point ? `:${last.point}` : ''}`;
}

function interactionValues(version: ScormVersion, m: MoveReport, n: number, previousTime: number | null, p: ScormProgress): CmiValue[] {
  const at = (k: string, value: string): CmiValue => ({ element: `cmi.interactions.${n}.${k}`, value });
  const out: CmiValue[] = [at('id', interactionId(m))];
  const isPlan = m.kind === 'lead-plan';
  const plan = m.move.type === 'leads.submit' ? m.move.plan : null;
  if (version === '1.2') {
    const pos = m.option ? m.options.indexOf(m.option) : -1;
    const letter = pos >= 0 && pos < LETTERS.length ? LETTERS[pos]! : null;
    const expertPos = typeof m.expert === 'string' ? m.options.indexOf(m.expert) : -1;
    if (isPlan) {
      out.push(at('type', 'performance'), at('student_response', clip(leadPlanText(plan!), 255)));
      if (m.expert && typeof m.expert !== 'string') out.push(at('correct_responses.0.pattern', clip(leadPlanText(m.expert), 255)));
    } else if (letter) {
      out.push(at('type', 'choice'), at('student_response', letter));
      if (expertPos >= 0 && expertPos < LETTERS.length) out.push(at('correct_responses.0.pattern', LETTERS[expertPos]!));
    } else {
      out.push(at('type', 'fill-in'), at('student_response', clip(m.option ?? '', 255)));
      if (typeof m.expert === 'string') out.push(at('correct_responses.0.pattern', clip(m.expert, 255)));
    }
    out.push(at('result', m.matches === null ? 'neutral' : m.matches ? 'correct' : 'wrong'));
    if (m.time !== null) out.push(at('time', time12(m.time)));
    if (m.time !== null && previousTime !== null) out.push(at('latency', timespan12(m.time - previousTime)));
  } else {
    out.push(at('type', isPlan ? 'other' : 'choice'));
    if (m.time !== null) out.push(at('timestamp', time2004(m.time)));
    const description = isPlan ? 'Lead plan' : `${m.point}: ${m.option && p.optionText ? p.optionText(m.option) : (m.option ?? '')}`;
    out.push(at('description', `{lang=${p.language ?? 'en'}}${clip(description, 230)}`));
    if (isPlan) {
      if (m.expert && typeof m.expert !== 'string') out.push(at('correct_responses.0.pattern', clip(leadPlanText(m.expert), 4000)));
      out.push(at('learner_response', clip(leadPlanText(plan!), 4000)));
    } else {
      if (typeof m.expert === 'string') out.push(at('correct_responses.0.pattern', ident(m.expert, 250)));
      out.push(at('learner_response', ident(m.option ?? '', 250)));
    }
    out.push(at('result', m.matches === null ? 'neutral' : m.matches ? 'correct' : 'incorrect'));
    if (m.time !== null && previousTime !== null) out.push(at('latency', isoDuration(m.time - previousTime)));
  }
  const objectives = [...m.keyActions.map((k) => `key-action.${k}`), ...m.pitfalls.map((k) => `pitfall.${k}`)].slice(0, MAX_INTERACTION_OBJECTIVES);
  objectives.forEach((id, i) => out.push(at(`objectives.${i}.id`, ident(id, version === '1.2' ? 255 : 4000))));
  return out;
}

/** The decisions of a report that become interactions (choices and the lead plan), at most MAX_INTERACTIONS. */
export function decisions(report: AttemptReport): MoveReport[] {
  return report.moves.filter((m) => m.kind === 'choice' || m.kind === 'lead-plan').slice(0, MAX_INTERACTIONS);
}

/** Every value to write for the attempt as it stands; interactions from `interactionsWritten` on. */
export function scormValues(version: ScormVersion, p: ScormProgress): { values: CmiValue[]; interactions: number } {
  const { report } = p;
  const ended = report.outcome !== null;
  const passed = report.score.overall.passed;
  const raw = String(report.score.overall.score);
  const v = (element: string, value: string): CmiValue => ({ element, value });
  const values: CmiValue[] = [];
  const reached = new Set(report.score.stages.filter((s) => s.reached).map((s) => s.stage));
  const endedStages = new Map(report.endedStages.map((s) => [s.stage, s]));
  if (version === '1.2') {
    values.push(
      v('cmi.core.lesson_status', ended ? (passed ? 'passed' : 'failed') : 'incomplete'),
      v('cmi.core.score.min', '0'),
      v('cmi.core.score.max', '100'),
      v('cmi.core.score.raw', raw),
      v('cmi.core.session_time', timespan12(p.sessionMs)),
      v('cmi.core.lesson_location', clip(locationOf(report), 255)),
      v('cmi.core.exit', ended ? '' : 'suspend'),
      v('cmi.suspend_data', p.suspendData),
    );
  } else {
    values.push(
      v('cmi.completion_status', ended ? 'completed' : 'incomplete'),
      v('cmi.success_status', ended ? (passed ? 'passed' : 'failed') : 'unknown'),
      v('cmi.score.min', '0'),
      v('cmi.score.max', '100'),
      v('cmi.score.raw', raw),
      v('cmi.score.scaled', String(report.score.overall.score / 100)),
      v('cmi.progress_measure', String(ended ? 1 : Math.round((reached.size / STAGES.length) * 100) / 100)),
      v('cmi.session_time', isoDuration(p.sessionMs)),
      v('cmi.location', clip(locationOf(report), 1000)),
      v('cmi.exit', ended ? 'normal' : 'suspend'),
      v('cmi.suspend_data', p.suspendData),
    );
  }
  // One objective per stage, in chain order (so the indexes never change between commits).
  STAGES.forEach((stage, n) => {
    const s = report.score.stages.find((x) => x.stage === stage)!;
    const done = endedStages.get(stage);
    const o = (k: string, value: string) => v(`cmi.objectives.${n}.${k}`, value);
    values.push(o('id', `stage.${stage}`));
    if (reached.has(stage)) values.push(o('score.min', '0'), o('score.max', '100'), o('score.raw', String(s.score)));
    if (version === '1.2') values.push(o('status', done ? (done.passed ? 'passed' : 'failed') : reached.has(stage) ? 'incomplete' : 'not attempted'));
    else {
      if (reached.has(stage)) values.push(o('score.scaled', String(s.score / 100)));
      values.push(o('completion_status', done ? 'completed' : reached.has(stage) ? 'incomplete' : 'not attempted'));
      values.push(o('success_status', done ? (done.passed ? 'passed' : 'failed') : 'unknown'));
    }
  });
  const all = decisions(report);
  for (let n = p.interactionsWritten; n < all.length; n++) {
    const m = all[n]!;
    const previous = report.moves[m.index - 2]?.time ?? null;
    values.push(...interactionValues(version, m, n, previous, p));
  }
  return { values, interactions: all.length };
}
