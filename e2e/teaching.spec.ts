/**
 * Teaching, in the browser: "coach me" explains a choice before the customer replies; a retry
 * branches from a decision of the debrief; options are shuffled per attempt yet replay exactly
 * (play, reload, replay: the same transcript); and on a 375 px phone every tap target is ≥ 44 px.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { scenario } from './support/data';
import { followExemplar, LANGS, openLibrary, optionsGroup, pinSeed, reflect, savedMoves, startScenario, submitExpertLeads, toDebrief, tr, transcript } from './support/drill';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

/** The shown options' words, in the order shown (without their numbers). */
const shownOptions = async (page: Page, lang: 'en' | 'zh-CN') =>
  (await optionsGroup(page, lang).getByRole('button').allInnerTexts()).map((t) => t.replace(/^\s*\d\s*/, '').trim());

/** The lines of a transcript list as text, day markers included. */
const lines = (list: Locator) => list.locator('li').allInnerTexts();

for (const { lang, browser } of LANGS) {
  test.describe(lang, () => {
    test.use({ locale: browser });

    test(`${TUTORIAL}: coach me explains a choice before the customer replies`, async ({ page }) => {
      const s = scenario(TUTORIAL);
      await pinSeed(page, s.seed);
      await openLibrary(page, lang);
      await startScenario(page, s, lang);
      await submitExpertLeads(page, s, lang);
      await reflect(page, lang);
      const toggle = page.getByRole('checkbox', { name: tr(lang, 'drill.coach.toggle') });
      await expect(toggle).not.toBeChecked();
      await toggle.check();

      const before = await transcript(page, lang).locator('li').count();
      await optionsGroup(page, lang).getByRole('button').first().click();
      const coach = page.locator('.coach-panel');
      await expect(coach).toBeVisible();
      await expect(coach.getByRole('heading')).toBeFocused();
      await expect(coach).toContainText(tr(lang, 'drill.coach.youSaid'));
      // Only the rep's line came in; the options wait.
      await expect(transcript(page, lang).locator('li').last()).toHaveClass(/line-rep/);
      await expect(optionsGroup(page, lang)).toBeHidden();
      const held = await transcript(page, lang).locator('li').count();
      expect(held).toBeGreaterThan(before);

      await coach.getByRole('button', { name: tr(lang, 'drill.coach.continue') }).click();
      await expect(coach).toBeHidden();
      await reflect(page, lang);
      await expect.poll(() => transcript(page, lang).locator('li').count()).toBeGreaterThan(held);
      await expect(optionsGroup(page, lang)).toBeVisible();

      // The preference stays on: the next choice is explained too.
      await optionsGroup(page, lang).getByRole('button').first().click();
      await expect(coach).toBeVisible();
    });

    test(`${TUTORIAL}: shuffled options replay exactly — play, reload, replay: the same transcript`, async ({ page }) => {
      const s = scenario(TUTORIAL);
      await pinSeed(page, s.seed);
      await openLibrary(page, lang);
      await startScenario(page, s, lang);
      await submitExpertLeads(page, s, lang);
      await reflect(page, lang);
      const played = await followExemplar(page, s, lang, { maxMoves: 5 });
      expect(played.ended).toBe(false);
      await reflect(page, lang);
      const order = await shownOptions(page, lang);
      const played5 = await lines(transcript(page, lang));
      const id = /\/attempt\/([^/?#]+)/.exec(page.url())?.[1];
      expect(id).toBeTruthy();
      await expect.poll(() => savedMoves(page)).toBe(1 + played.moves);

      // Reload: the same transcript, the same options in the same order.
      await page.reload();
      await expect(transcript(page, lang)).toBeVisible();
      await reflect(page, lang);
      expect(await lines(transcript(page, lang))).toEqual(played5);
      expect(await shownOptions(page, lang)).toEqual(order);

      // The replay of the attempt at its last move: the same transcript.
      const moves = 1 + played.moves;
      await page.goto(`/#/attempt/${id}/replay`);
      const slider = page.getByRole('slider', { name: tr(lang, 'replay.timeline.slider') });
      await slider.focus();
      await page.keyboard.press('End');
      const replayed = page.getByRole('list', { name: tr(lang, 'replay.transcript.label', { turn: moves }) });
      await expect(replayed).toBeVisible();
      expect(await lines(replayed)).toEqual(played5);
    });

    test(`${TUTORIAL}: retry from a decision of the debrief`, async ({ page }) => {
      const s = scenario(TUTORIAL);
      await pinSeed(page, s.seed);
      await openLibrary(page, lang);
      await startScenario(page, s, lang);
      await submitExpertLeads(page, s, lang);
      const result = await followExemplar(page, s, lang);
      expect(result.ended).toBe(true);
      await toDebrief(page, lang);
      const original = /\/attempt\/([^/?#]+)/.exec(page.url())?.[1];

      const decisions = page.getByRole('region', { name: tr(lang, 'debrief.decisions.heading') });
      await expect(decisions).toBeVisible();
      // The second choice of the attempt: folded (it was the expert's move); open it, then retry from there.
      const item = decisions.locator('li[data-turn]').nth(1);
      const turn = Number(await item.getAttribute('data-turn'));
      await item.locator('summary').click();
      await item.getByRole('button', { name: tr(lang, 'debrief.decisions.retry', { turn }) }).click();

      await expect(page).not.toHaveURL(new RegExp(`/attempt/${original}$`));
      await expect(page.getByTestId('retry-of')).toHaveText(tr(lang, 'drill.retry.banner', { turn }));
      await reflect(page, lang);
      // The moves before it were replayed (the lead plan and one choice); live from there.
      await expect(optionsGroup(page, lang)).toBeVisible();
      await expect(transcript(page, lang).locator('li.line-rep')).toHaveCount(1);
      const rest = await followExemplar(page, s, lang, { from: turn - 1 });
      expect(rest.ended).toBe(true);
      await toDebrief(page, lang);
    });
  });
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, locale: 'en-US' });

  /** The rendered height and width of each visible element of `targets`. */
  const sizes = (targets: Locator) =>
    targets.evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { what: `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}”`, width: Math.round(r.width), height: Math.round(r.height) };
        }),
    );
  const small = (list: { what: string; width: number; height: number }[]) => list.filter((s) => s.height < 44 || s.width < 44);

  test(`${TUTORIAL}: checkboxes, grades, options, waits and Record are tap targets of 44 px or more; no "Press 1–9"`, async ({ page }) => {
    const s = scenario(TUTORIAL);
    await pinSeed(page, s.seed);
    await openLibrary(page, 'en');
    await startScenario(page, s, 'en');

    const labels = await sizes(page.locator('.lead-form label.choice'));
    expect(labels.length).toBeGreaterThan(5);
    expect(small(labels)).toEqual([]);

    await submitExpertLeads(page, s, 'en');
    await reflect(page, 'en');
    await expect(page.locator('.keys-hint')).toBeHidden();
    const options = await sizes(optionsGroup(page, 'en').getByRole('button'));
    expect(options.length).toBeGreaterThan(1);
    expect(small(options)).toEqual([]);

    // Play on until a fact can be recorded; the waits and Record buttons then.
    await followExemplar(page, s, 'en', { until: async () => (await page.locator('.facts button').count()) > 0 });
    const more = await sizes(page.locator('.waits button, .facts button, .coach-toggle'));
    expect(more.length).toBeGreaterThan(0);
    expect(small(more)).toEqual([]);
  });
});
