/**
 * The IRIs of the simulator's xAPI profile (documented in docs/xapi-profile.md): the category every
 * statement carries, the activity ids of scenarios, stages and decision points, and the context and
 * result extensions. Statement ids are UUID v5 names under one namespace, derived from the attempt
 * and what the statement reports, so that sending a statement again is idempotent.
 */
import { v5 as uuidv5 } from 'uuid';

/** The profile's IRI, also the `category` context activity of every statement it defines. */
export const PROFILE = 'https://w3id.org/ltc-sales-simulator/xapi';

/** The namespace of the UUID v5 statement ids (fixed forever: changing it would duplicate every statement). */
export const STATEMENT_NAMESPACE = '6f1c2b8e-3d4a-5b6c-8d7e-9f0a1b2c3d4e';

export const ACTIVITY_TYPES = {
  scenario: 'http://adlnet.gov/expapi/activities/simulation',
  stage: 'http://adlnet.gov/expapi/activities/module',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

export const VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  interacted: 'http://adlnet.gov/expapi/verbs/interacted',
  responded: 'http://adlnet.gov/expapi/verbs/responded',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type VerbName = keyof typeof VERBS;

const ext = (name: string) => `${PROFILE}/extensions/${name}`;

/** Context extensions. */
export const CONTEXT = {
  /** The attempt's id (the app's, also the registration outside cmi5). */
  attempt: ext('attempt'),
  /** The attempt's random seed. */
  seed: ext('seed'),
  /** When the attempt began (ms since the epoch). */
  createdAt: ext('created-at'),
  /** The scenario: `{ id, version, hash }`. */
  scenario: ext('scenario'),
  /** The trainee's name as given in the app. */
  trainee: ext('trainee'),
  /** The move's number (from 1). */
  moveIndex: ext('move-index'),
  /** The move as the app logs it (`{ type: 'choose', option }`, …). */
  move: ext('move'),
  /** The stage the statement is about or was made in. */
  stage: ext('stage'),
  /** The decision point, `<stage or objection>/<step>`. */
  step: ext('step'),
} as const;

/** Result extensions. */
export const RESULT = {
  /** Key actions the move showed (ids). */
  keyActions: ext('key-actions'),
  /** Pitfalls the move committed (ids). */
  pitfalls: ext('pitfalls'),
  /** The expert's option at this decision point. */
  expertOption: ext('expert-option'),
  /** The trainee's own words written before the move ("say it your way first"). */
  words: ext('say-first'),
  /** The attempt's score summary as the app recorded it (overall, each stage, outcome). */
  scoreSummary: ext('score-summary'),
  /** How the drill ended: won, lost, stalled or abandoned. */
  outcome: ext('outcome'),
  /** An explain-back the trainee skipped. */
  skipped: ext('skipped'),
} as const;

export const scenarioActivityId = (scenarioId: string) => `${PROFILE}/scenario/${encodeURIComponent(scenarioId)}`;
export const stageActivityId = (scenarioId: string, stage: string) => `${scenarioActivityId(scenarioId)}/stage/${stage}`;
export const stepActivityId = (scenarioId: string, point: string) => `${scenarioActivityId(scenarioId)}/step/${point.split('/').map(encodeURIComponent).join('/')}`;

/** The id of the statement that reports `what` of attempt `attemptId`: UUID v5 of `<attempt>/<what>`. */
export function statementId(attemptId: string, what: string): string {
  return uuidv5(`${attemptId}/${what}`, STATEMENT_NAMESPACE);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** The registration of an attempt outside cmi5: its id when that is a UUID, else a UUID v5 of it. */
export function registrationOf(attemptId: string): string {
  return UUID.test(attemptId) ? attemptId.toLowerCase() : uuidv5(`${attemptId}/registration`, STATEMENT_NAMESPACE);
}
