/**
 * The app as an LMS launches it (a SCORM 1.2 or 2004 SCO, or a cmi5 AU; see `npm run package`):
 * finds the LMS, starts the scenario it was launched for, or resumes the attempt the LMS kept
 * (suspend data, or the cmi5 state document), and reports every move, stage and ending to the LMS as
 * it happens. Every attempt is also kept in this browser (the attempts database), so an LMS that
 * refuses a value or a commit loses nothing: the errors are shown and the next commit writes the
 * whole attempt again.
 */
import { createStore } from 'zustand/vanilla';
import type { Agent } from '@xapi/xapi';
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import { newAttemptRecord } from '../domain/attempts/new-attempt';
import type { Exemplar } from '../domain/explorer/exemplar';
import type { PackageStandard } from '../domain/lms/manifests';
import { reportAttempt } from '../domain/lms/attempt-report';
import { scormValues, type ScormVersion } from '../domain/lms/scorm-cmi';
import { attemptPassed, CMI5_SESSION, attemptStatements, type Cmi5Session } from '../domain/lms/statements';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT, type SuspendedAttempt } from '../domain/lms/suspend-data';
import { findOption, type ScenarioModel } from '../domain/scenario/model';
import { pickText, type Locale } from '../domain/text/localized-text';
import { attemptsStore } from '../state/attempts/use-attempts';
import { connectScorm, type ScormConnection, type ScormError } from '../state/lms/scorm-api';
import { registerLaunch, statementQueue } from '../state/lms/lms-service';
import { bundledScenarios, loadScenario, loadScenarioSource, type LibraryEntry, type LoadedScenario } from '../state/scenario-library';
import { scenarioSource } from '../domain/attempts/scenario-source';
import { v4 as uuidv4 } from 'uuid';
import { continueSession, startSession, type DrillSession } from './drill-session';

// LMSs often serve courses over plain HTTP, where browsers offer no crypto.randomUUID (secure contexts
// only); the drill names its attempts with it. getRandomValues, which uuid uses, works everywhere.
if (typeof crypto !== 'undefined' && typeof crypto.randomUUID !== 'function') {
  // Random bytes given to uuid, so that it does not call back into crypto.randomUUID.
  Object.defineProperty(crypto, 'randomUUID', { value: () => uuidv4({ random: crypto.getRandomValues(new Uint8Array(16)) }), configurable: true });
}

/** What the LMS page shows about the connection. */
export interface LmsStatus {
  standard: PackageStandard;
  /** `connecting` until the LMS answered; `none` when no LMS was found (the drill runs, kept locally). */
  phase: 'connecting' | 'connected' | 'none' | 'failed' | 'ended';
  /** The LMS's refusals, newest last. */
  errors: ScormError[];
  /** Messages about the connection: keys under `lms.*` with arguments. */
  notes: { key: string; args?: Record<string, string | number> }[];
  /** Whether the attempt was resumed from what the LMS kept. */
  resumed: boolean;
  lastCommit: 'ok' | 'failed' | null;
  learner: string;
}

export const lmsStatus = createStore<LmsStatus>()(() => ({ standard: 'scorm12', phase: 'connecting', errors: [], notes: [], resumed: false, lastCommit: null, learner: '' }));
const note = (key: string, args?: Record<string, string | number>) => lmsStatus.setState((s) => ({ notes: [...s.notes, { key, ...(args ? { args } : {}) }] }));

export type LaunchResult = { ok: true; session: DrillSession; scenario: LoadedScenario; entry: LibraryEntry; finish(): void } | { ok: false; problem: 'no-scenario' | 'scenario-missing' } | { ok: false; problem: 'failed'; detail: string };

/** The scenario the launch asks for (`?scenario=<id>`), or the package's only one. */
export function launchedEntry(search: string): LibraryEntry | null | 'none' {
  const wanted = new URLSearchParams(search).get('scenario');
  const playable = bundledScenarios().filter((e) => e.meta);
  if (wanted) return playable.find((e) => e.meta!.id === wanted) ?? null;
  return playable.length === 1 ? playable[0]! : 'none';
}

const suspendedOf = (r: AttemptRecord): SuspendedAttempt => ({ id: r.id, seed: r.seed, createdAt: r.createdAt, moves: r.moves, times: r.times, freeText: r.freeText, explainBacks: r.explainBacks });

/**
 * The attempt to continue from what the LMS kept: this browser's own copy when it has the same attempt
 * with at least those moves (the LMS may have missed the last commits), else one rebuilt from the LMS's data.
 */
