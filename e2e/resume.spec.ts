/**
 * Reloading mid-drill loses nothing: the page comes back at the same point, and after leaving the
 * drill, "Continue" in the library replays the saved moves to the same transcript.
 */
import { expect, test } from './support/test';
import { scenario } from './support/data';
import { customerLines, followExemplar, LANGS, openLibrary, outcomeText, pinSeed, reflect, savedMoves, startScenario, submitExpertLeads, toDebrief, tr, transcript } from './support/drill';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

for (const { lang, browser } of LANGS) {
  test.describe(lang, () => {
    test.use({ locale: browser });

    test(`${TUTORIAL}: reload mid-drill, leave, continue: same transcript every time`, async ({ page }) => {
      const s = scenario(TUTORIAL);
      await pinSeed(page, s.seed);
      await openLibrary(page, lang);
      await startScenario(page, s, lang);
      await submitExpertLeads(page, s, lang);
      const played = await followExemplar(page, s, lang, { maxMoves: 4 });
      expect(played.ended).toBe(false);
      const before = await customerLines(page, lang);
      const allBefore = await transcript(page, lang).locator('li').allInnerTexts();
      expect(before.length).toBeGreaterThan(0);
      // The lead plan plus the four moves must be in IndexedDB before the reload.
      await expect.poll(() => savedMoves(page)).toBe(1 + played.moves);

      // A reload keeps the page: the attempt replays to where it was.
      await page.reload();
      await expect(transcript(page, lang)).toBeVisible();
      expect(await customerLines(page, lang)).toEqual(before);
      expect(await transcript(page, lang).locator('li').allInnerTexts()).toEqual(allBefore);

      // Closing the drill and coming back through the library's "Continue" gives the same.
      await page.getByRole('link', { name: tr(lang, 'app.title') }).click();
      await expect(page.getByRole('list', { name: tr(lang, 'library.heading') })).toBeVisible();
      const cont = page.getByRole('button', { name: tr(lang, 'library.continueNamed', { title: s.title[lang] }) });
      await expect(cont).toHaveText(tr(lang, 'library.continue'));
      await cont.click();
      await expect(transcript(page, lang)).toBeVisible();
      await reflect(page, lang);
      expect(await customerLines(page, lang)).toEqual(before);
      expect(await transcript(page, lang).locator('li').allInnerTexts()).toEqual(allBefore);

      // And the drill goes on from there to the end.
      const rest = await followExemplar(page, s, lang, { from: played.next });
      expect(rest.ended).toBe(true);
      await expect(outcomeText(page, lang, 'won')).toBeVisible();
      await toDebrief(page, lang);
    });
  });
}
