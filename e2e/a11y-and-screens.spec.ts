/**
 * axe on the library, the lead form and the conversation (no serious or critical violation), and
 * screenshots of library, lead form, conversation and outcome at 375 px and 1280 px wide.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { scenario } from './support/data';
import { followExemplar, LANGS, openLibrary, outcomeHeading, pinSeed, shot, startScenario, submitExpertLeads, transcript } from './support/drill';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

async function axe(page: Page, where: string, info: TestInfo) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  await info.attach(`axe-${where}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return bad.map((b) => ({ where, ...b }));
}

for (const { lang, browser } of LANGS) {
  test.describe(lang, () => {
    test.use({ locale: browser });

    test(`axe: library, lead form and conversation have no serious or critical violations`, async ({ page }, info) => {
      const s = scenario(TUTORIAL);
      await pinSeed(page, s.seed);
      const found = [];
      await openLibrary(page, lang);
      found.push(...(await axe(page, 'library', info)));
      await startScenario(page, s, lang);
      found.push(...(await axe(page, 'lead-form', info)));
      await submitExpertLeads(page, s, lang);
      // A few moves in, so the transcript, customer record and options are all populated.
      await followExemplar(page, s, lang, { maxMoves: 6 });
      found.push(...(await axe(page, 'conversation', info)));
      expect(found).toEqual([]);
    });

    for (const width of [375, 1280]) {
      test(`screenshots at ${width} px`, async ({ page }) => {
        const s = scenario(TUTORIAL);
        await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
        await pinSeed(page, s.seed);
        const name = (what: string) => `${what}-${lang}-${width}`;
        await openLibrary(page, lang);
        await shot(page, name('1-library'));
        await startScenario(page, s, lang);
        await shot(page, name('2-lead-form'));
        await submitExpertLeads(page, s, lang);
        await followExemplar(page, s, lang, { maxMoves: 6 });
        // The transcript scrolls smoothly to its newest line: let it arrive before the picture.
        const list = transcript(page, lang);
        await expect.poll(() => list.evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight - 1)).toBe(true);
        await shot(page, name('3-conversation'));
        const result = await followExemplar(page, s, lang, { from: s.moves.findIndex((m) => m.type === 'leads.submit') + 7 });
        expect(result.ended).toBe(true);
        await expect(outcomeHeading(page, lang)).toBeVisible();
        await shot(page, name('4-outcome'));
        // Nothing may stick out sideways at this width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
      });
    }
  });
}
