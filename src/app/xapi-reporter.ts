/**
 * Sends the attempts played in this browser to the LRS set in Review: whenever an own attempt is
 * saved (every move, explain-back and ending), its statements are rebuilt from the attempt (the
 * same attempt always gives the same statements and ids) and those not yet queued or sent go into
 * the statement queue. Started when the app opens if an LRS is set, and when one is saved.
 */
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import { reportAttempt } from '../domain/lms/attempt-report';
import { attemptStatements } from '../domain/lms/statements';
import { attemptsStore } from '../state/attempts/use-attempts';
import { lrsStore, statementQueue, traineeAgent } from '../state/lms/lms-service';
import { resolveScenario } from '../state/review/scenario-models';
import { useAppStore } from '../state/app-store';

let running: (() => void) | null = null;

/** Starts sending (once; later calls do nothing while it runs). */
export async function startXapiReporting(): Promise<void> {
  if (running) return;
  const lrs = lrsStore.getState();
  if (!lrs.loaded) await lrs.load();
  const seen = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = async () => {
    const { settings, installation } = lrsStore.getState();
    if (!settings?.sendAttempts || !installation) return;
    const own = attemptsStore.getState().records.filter((r) => !r.imported && seen.get(r.id) !== r.updatedAt);
    for (const record of own) {
      const statements = await statementsOf(record, settings, installation);
      if (!statements) continue;
      await statementQueue.enqueue(statements, { kind: 'settings' });
      seen.set(record.id, record.updatedAt);
    }
    await statementQueue.flush();
  };
  // Moves come quickly; one pass shortly after the last change.
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void send(), 400);
  };
  const unsubscribe = [attemptsStore.subscribe(soon), lrsStore.subscribe(soon)];
  running = () => unsubscribe.forEach((u) => u());
  if (!attemptsStore.getState().loaded) await attemptsStore.getState().load();
  soon();
}

async function statementsOf(record: AttemptRecord, settings: NonNullable<ReturnType<typeof lrsStore.getState>['settings']>, installation: string) {
  const scenario = await resolveScenario(record.scenario.hash, attemptsStore.getState().source).catch(() => null);
  if (!scenario || record.moves.length === 0) return null;
  const report = reportAttempt(scenario.model, record, scenario.exemplar);
  if (report.replayed !== record.moves.length) return null; // a log that does not replay is not reported
  return attemptStatements(scenario.model, record, report, { actor: traineeAgent(settings, record.trainee, installation) }, useAppStore.getState().locale);
}