async function resumedRecord(model: ScenarioModel, kept: SuspendedAttempt, trainee: string): Promise<AttemptRecord> {
  const store = attemptsStore.getState();
  if (!store.loaded) await store.load();
  const local = await store.find(kept.id);
  if (local.status === 'found' && local.record.scenario.hash === model.hash && kept.moves.every((m, i) => JSON.stringify(local.record.moves[i]) === JSON.stringify(m))) return local.record;
  const record = newAttemptRecord({ id: kept.id, scenario: model, seed: kept.seed, now: kept.createdAt, trainee });
  return { ...record, moves: kept.moves, times: kept.times, freeText: kept.freeText, explainBacks: kept.explainBacks };
}

/** Opens the drill: the kept attempt if it still replays, else a new one. */
async function openDrill(model: ScenarioModel, kept: SuspendedAttempt | null, trainee: string): Promise<DrillSession> {
  if (kept) {
    const record = await resumedRecord(model, kept, trainee);
    const session = continueSession(model, record);
    if (session) {
      lmsStatus.setState({ resumed: true });
      void attemptsStore.getState().saveProgress(record);
      return session;
    }
    note('lms.notes.doesNotReplay');
  }
  return startSession(model, trainee);
}

interface Reporter {
  report(record: AttemptRecord): void;
  finish(): void;
}

function optionTextFor(model: ScenarioModel, locale: Locale) {
  return (id: string) => pickText(findOption(model, id)?.rep, locale).text;
}

/** Reports to a SCORM LMS: every change is written and committed; the session ends with a final commit and Terminate. */
function scormReporter(conn: ScormConnection, model: ScenarioModel, exemplar: Exemplar | null, locale: Locale, mastery: number | null): Reporter {
  const version = conn.version;
  const limit = version === '1.2' ? SCORM12_SUSPEND_LIMIT : SCORM2004_SUSPEND_LIMIT;
  const started = Date.now();
  let written = Number(conn.get('cmi.interactions._count')) || 0;
  let lastSuspend = '';
  let ended = false;
  let last: AttemptRecord | null = null;
  const sync = () => lmsStatus.setState({ errors: conn.errors() });
  const write = (record: AttemptRecord) => {
    if (ended) return;
    last = record;
    const report = reportAttempt(model, record, exemplar);
    const encoded = encodeSuspendData(model, suspendedOf(record), limit);
    if (encoded.ok) lastSuspend = encoded.text;
    else note('lms.notes.suspendTooLong', { length: encoded.length, limit });
    const passed = report.outcome ? attemptPassed(report, mastery ?? undefined) : undefined;
    const { values, interactions } = scormValues(version, {
      report: passed === undefined ? report : { ...report, score: { ...report.score, overall: { ...report.score.overall, passed } } },
      suspendData: lastSuspend,
      sessionMs: Date.now() - started,
      interactionsWritten: written,
      optionText: optionTextFor(model, locale),
      language: locale,
    });
    const before = conn.errors().length;
    for (const v of values) conn.set(v.element, v.value);
    const failed = conn.errors().slice(before).some((e) => e.element?.startsWith('cmi.interactions.'));
    // A refused interaction is written again next time, from where the LMS's count says it stands.
    written = failed ? Number(conn.get('cmi.interactions._count')) || written : interactions;
    lmsStatus.setState({ lastCommit: conn.commit() ? 'ok' : 'failed' });
    sync();
  };
  return {
    report: write,
    finish() {
      if (ended) return;
      if (last) write(last);
      ended = true;
      conn.terminate();
      lmsStatus.setState({ phase: 'ended' });
      sync();
    },
  };
}

/** Reports to a cmi5 LMS's LRS: statements through the queue, the attempt kept in the LRS's state document. */
function cmi5Reporter(model: ScenarioModel, exemplar: Exemplar | null, locale: Locale, launch: { actor: Agent; endpoint: string; session: Cmi5Session; saveState(text: string): Promise<void> }): Reporter {
  const destination = { kind: 'cmi5' as const, endpoint: launch.endpoint, registration: launch.session.registration };
  let ended = false;
  return {
    report(record) {
      if (ended) return;
      const report = reportAttempt(model, record, exemplar);
      const statements = attemptStatements(model, record, report, { actor: launch.actor, cmi5: launch.session }, locale);
      void statementQueue.enqueue(statements, destination).then(() => statementQueue.flush());
      const encoded = encodeSuspendData(model, suspendedOf(record), SCORM2004_SUSPEND_LIMIT);
      if (encoded.ok) {
        launch.saveState(encoded.text).then(
          () => lmsStatus.setState({ lastCommit: 'ok' }),
          (e: unknown) => {
            lmsStatus.setState({ lastCommit: 'failed', errors: [...lmsStatus.getState().errors, { call: 'commit' as const, code: String((e as { response?: { status?: number } })?.response?.status ?? 'network'), text: 'state' }].slice(-50) });
          },
        );
      }
    },
    finish() {
      ended = true;
      void statementQueue.flush();
      lmsStatus.setState({ phase: 'ended' });
    },
  };
}

