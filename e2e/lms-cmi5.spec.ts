/**
 * The cmi5 package: built with `npm run package -- cmi5`, launched as a cmi5 LMS launches an AU (the
 * launch parameters, the fetch URL that hands out the session's token, the LMS.LaunchData state
 * document), its statements sent to a real LRS (xapi-statements; LTC_TEST_LRS). The LMS's document
 * store (state, agent profile) is played by this test, since that LRS keeps statements only. The
 * drill is closed part way and relaunched in the same registration: it resumes at the same move from
 * the state it saved; at the end the LRS holds the cmi5 statements, valid xAPI, with the score.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import xapiValidation from '@learninglocker/xapi-validation';
import type { Statement } from '@xapi/xapi';
import { scenario } from './support/data';
import { customerLines, followExemplar, submitExpertLeads, toDebrief, tr } from './support/drill';
import { buildPackage, serveLms, type BuiltPackage } from './support/lms-host';
import { CMI5_CATEGORY, CMI5_MASTERY, CMI5_MOVEON, CMI5_SESSION } from '../src/domain/lms/statements';
import { VERBS } from '../src/domain/lms/xapi-profile';

const lrs = process.env.LTC_TEST_LRS;
if (process.env.CI && !lrs) throw new Error('LTC_TEST_LRS is not set: .ci/run starts the test LRS (e2e/lrs/lrs.sh) and sets it');
test.skip(!lrs, 'needs the test LRS (bash e2e/lrs/lrs.sh start)');

// A CommonJS module: its function is the default export under Node's loader, or the module itself.
const validateStatement = (xapiValidation as unknown as { default?: typeof xapiValidation }).default ?? xapiValidation;
const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';
// The LMS on loopback, like the LRS (a page elsewhere may not call a loopback address); nothing listens: the test answers.
const LMS_ORIGIN = 'http://127.0.0.1:8399';
const TOKEN = Buffer.from('ltc-cmi5:secret').toString('base64');

test('cmi5: launched with a token, resumes from its state in the same registration, reports to the LRS', async ({ page }) => {
  const pkg: BuiltPackage = buildPackage('cmi5', ['first-deal-tutorial']);
  const au = /<au id="([^"]+)"[^>]*masteryScore="([\d.]+)"/.exec(pkg.descriptor)!;
  const url = /<url>([^<]+)<\/url>/.exec(pkg.descriptor)![1]!.replace(/&amp;/g, '&');
  expect(url).toBe('index.html?scenario=first-deal-tutorial');
  const [auId, mastery] = [au[1]!, Number(au[2])];
  const registration = randomUUID();
  const actor = { objectType: 'Agent', name: 'Chen Jie', account: { homePage: 'https://lms.example.org', name: `chen-jie-${registration.slice(0, 8)}` } };
  const s = scenario(TUTORIAL);

  const context = page.context();
  await serveLms(context, pkg, LMS_ORIGIN);
  await context.addInitScript((seed) => {
    const original = crypto.getRandomValues.bind(crypto);
    crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint32Array && array.length === 1) {
        array[0] = seed >>> 0;
        return array;
      }
      return original(array as never) as T;
    }) as typeof crypto.getRandomValues;
  }, s.seed);
  // The LMS: the token, and its documents (launch data, learner preferences, the AU's own state).
  let sessionId = randomUUID();
  const documents = new Map<string, string>();
  await context.route(`${LMS_ORIGIN}/fetch`, (route) => route.fulfill({ json: { 'auth-token': TOKEN } }));
  // Every request to the LRS passes here: statements go on to the real LRS (answered with CORS
  // headers, as the intercepted page needs them), the documents are kept by the test.
  await context.route(`${lrs}**`, async (route) => {
    const request = route.request();
    const cors = { 'Access-Control-Allow-Origin': LMS_ORIGIN, 'Access-Control-Allow-Headers': 'authorization,content-type,x-experience-api-version', 'Access-Control-Allow-Methods': 'GET,PUT,POST,DELETE' };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const where = new URL(request.url());
    const q = where.searchParams;
    expect(request.headers()['authorization']).toBe(`Basic ${TOKEN}`);
    if (where.pathname.endsWith('/statements')) {
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), ...cors } });
    }
    const key = q.get('stateId') ?? q.get('profileId') ?? '';
    if (key === 'LMS.LaunchData') {
      return route.fulfill({
        headers: cors,
        json: {
          contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: auId }] }, extensions: { [CMI5_SESSION]: sessionId } },
          launchMode: 'Normal',
          moveOn: 'CompletedAndPassed',
          masteryScore: mastery,
        },
      });
    }
    if (request.method() === 'PUT' || request.method() === 'POST') {
      documents.set(key, request.postData() ?? '');
      return route.fulfill({ status: 204, headers: cors });
    }
    const doc = documents.get(key);
    return doc === undefined ? route.fulfill({ status: 404, body: 'no document', headers: cors }) : route.fulfill({ body: doc, contentType: 'application/json', headers: cors });
  });
  const launch = async (): Promise<Page> => {
    const params = new URLSearchParams({ endpoint: lrs!, fetch: `${LMS_ORIGIN}/fetch`, actor: JSON.stringify(actor), registration, activityId: auId });
    const sco = await context.newPage();
    await sco.goto(`${LMS_ORIGIN}/course/${url}&${params}`);
    await expect(sco.getByRole('status').first()).not.toContainText(tr('en', 'lms.status.connecting', { standard: 'cmi5' }));
    await expect(sco.getByRole('status').first()).toContainText(tr('en', 'lms.status.connected', { standard: 'cmi5' }));
    return sco;
  };

  let sco = await launch();
  await submitExpertLeads(sco, s, 'en');
  const first = await followExemplar(sco, s, 'en', { maxMoves: 3 });
  const lines = await customerLines(sco, 'en');
  await expect.poll(() => documents.size).toBeGreaterThan(0);
  await sco.close({ runBeforeUnload: true });

  // A new session of the same registration: the drill is where it was.
  sessionId = randomUUID();
  sco = await launch();
  await expect(sco.getByText(tr('en', 'lms.status.resumed'))).toBeVisible();
  expect(await customerLines(sco, 'en')).toEqual(lines);
  const rest = await followExemplar(sco, s, 'en', { from: first.next });
  expect(rest.ended).toBe(true);
  await toDebrief(sco, 'en');

  // What the LRS holds for the registration.
  const statements = async (): Promise<Statement[]> => {
    const res = await page.request.get(`${lrs}statements?registration=${registration}&limit=500`, { headers: { Authorization: `Basic ${TOKEN}`, 'X-Experience-API-Version': '1.0.3' } });
    return ((await res.json()) as { statements: Statement[] }).statements;
  };
  await expect.poll(async () => (await statements()).some((x) => x.verb.id === VERBS.passed), { timeout: 20_000 }).toBe(true);
  const all = await statements();
  for (const x of all) expect(validateStatement(x), x.verb.id).toEqual([]);
  const verbs = all.map((x) => x.verb.id);
  expect(verbs.filter((v) => v === VERBS.initialized)).toHaveLength(2); // one per session, sent by the cmi5 library
  expect(verbs.filter((v) => v === VERBS.answered).length).toBeGreaterThanOrEqual(1 + first.moves);
  const passed = all.find((x) => x.verb.id === VERBS.passed)!;
  const completed = all.find((x) => x.verb.id === VERBS.completed && x.object && 'id' in x.object && x.object.id === auId)!;
  for (const defined of [passed, completed]) {
    expect(defined.object).toMatchObject({ id: auId });
    expect(defined.context?.registration).toBe(registration);
    expect(defined.context?.contextActivities?.category?.map((c) => c.id)).toEqual(expect.arrayContaining([CMI5_CATEGORY, CMI5_MOVEON]));
    expect(defined.context?.extensions?.[CMI5_SESSION]).toBe(sessionId);
    expect(defined.result?.duration).toMatch(/^PT/);
  }
  expect(passed.result).toMatchObject({ success: true, score: { scaled: expect.any(Number) } });
  expect(passed.result!.score!.scaled!).toBeGreaterThanOrEqual(mastery);
  expect(passed.context?.extensions?.[CMI5_MASTERY]).toBe(mastery);
  expect(verbs).toContain(VERBS.terminated);
});
