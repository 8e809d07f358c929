/**
 * Against a real Learning Record Store (xapi-statements, started by `.ci/run` through
 * e2e/lrs/lrs.sh, its endpoint in LTC_TEST_LRS): the statements of every stored attempt validate
 * against the xAPI 1.0.3 statement rules, go through the queue, are idempotent when sent again, a
 * conflicting or invalid statement is refused (409, 400) and kept while the others are stored, a
 * dead endpoint loses nothing, and the attempts read back from the LRS pass the same checks as
 * imported files and replay to the same scores.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import validateStatement from '@learninglocker/xapi-validation';
import type { Statement } from '@xapi/xapi';
import { compileScenario } from '../../domain/compiler/compile';
import { attemptFromFile, readAttemptFile } from '../../domain/attempts/attempt-file';
import { verifyAttemptFile } from '../../domain/attempts/verify-attempt-file';
import { reportAttempt } from '../../domain/lms/attempt-report';
import { attemptStatements } from '../../domain/lms/statements';
import { attemptsFromStatements } from '../../domain/lms/statements-to-attempts';
import { PROFILE } from '../../domain/lms/xapi-profile';
import { attemptFixture, attemptFixtureNames, scenarioSource } from '../../../test/support/attempt-files';
import { loadModel } from '../../../test/support/load';
import { openLmsDb } from './lms-db';
import { basicAuth, fetchStatements, sendStatements, type LrsAccess } from './lrs-client';
import { createStatementQueue } from './statement-queue';

const endpoint = process.env.LTC_TEST_LRS;
// CI starts the LRS: there, a missing endpoint is a failure, not a skip.
if (process.env.CI && !endpoint) throw new Error('LTC_TEST_LRS is not set: .ci/run starts the test LRS (e2e/lrs/lrs.sh) and sets it');
const access: LrsAccess = { endpoint: endpoint ?? '', auth: basicAuth('ltc-test', 'secret') };
const settings = { kind: 'settings' } as const;
let dbs = 0;
const queueTo = (a: LrsAccess) => createStatementQueue({ open: () => openLmsDb(`ltc-lms-lrs-${dbs++}`), send: (_d, batch) => sendStatements(a, batch), later: () => () => undefined });

/** The statements of every stored attempt file, as the app sends them. */
function fixtureStatements() {
  return attemptFixtureNames().map((name) => {
    const file = attemptFixture(name);
    const model = loadModel(`scenarios/${file.scenario.id}.yaml`);
    const record = attemptFromFile(file, null);
    const expert = attemptFixture(`${model.id}.expert.json`).attempt;
    const report = reportAttempt(model, record, { seed: expert.seed, moves: expert.moves });
    const actor = { objectType: 'Agent' as const, name: record.trainee || 'Anonymous', account: { homePage: 'https://training.example.org', name: record.trainee || `browser-${record.id}` } };
    return { name, file, record, statements: attemptStatements(model, record, report, { actor }) };
  });
}

describe.skipIf(!endpoint)('with a real LRS (xapi-statements)', () => {
  it('every statement follows the xAPI 1.0.3 statement rules', () => {
    for (const { name, statements } of fixtureStatements()) {
      expect(statements.length, name).toBeGreaterThan(5);
      for (const s of statements) expect(validateStatement(s), `${name} ${s.verb.id}`).toEqual([]);
      expect(new Set(statements.map((s) => s.id)).size, name).toBe(statements.length);
    }
  });

  it('stores them through the queue, resends idempotently, keeps refused ones, survives a dead endpoint, and gives the attempts back', async () => {
    const all = fixtureStatements();
    const statements = all.flatMap((a) => a.statements);

    // A dead endpoint: nothing is lost, the queue waits to retry.
    const dead = queueTo({ ...access, endpoint: 'http://127.0.0.1:9/xAPI/' });
    await dead.enqueue(statements.slice(0, 5), settings);
    await dead.flush();
    expect(dead.store.getState()).toMatchObject({ pending: 5, sent: 0, problem: { kind: 'retry' } });
    dead.stop();

    const queue = queueTo(access);
    expect(await queue.enqueue(statements, settings)).toBe(statements.length);
    await queue.flush();
    expect(queue.store.getState()).toMatchObject({ pending: 0, sent: statements.length, rejected: [], problem: null });

    // Another browser sends the same attempts again: the LRS takes the same statements without complaint.
    const again = queueTo(access);
    await again.enqueue(statements.slice(0, 60), settings);
    await again.flush();
    expect(again.store.getState()).toMatchObject({ pending: 0, sent: 60, rejected: [] });

    // A statement with a known id but other content (409), and an invalid one (400), among good ones.
    const first = statements[0]!;
    const conflicting: Statement = { ...first, verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { en: 'passed' } } };
    const invalid: Statement = { ...first, id: '5b0f7c4e-1111-4c3b-9d2a-7e6f5a4b3c2d', verb: { id: 'not an iri' } };
    const fresh = queueTo(access);
    await fresh.enqueue([conflicting, ...statements.slice(1, 4), invalid], settings);
    await fresh.flush();
    const state = fresh.store.getState();
    expect(state.sent).toBe(3);
    expect(state.rejected.map((r) => r.problem?.status).sort()).toEqual([400, 409]);

    // Read back: every attempt, checked like an imported file, replays to its recorded score.
    const { statements: pulled } = await fetchStatements(access, { activity: PROFILE, max: 100_000 });
    const sources = new Map(all.map((a) => [a.file.scenario.hash, { file: a.file.scenario.file, source: scenarioSource(`scenarios/${a.file.scenario.id}.yaml`) }]));
    const rebuilt = attemptsFromStatements(pulled, (hash) => sources.get(hash) ?? null, Date.now());
    for (const { name, record } of all) {
      const back = rebuilt.find((r) => r.attemptId === record.id);
      if (!back?.ok) throw new Error(`${name}: ${back ? back.problem : 'not pulled'}`);
      const read = readAttemptFile(JSON.stringify(back.file), `${name} (LRS)`);
      if (!read.ok) throw new Error(`${name}: ${read.error.key}`);
      const verified = verifyAttemptFile(read.file, { fileName: name, compile: compileScenario, now: Date.now() });
      if (!verified.ok) throw new Error(`${name}: ${verified.error.key}`);
      expect(verified.flags, name).toEqual([]);
      expect(verified.record.moves, name).toEqual(record.moves);
      expect(verified.record.explainBacks, name).toEqual(record.explainBacks);
      expect(verified.record.status, name).toBe(record.status);
      expect(verified.record.score, name).toEqual(record.score);
    }
  });
});