const STATE_ID = 'https://w3id.org/ltc-sales-simulator/xapi/state/attempt';

/** Connects to the LMS for `standard`, opens the launched scenario and starts reporting. */
export async function launch(standard: PackageStandard, locale: Locale, search = location.search): Promise<LaunchResult> {
  lmsStatus.setState({ standard, phase: 'connecting' });
  const entry = launchedEntry(search);
  if (entry === 'none') return { ok: false, problem: 'no-scenario' };
  if (!entry) return { ok: false, problem: 'scenario-missing' };
  const scenario = await loadScenario(entry.file);
  const { model, exemplar } = scenario;
  void loadScenarioSource(entry.file).then((s) => attemptsStore.getState().keepSource(scenarioSource(s)), () => undefined);

  let reporter: Reporter | null = null;
  let session: DrillSession;
  if (standard === 'cmi5') {
    const { default: Cmi5 } = await import('@xapi/cmi5');
    if (!Cmi5.isCmiAvailable) {
      lmsStatus.setState({ phase: 'none' });
      session = await openDrill(model, null, '');
    } else {
      try {
        const cmi5 = Cmi5.instance;
        await cmi5.initialize();
        const params = cmi5.getLaunchParameters();
        const data = cmi5.getLaunchData();
        const actor = params.actor;
        registerLaunch({ kind: 'cmi5', endpoint: params.endpoint, registration: params.registration }, { endpoint: params.endpoint, auth: `Basic ${cmi5.getAuthToken()}` });
        const xapi = cmi5.xapi!;
        const stateKey = { agent: actor, activityId: params.activityId, stateId: STATE_ID, registration: params.registration };
        let kept: SuspendedAttempt | null = null;
        try {
          const stored = (await xapi.getState(stateKey)).data as unknown;
          const text = typeof stored === 'string' ? stored : (stored as { suspend?: unknown } | null)?.suspend;
          if (typeof text === 'string') {
            const decoded = decodeSuspendData(model, text);
            if (decoded.ok) kept = decoded.attempt;
            else note(`lms.notes.suspend.${decoded.error}`);
          }
        } catch {
          // no state yet (404): a first launch
        }
        const learner = actor.name ?? actor.account?.name ?? '';
        lmsStatus.setState({ phase: 'connected', learner });
        session = await openDrill(model, kept, learner);
        const mastery = data.masteryScore;
        reporter = cmi5Reporter(model, exemplar, locale, {
          actor,
          endpoint: params.endpoint,
          session: {
            activityId: params.activityId,
            registration: params.registration,
            sessionId: String(data.contextTemplate.extensions?.[CMI5_SESSION] ?? ''),
            contextTemplate: data.contextTemplate,
            ...(typeof mastery === 'number' ? { masteryScore: mastery } : {}),
            initializedAt: cmi5.getInitializedDate().getTime(),
          },
          saveState: async (text) => {
            await xapi.setState({ ...stateKey, state: { suspend: text } });
          },
        });
      } catch (e) {
        lmsStatus.setState({ phase: 'failed', errors: [{ call: 'initialize', code: String((e as { response?: { status?: number } })?.response?.status ?? 'network'), text: String((e as Error)?.message ?? e).slice(0, 300) }] });
        session = await openDrill(model, null, '');
      }
    }
  } else {
    const version: ScormVersion = standard === 'scorm12' ? '1.2' : '2004';
    const conn = connectScorm(version);
    if (!conn) {
      lmsStatus.setState({ phase: 'none' });
      session = await openDrill(model, null, '');
    } else if (!conn.initialize()) {
      lmsStatus.setState({ phase: 'failed', errors: conn.errors() });
      session = await openDrill(model, null, '');
    } else {
      const v12 = version === '1.2';
      const learner = conn.get(v12 ? 'cmi.core.student_name' : 'cmi.learner_name');
      const text = conn.get('cmi.suspend_data');
      let kept: SuspendedAttempt | null = null;
      if (text) {
        const decoded = decodeSuspendData(model, text);
        if (decoded.ok) kept = decoded.attempt;
        else note(`lms.notes.suspend.${decoded.error}`);
      }
      const masteryText = conn.get(v12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score');
      const masteryValue = masteryText === '' ? NaN : Number(masteryText);
      const mastery = Number.isFinite(masteryValue) ? (v12 ? masteryValue / 100 : masteryValue) : null;
      lmsStatus.setState({ phase: 'connected', learner, errors: conn.errors() });
      session = await openDrill(model, kept, learner);
      reporter = scormReporter(conn, model, exemplar, locale, mastery);
    }
  }

  if (reporter) {
    const r = reporter;
    r.report(session.attempt.getState());
    session.attempt.subscribe((record) => r.report(record));
  }
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    reporter?.finish();
  };
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
  return { ok: true, session, scenario, entry, finish };
}
