/** A whole stage with the keyboard only: Tab/Space/arrows through the lead form, digits for options. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { scenario } from './support/data';
import { explainBackForm, leadCard, LANGS, openLibrary, optionsGroup, pinSeed, startButton, tr, transcript } from './support/drill';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has focus (fails if it never gets it). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 200; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const GRADES = ['A', 'B', 'C'] as const;

/** The explain-back at a stage's end, by keyboard: it takes focus; Tab to the text, type, Tab to "save", Enter. */
async function explainBackByKeyboard(page: Page, lang: 'en' | 'zh-CN') {
  const form = explainBackForm(page, lang);
  await expect(form).toBeVisible();
  await expect(form.getByRole('heading')).toBeFocused();
  const field = form.getByRole('textbox');
  await tabTo(page, field);
  await page.keyboard.type(lang === 'en' ? 'Grade first, then chase the best lead.' : '先评级，再跟进最好的线索。');
  await tabTo(page, form.getByRole('button', { name: tr(lang, 'drill.explainBack.save') }));
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
}

for (const { lang, browser } of LANGS) {
  test.describe(lang, () => {
    test.use({ locale: browser });

    test(`${TUTORIAL}: lead form and first contact by keyboard; the stage tracker moves on`, async ({ page }) => {
      const s = scenario(TUTORIAL);
      await pinSeed(page, s.seed);
      await openLibrary(page, lang);
      await tabTo(page, startButton(page, s, lang));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: tr(lang, 'drill.leads.heading') })).toBeVisible();

      const tracker = page.getByRole('navigation', { name: tr(lang, 'drill.tracker.label') });
      const current = tracker.locator('[aria-current="step"]');
      await expect(current).toHaveCount(1);
      await expect(current).toContainText(tr(lang, 'stages.leads'));

      const profile = page.getByRole('group', { name: tr(lang, 'drill.leads.profile') });
      for (const c of s.leads.criteria.filter((c) => c.ideal)) {
        const box = profile.getByRole('checkbox', { name: c.label[lang], exact: true });
        await tabTo(page, box);
        await page.keyboard.press('Space');
        await expect(box).toBeChecked();
      }
      for (const lead of s.leads.pool) {
        const card = leadCard(page, s, lang, lead.id);
        // Tab enters the unchecked radio group at its first radio; Space checks it, arrows move on.
        await tabTo(page, card.getByRole('radio', { name: 'A', exact: true }));
        await page.keyboard.press('Space');
        for (let i = 0; i < GRADES.indexOf(lead.grade); i++) await page.keyboard.press('ArrowRight');
        await expect(card.getByRole('radio', { name: lead.grade, exact: true })).toBeChecked();
        if (lead.customer) {
          const pursue = card.getByRole('checkbox');
          await tabTo(page, pursue);
          await page.keyboard.press('Space');
          await expect(pursue).toBeChecked();
        }
      }
      const record = page.getByRole('group', { name: tr(lang, 'drill.leads.record') });
      for (const f of s.leads.fields.filter((f) => f.ideal)) {
        const box = record.getByRole('checkbox', { name: f.label[lang], exact: true });
        await tabTo(page, box);
        await page.keyboard.press('Space');
        await expect(box).toBeChecked();
      }
      const submit = page.getByRole('button', { name: tr(lang, 'drill.leads.submit') });
      await expect(submit).toBeEnabled();
      await tabTo(page, submit);
      await page.keyboard.press('Space');
      await expect(current).toContainText(tr(lang, 'stages.first-contact'));
      await explainBackByKeyboard(page, lang);

      // Stage 2 with digits only: the exemplar's choices, by their number among the offered options.
      let i = s.moves.findIndex((m) => m.type === 'leads.submit') + 1;
      for (let n = 0; n < 30; n++) {
        if (!(await current.innerText()).includes(tr(lang, 'stages.first-contact'))) break;
        const m = s.moves[i++];
        if (!m || m.type !== 'choose') throw new Error(`the tutorial's first contact should be choices only, got ${JSON.stringify(m)}`);
        const texts = await optionsGroup(page, lang).getByRole('button').allInnerTexts();
        const index = texts.findIndex((t) => t.replace(/^\s*\d\s*/, '').trim() === s.options[m.option]![lang]);
        expect(index, `option ${m.option} offered`).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(9);
        const before = await transcript(page, lang).locator('li').count();
        await page.keyboard.press(String(index + 1));
        await expect.poll(() => transcript(page, lang).locator('li').count()).toBeGreaterThan(before);
      }
      await expect(current).toHaveCount(1);
      await expect(current).toContainText(tr(lang, 'stages.discovery'));
      await expect(tracker.locator('li').nth(1)).toContainText(tr(lang, 'drill.tracker.done'));
      await explainBackByKeyboard(page, lang);
      await expect(optionsGroup(page, lang)).toBeVisible();
    });
  });
}
