/** Every bundled scenario played to its end along the explorer's expert path, in both languages. */
import { expect, test } from './support/test';
import { scenario } from './support/data';
import { followExemplar, LANGS, libraryFiles, openLibrary, outcomeHeading, outcomeText, pinSeed, reasonText, startScenario, submitExpertLeads, toDebrief, tr } from './support/drill';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

for (const { lang, browser } of LANGS) {
  test.describe(`${lang}`, () => {
    test.use({ locale: browser });

    for (const file of libraryFiles()) {
      test(`${file}: the expert path (exemplar seed) reaches the explorer's ending`, async ({ page }) => {
        const s = scenario(file);
        await pinSeed(page, s.seed);
        await openLibrary(page, lang);
        await startScenario(page, s, lang);
        await submitExpertLeads(page, s, lang);
        const result = await followExemplar(page, s, lang);
        expect(result.ended, `drill ended within ${result.moves} moves`).toBe(true);
        await expect(outcomeHeading(page, lang)).toBeVisible();
        // With the exemplar's seed and no deviation the drill must end as the explorer's replay did.
        expect(result.deviations).toBe(0);
        await expect(outcomeText(page, lang, s.exemplarOutcome ?? 'won')).toBeVisible();
        // The last explain-back, then the debrief: seven stage cards, every one rated.
        await toDebrief(page, lang);
        await expect(page.getByTestId('overall-score')).toBeVisible();
        const cards = page.locator('.stage-card');
        await expect(cards).toHaveCount(7);
        for (const stage of ['leads', 'first-contact', 'discovery', 'presentation', 'negotiation', 'signing', 'collection']) {
          await expect(page.getByRole('heading', { level: 4, name: new RegExp(tr(lang, `stages.${stage}`)) })).toBeVisible();
        }
        if ((s.exemplarOutcome ?? 'won') === 'won') await expect(page.locator('.stage-card.band-not-reached')).toHaveCount(0);
      });
    }

    for (const file of libraryFiles()) {
      test(`${file}: the expert path with the app's own random seed reaches an outcome`, async ({ page }) => {
        const s = scenario(file);
        await openLibrary(page, lang);
        await startScenario(page, s, lang);
        await submitExpertLeads(page, s, lang);
        const result = await followExemplar(page, s, lang);
        expect(result.ended, `drill ended within ${result.moves} moves`).toBe(true);
        await expect(outcomeHeading(page, lang)).toBeVisible();
        // The tutorial has no uncertain surprises: whatever the seed, the expert path wins it.
        if (file === TUTORIAL) await expect(outcomeText(page, lang, 'won')).toBeVisible();
        await toDebrief(page, lang);
      });
    }

    test(`${TUTORIAL}: pursuing the wrong lead is lost`, async ({ page }) => {
      const s = scenario(TUTORIAL);
      const wrong = s.leads.pool.find((l) => !l.customer)!;
      await openLibrary(page, lang);
      await startScenario(page, s, lang);
      await submitExpertLeads(page, s, lang, { pursue: [wrong.id] });
      await expect(outcomeHeading(page, lang)).toBeVisible();
      await expect(outcomeText(page, lang, 'lost')).toBeVisible();
      await expect(reasonText(page, lang, 'lead-not-pursued')).toBeVisible();
      await expect(outcomeText(page, lang, 'won')).toHaveCount(0);
      await toDebrief(page, lang);
      await expect(page.locator('.stage-card.band-not-reached')).toHaveCount(6);
    });
  });
}
