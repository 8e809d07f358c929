/**
 * The xAPI statements that report an attempt (profile in xapi-profile.ts, documented in
 * docs/xapi-profile.md): `launched` and `initialized` when it starts (outside cmi5, where the LMS and
 * the launch do that), each move `answered` (a decision) or `interacted` (a wait, a record), each
 * stage `completed` with its score, each explain-back `responded`, and the attempt `completed` and
 * `passed` or `failed` with its score and duration (`terminated` when abandoned). Every statement
 * carries the attempt's id, seed and scenario, so attempts can be rebuilt from statements. The same
 * attempt always gives the same statements, ids included: a resend is idempotent.
 */
import type { Agent, Context, ContextActivity, Extensions, LanguageMap, Statement, StatementObject } from '@xapi/xapi';
import type { Locale, LocalizedText } from '../text/localized-text';
import { findOption, type ScenarioModel } from '../scenario/model';
import type { AttemptRecord } from '../attempts/attempt-record';
import { summarizeScore } from '../scoring/score-summary';
import type { AttemptReport, MoveReport } from './attempt-report';
import { isoDuration, leadPlanText } from './scorm-cmi';
import { ACTIVITY_TYPES, CONTEXT, PROFILE, RESULT, VERBS, registrationOf, scenarioActivityId, stageActivityId, statementId, stepActivityId, type VerbName } from './xapi-profile';

/** The cmi5 launch a statement belongs to (from the launch parameters and the LMS's launch data). */
export interface Cmi5Session {
  /** The AU's activity id (`activityId` launch parameter). */
  activityId: string;
  registration: string;
  /** The session id extension from the launch data's context template. */
  sessionId: string;
  contextTemplate: Context;
  /** The LMS's mastery score (0–1), when the AU has one: it decides passed or failed. */
  masteryScore?: number;
  /** When this session was initialized (ms since the epoch): durations are of the session. */
  initializedAt: number;
}

export interface StatementTarget {
  actor: Agent;
  cmi5?: Cmi5Session;
}

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const CMI5_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const CMI5_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const CMI5_SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

const PLATFORM = 'LTC Sales Simulator';
const MAX_RESPONSE = 10_000;

/** An xAPI language map of a localized text (both languages when both are written). */
function languageMap(text: LocalizedText | undefined, fallback: string): LanguageMap {
  const map: LanguageMap = {};
  for (const [locale, value] of Object.entries(text ?? {})) if (value) map[locale as Locale] = value;
  return Object.keys(map).length ? map : { en: fallback };
}

const verb = (name: VerbName) => ({ id: VERBS[name], display: { en: name } });

/** Whether an attempt passes: the scenario's rule, or the LMS's mastery score (cmi5) on the same won drill. */
export function attemptPassed(report: AttemptReport, masteryScore?: number): boolean {
  if (masteryScore === undefined) return report.score.overall.passed;
  return report.outcome?.outcome === 'won' && report.score.overall.score / 100 >= masteryScore;
}

const scoreOf = (score: number) => ({ scaled: score / 100, raw: score, min: 0, max: 100 });

function merge(base: Context, extra: Context): Context {
  const activities: NonNullable<Context['contextActivities']> = {};
  for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
    const list: ContextActivity[] = [...(base.contextActivities?.[key] ?? []), ...(extra.contextActivities?.[key] ?? [])];
    const unique = list.filter((a, i) => list.findIndex((b) => b.id === a.id) === i);
    if (unique.length) activities[key] = unique;
  }
  return { ...base, ...extra, contextActivities: activities, extensions: { ...base.extensions, ...extra.extensions } };
}

