/**
 * The SCORM packages in an LMS: each package is built with `npm run package`, unzipped, and launched
 * from a host page whose runtime is scorm-again (SCORM 1.2 in a window the LMS opens, found through
 * `window.opener`; SCORM 2004 in a frame, found through `window.parent`). The drill is played part
 * way, the committed CMI data checked, the LMS window closed, the SCO relaunched from the stored CMI
 * and checked to resume at the same move, then played to the end: status, score, interactions and
 * suspend data must be what the domain says of the same moves. An LMS refusing commits loses nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { scenario } from './support/data';
import { customerLines, followExemplar, submitExpertLeads, toDebrief, tr, transcript } from './support/drill';
import { buildPackage, LMS_ORIGIN, scoLaunch, serveLms, type BuiltPackage } from './support/lms-host';
import { loadModel } from '../test/support/load';
import { decodeSuspendData, SCORM12_SUSPEND_LIMIT } from '../src/domain/lms/suspend-data';
import { score } from '../src/domain/scoring/score';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';
type Cmi = Record<string, unknown> & { core?: Record<string, unknown>; interactions?: Record<string, Record<string, unknown>>; suspend_data: string };

const lastCommit = (host: Page) => host.evaluate(() => (window as unknown as { lms: { last(): unknown } }).lms.last() as Cmi | null);
const commitCount = (host: Page) => host.evaluate(() => (window as unknown as { lms: { commits: unknown[] } }).lms.commits.length);
const interactionsOf = (cmi: Cmi | null) => Object.values(cmi?.interactions ?? {}).filter((i) => i && typeof i === 'object' && 'id' in i && i.id) as Record<string, unknown>[];
const decisionsOf = (moves: { type: string }[]) => moves.filter((m) => m.type === 'choose' || m.type === 'leads.submit').length;

async function pinSeed(host: Page, seed: number) {
  await host.context().addInitScript((s) => {
    const original = crypto.getRandomValues.bind(crypto);
    crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint32Array && array.length === 1) {
        array[0] = s >>> 0;
        return array;
      }
      return original(array as never) as T;
    }) as typeof crypto.getRandomValues;
  }, seed);
}

for (const { standard, version, how } of [
  { standard: 'scorm12', version: '1.2', how: 'window' },
  { standard: 'scorm2004', version: '2004', how: 'frame' },
] as const) {
  test.describe(`${standard} package`, () => {
    let pkg: BuiltPackage;
    test.beforeAll(() => {
      pkg = buildPackage(standard, ['first-deal-tutorial']);
    });

    test(`plays in scorm-again ${version} (${how}), resumes after the LMS window closes, reports to the end`, async ({ page: host }) => {
      const s = scenario(TUTORIAL);
      const model = loadModel(TUTORIAL);
      await serveLms(host.context(), pkg);
      await pinSeed(host, s.seed);
      const url = `/course/${scoLaunch(pkg.descriptor, 'first-deal-tutorial')}`;
      expect(url).toBe('/course/index.html?scenario=first-deal-tutorial');

      const launchSco = async (cmi: Cmi | null): Promise<Page> => {
        await host.goto(`${LMS_ORIGIN}/host.html`);
        const popup = how === 'window' ? host.waitForEvent('popup') : null;
        await host.evaluate(([v, c, h, u]) => (window as unknown as { lms: { start(...a: unknown[]): void } }).lms.start(v, c, h, u), [version, cmi, how, url] as const);
        const sco = popup ? await popup : (host.frameLocator('iframe[name=sco]') as unknown as Page);
        await expect(sco.getByRole('status')).toContainText(tr('en', 'lms.status.connected', { standard: tr('en', `lms.standard.${standard}`) }));
        return sco;
      };
      const closeSco = async (sco: Page) => {
        if (how === 'window') await sco.close({ runBeforeUnload: true });
        else await host.evaluate(() => document.querySelector('iframe')!.remove());
        await expect.poll(() => host.evaluate(() => (window as unknown as { lms: { finished: boolean } }).lms.finished)).toBe(true);
      };

      // First session: the lead plan and three moves.
      let sco = await launchSco(null);
      await expect(sco.getByRole('heading', { name: tr('en', 'drill.leads.heading') })).toBeVisible();
      await submitExpertLeads(sco, s, 'en');
      const first = await followExemplar(sco, s, 'en', { maxMoves: 3 });
      expect(first.ended).toBe(false);
      const before = await transcript(sco, 'en').locator('li').allInnerTexts();
      const lines = await customerLines(sco, 'en');
      await expect.poll(async () => decodeSuspendData(model, (await lastCommit(host))?.suspend_data ?? '').ok).toBe(true);
      await closeSco(sco);

      const stored = (await lastCommit(host))!;
      const kept = decodeSuspendData(model, stored.suspend_data);
      if (!kept.ok) throw new Error(`suspend data: ${kept.error}`);
      const played = 1 + first.moves;
      expect(kept.attempt.moves).toHaveLength(played);
      expect(stored.suspend_data.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
      expect(interactionsOf(stored)).toHaveLength(decisionsOf(kept.attempt.moves));
      if (version === '1.2') {
        expect(stored.core).toMatchObject({ lesson_status: 'incomplete', exit: 'suspend', lesson_location: expect.stringMatching(new RegExp(`^${played}:`)) });
      } else {
        expect(stored).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown', exit: 'suspend', location: expect.stringMatching(new RegExp(`^${played}:`)) });
      }

      // Relaunch from the stored CMI: the drill is where it was.
      sco = await launchSco(stored);
      await expect(sco.getByRole('status')).toContainText(tr('en', 'lms.status.resumed'));
      await expect(transcript(sco, 'en')).toBeVisible();
      expect(await customerLines(sco, 'en')).toEqual(lines);
      expect(await transcript(sco, 'en').locator('li').allInnerTexts()).toEqual(before);

      // The LMS refuses commits for one move: the page says so; nothing is lost.
      await host.evaluate(() => ((window as unknown as { lms: { refuse: boolean } }).lms.refuse = true));
      const refusedFrom = await commitCount(host);
      await followExemplar(sco, s, 'en', { from: first.next, maxMoves: 1 });
      await expect(sco.getByRole('alert').filter({ hasText: tr('en', 'lms.status.commitFailed') })).toBeVisible();
      expect(await commitCount(host)).toBe(refusedFrom);
      await host.evaluate(() => ((window as unknown as { lms: { refuse: boolean } }).lms.refuse = false));

      // To the end: the expert path wins; then the LMS window is closed.
      const rest = await followExemplar(sco, s, 'en', { from: first.next + 1 });
      expect(rest.ended).toBe(true);
      await toDebrief(sco, 'en');
      await expect(sco.getByRole('button', { name: tr('en', 'debrief.actions.again') })).toHaveCount(0);
      // The LMS refused no value (only the commits it was told to refuse).
      await expect(sco.locator('.lms-errors li', { hasText: /^set / })).toHaveCount(0);
      await closeSco(sco);

      const final = (await lastCommit(host))!;
      const done = decodeSuspendData(model, final.suspend_data);
      if (!done.ok) throw new Error(`suspend data: ${done.error}`);
      expect(done.attempt.moves.length).toBe(played + 1 + rest.moves);
      const expected = score(model, { seed: done.attempt.seed, moves: done.attempt.moves });
      const raw = String(expected.overall.score);
      const passed = expected.overall.passed;
      expect(passed).toBe(true);
      if (version === '1.2') {
        expect(final.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw, min: '0', max: '100' } });
        expect(final.core!.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
      } else {
        expect(final).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal', score: { raw, min: '0', max: '100', scaled: String(expected.overall.score / 100) } });
        expect(final.session_time).toMatch(/^PT/);
      }
      const interactions = interactionsOf(final);
      expect(interactions).toHaveLength(decisionsOf(done.attempt.moves));
      // One per decision, in order, each naming its step; on the expert path every choice is the expert's.
      for (const i of interactions) expect(i.id).toMatch(/^m\d{2}\.(leads|[a-z-]+\.[a-z0-9-]+)$/);
      expect(interactions[0]).toMatchObject({ id: 'm01.leads', type: version === '1.2' ? 'performance' : 'other' });
      const results = interactions.map((i) => i.result);
      if (rest.deviations === 0 && first.deviations === 0) expect(new Set(results)).toEqual(new Set(['correct']));
      expect(interactions.some((i) => Object.keys((i.objectives as object) ?? {}).length > 0)).toBe(true);
    });
  });
}
