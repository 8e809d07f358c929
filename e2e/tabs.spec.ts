/**
 * Two tabs, one attempt: the tab that opened it drives, the second follows it live, read-only and
 * saying why; "continue here" hands it over (the first tab follows then); closing the driving tab
 * lets the other drive. Both tabs play in turn, and the saved attempt holds every move once, in order.
 */
import type { Page } from '@playwright/test';
import { scenario } from './support/data';
import { followExemplar, openLibrary, optionsGroup, pinSeed, startScenario, submitExpertLeads, toDebrief, tr, transcript } from './support/drill';
import { expect, test } from './support/test';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

/** The saved copy of one attempt, straight from IndexedDB. */
const savedMoves = (page: Page, id: string) =>
  page.evaluate(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ltc-attempts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('attempts').objectStore('attempts').get(key);
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { moves: unknown[] } | undefined)?.moves.length ?? -1);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );

const lines = (page: Page) => transcript(page, 'en').locator('li').allInnerTexts();
const following = (page: Page) => page.getByText(tr('en', 'attempt.tabs.following'));
const continueHere = (page: Page) => page.getByRole('button', { name: tr('en', 'attempt.tabs.continueHere') });

test.use({ locale: 'en-US' });

test('one attempt in two tabs: one drives, the other follows read-only; they hand it over and play in turn; nothing forks or is lost', async ({ page: first, context }) => {
  const s = scenario(TUTORIAL);
  await pinSeed(first, s.seed);
  await openLibrary(first, 'en');
  await startScenario(first, s, 'en');
  await submitExpertLeads(first, s, 'en');
  let played = await followExemplar(first, s, 'en', { maxMoves: 2 });
  let total = 1 + played.moves;
  const id = decodeURIComponent(/#\/attempt\/([^/]+)/.exec(first.url())![1]!);

  // The second tab opens the same attempt: it follows, read-only, and says why.
  const second = await context.newPage();
  await second.goto(`/#/attempt/${id}`);
  await expect(following(second)).toBeVisible();
  await expect.poll(() => lines(second)).toEqual(await lines(first));
  await expect(optionsGroup(second, 'en')).toHaveCount(0);
  await expect(following(first)).toHaveCount(0);

  // The first plays on; the second follows every move.
  played = await followExemplar(first, s, 'en', { from: played.next, maxMoves: 2 });
  total += played.moves;
  await expect.poll(() => lines(second)).toEqual(await lines(first));
  await expect.poll(() => savedMoves(first, id)).toBe(total);

  // "Continue here": the second drives, the first follows.
  await continueHere(second).click();
  await expect(optionsGroup(second, 'en')).toBeVisible();
  await expect(second.getByText(tr('en', 'attempt.tabs.tookOver'))).toBeVisible();
  await expect(following(first)).toBeVisible();
  await expect(optionsGroup(first, 'en')).toHaveCount(0);
  played = await followExemplar(second, s, 'en', { from: played.next, maxMoves: 2 });
  total += played.moves;
  await expect.poll(() => lines(first)).toEqual(await lines(second));
  await expect.poll(() => savedMoves(second, id)).toBe(total);

  // Back to the first tab, which plays on from exactly there.
  await continueHere(first).click();
  await expect(optionsGroup(first, 'en')).toBeVisible();
  await expect(following(second)).toBeVisible();
  played = await followExemplar(first, s, 'en', { from: played.next, maxMoves: 2 });
  total += played.moves;
  await expect.poll(() => lines(second)).toEqual(await lines(first));
  await expect.poll(() => savedMoves(first, id)).toBe(total);

  // The driving tab closes: the follower drives and finishes the attempt.
  const before = await lines(first);
  await first.close();
  await expect(optionsGroup(second, 'en')).toBeVisible();
  expect(await lines(second)).toEqual(before);
  const rest = await followExemplar(second, s, 'en', { from: played.next });
  expect(rest.ended).toBe(true);
  total += rest.moves;
  await toDebrief(second, 'en');
  expect(await savedMoves(second, id)).toBe(total);

  // A fresh tab on the finished attempt shows the same debrief.
  const third = await context.newPage();
  await third.goto(`/#/attempt/${id}`);
  await expect(third.getByTestId('overall-score')).toHaveText(await second.getByTestId('overall-score').innerText());
});