/** Every statement that reports `record` as it stands (`report` is its replay). */
export function attemptStatements(model: ScenarioModel, record: AttemptRecord, report: AttemptReport, target: StatementTarget, language: Locale = model.languages[0] ?? 'en'): Statement[] {
  const cmi5 = target.cmi5;
  const scenarioIri = cmi5?.activityId ?? scenarioActivityId(model.id);
  const scenarioActivity: StatementObject = {
    objectType: 'Activity',
    id: scenarioIri,
    definition: { type: ACTIVITY_TYPES.scenario, name: languageMap(model.title, model.id), description: languageMap(model.summary, model.id) },
  };
  const attemptExtensions: Extensions = {
    [CONTEXT.attempt]: record.id,
    [CONTEXT.seed]: record.seed,
    [CONTEXT.createdAt]: record.createdAt,
    [CONTEXT.scenario]: { id: model.id, version: model.version, hash: model.hash },
    [CONTEXT.trainee]: record.trainee,
  };
  const baseContext: Context = merge(cmi5?.contextTemplate ?? {}, {
    registration: cmi5?.registration ?? registrationOf(record.id),
    platform: PLATFORM,
    language,
    contextActivities: { category: [{ objectType: 'Activity', id: PROFILE, definition: { type: ACTIVITY_TYPES.profile } }] },
    extensions: attemptExtensions,
  });
  const iso = (ms: number | null) => new Date(ms ?? record.createdAt).toISOString();
  const make = (what: string, v: VerbName, object: StatementObject, time: number | null, extra: { result?: Statement['result']; context?: Context } = {}): Statement => ({
    id: statementId(cmi5 ? `${record.id}/${cmi5.registration}` : record.id, what),
    actor: target.actor,
    verb: verb(v),
    object,
    ...(extra.result ? { result: extra.result } : {}),
    context: merge(baseContext, extra.context ?? {}),
    timestamp: iso(time),
  });
  const underScenario: Context = { contextActivities: { parent: [{ objectType: 'Activity', id: scenarioIri }] } };
  const cmi5Defined = (moveOn: boolean): Context => ({
    contextActivities: { category: [{ id: CMI5_CATEGORY }, ...(moveOn ? [{ id: CMI5_MOVEON }] : [])] },
    ...(cmi5?.masteryScore !== undefined ? { extensions: { [CMI5_MASTERY]: cmi5.masteryScore } } : {}),
  });

  const out: Statement[] = [];
  if (!cmi5) {
    out.push(make('launched', 'launched', scenarioActivity, record.createdAt));
    out.push(make('initialized', 'initialized', scenarioActivity, record.createdAt));
  }
  for (const m of report.moves) out.push(moveStatement(model, m, make, scenarioActivity, underScenario));

  const timeOfMove = (index: number) => report.moves[index - 1]?.time ?? record.updatedAt;
  for (const s of report.endedStages) {
    const stage: StatementObject = { objectType: 'Activity', id: stageActivityId(model.id, s.stage), definition: { type: ACTIVITY_TYPES.stage, name: { en: s.stage } } };
    out.push(
      make(`stage/${s.stage}`, 'completed', stage, timeOfMove(s.endedAt), {
        result: { score: scoreOf(s.score), success: s.passed, completion: true },
        context: { ...underScenario, extensions: { [CONTEXT.stage]: s.stage } },
      }),
    );
    const back = record.explainBacks.find((e) => e.stage === s.stage);
    if (back) {
      out.push(
        make(`explain-back/${s.stage}/${back.skipped ? 'skipped' : back.text}`, 'responded', stage, timeOfMove(s.endedAt), {
          result: { response: back.text.slice(0, MAX_RESPONSE), ...(back.skipped ? { extensions: { [RESULT.skipped]: true } } : {}) },
          context: { ...underScenario, extensions: { [CONTEXT.stage]: s.stage } },
        }),
      );
    }
  }

  if (report.outcome) {
    const end = report.moves[report.moves.length - 1]?.time ?? record.updatedAt;
    const duration = isoDuration(end - (cmi5?.initializedAt ?? record.createdAt));
    const summary = summarizeScore(report.score);
    const extensions = { [RESULT.scoreSummary]: summary, [RESULT.outcome]: report.outcome.outcome };
    const score = scoreOf(report.score.overall.score);
    if (report.outcome.outcome === 'abandoned') {
      out.push(make('terminated', 'terminated', scenarioActivity, end, { result: { score, duration, completion: false, extensions }, ...(cmi5 ? { context: cmi5Defined(false) } : {}) }));
    } else {
      const passed = attemptPassed(report, cmi5?.masteryScore);
      out.push(make('completed', 'completed', scenarioActivity, end, { result: { score, completion: true, duration, extensions }, ...(cmi5 ? { context: cmi5Defined(true) } : {}) }));
      out.push(make(passed ? 'passed' : 'failed', passed ? 'passed' : 'failed', scenarioActivity, end, { result: { score, success: passed, duration, extensions }, ...(cmi5 ? { context: cmi5Defined(true) } : {}) }));
      if (cmi5) out.push(make(`terminated/${cmi5.sessionId}`, 'terminated', scenarioActivity, end, { result: { duration }, context: cmi5Defined(false) }));
    }
  }
  return out;
}

type Make = (what: string, v: VerbName, object: StatementObject, time: number | null, extra?: { result?: Statement['result']; context?: Context }) => Statement;

function moveStatement(model: ScenarioModel, m: MoveReport, make: Make, scenarioActivity: StatementObject, underScenario: Context): Statement {
  const extensions: Extensions = { [CONTEXT.moveIndex]: m.index, [CONTEXT.move]: m.move, [CONTEXT.stage]: m.stage, ...(m.point ? { [CONTEXT.step]: m.point } : {}) };
  const credit: Extensions = { [RESULT.keyActions]: m.keyActions, [RESULT.pitfalls]: m.pitfalls, ...(m.words !== null ? { [RESULT.words]: m.words.slice(0, MAX_RESPONSE) } : {}) };
  const context: Context = { ...underScenario, extensions };
  const what = `move/${m.index}`;
  if (m.kind === 'choice' && m.point && m.option) {
    const object: StatementObject = {
      objectType: 'Activity',
      id: stepActivityId(model.id, m.point),
      definition: {
        type: ACTIVITY_TYPES.interaction,
        name: { en: m.point },
        interactionType: 'choice',
        choices: m.options.map((id) => ({ id, description: languageMap(findOption(model, id)?.rep, id) })),
        ...(typeof m.expert === 'string' ? { correctResponsesPattern: [m.expert] } : {}),
      },
    };
    const expert = typeof m.expert === 'string' ? { [RESULT.expertOption]: m.expert } : {};
    return make(what, 'answered', object, m.time, { result: { response: m.option, ...(m.matches !== null ? { success: m.matches } : {}), extensions: { ...credit, ...expert } }, context });
  }
  if (m.kind === 'lead-plan' && m.move.type === 'leads.submit') {
    const object: StatementObject = {
      objectType: 'Activity',
      id: stepActivityId(model.id, 'leads'),
      definition: { type: ACTIVITY_TYPES.interaction, name: { en: 'leads' }, interactionType: 'other' },
    };
    return make(what, 'answered', object, m.time, { result: { response: leadPlanText(m.move.plan), ...(m.matches !== null ? { success: m.matches } : {}), extensions: credit }, context });
  }
  return make(what, 'interacted', scenarioActivity, m.time, { result: { extensions: credit }, context });
}
