/**
 * axe on every trainee screen (no serious or critical violation): library, attempts, preferences,
 * lead form, conversation, explain-back, "say it your way first", debrief; and screenshots of them
 * at 375 px and 1280 px wide, with no sideways scrolling.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { scenario } from './support/data';
import {
  explainBackForm,
  followExemplar,
  LANGS,
  openLibrary,
  outcomeHeading,
  pinSeed,
  reflect,
  sayFirstField,
  shot,
  startScenario,
  submitExpertLeads,
  toDebrief,
  tr,
  transcript,
} from './support/drill';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

async function axe(page: Page, where: string, info: TestInfo) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  await info.attach(`axe-${where}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return bad.map((b) => ({ where, ...b }));
}

/** "Say it your way first" on every scenario, through the saved preferences, before the app starts. */
const alwaysSayFirst = (page: Page, lang: string) =>
  page.addInitScript((locale) => {
    if (!localStorage.getItem('ltc-app')) localStorage.setItem('ltc-app', JSON.stringify({ state: { locale, preferences: { sayFirst: 'always', explainBack: true, trainee: 'Wang Fang' } }, version: 2 }));
  }, lang);

/** Every screen in order; `visit(name)` is called on each (axe or a screenshot). */
async function tour(page: Page, lang: 'en' | 'zh-CN', visit: (name: string) => Promise<void>) {
  const s = scenario(TUTORIAL);
  await openLibrary(page, lang);
  await visit('1-library');
  await page.getByRole('button', { name: tr(lang, 'preferences.open') }).click();
  await expect(page.getByRole('dialog', { name: tr(lang, 'preferences.title') })).toBeVisible();
  // With its data panel (storage, backup, restore), which loads its strings when the dialog opens.
  await expect(page.getByRole('dialog').getByRole('heading', { name: tr(lang, 'backup.heading') })).toBeVisible();
  await expect(page.getByTestId('storage-status')).not.toBeEmpty();
  await visit('2-preferences');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: tr(lang, 'preferences.open') })).toBeFocused();

  await startScenario(page, s, lang);
  await visit('3-lead-form');
  await submitExpertLeads(page, s, lang);
  await expect(explainBackForm(page, lang)).toBeVisible();
  await visit('4-explain-back');
  const form = explainBackForm(page, lang);
  await form.getByRole('textbox').fill(lang === 'en' ? 'Grade the leads before chasing any.' : '先给线索评级，再去跟进。');
  await form.getByRole('button', { name: tr(lang, 'drill.explainBack.save') }).click();
  // The explain-back is answered; "say it your way first" asks next (the preference says always).
  await expect(sayFirstField(page, lang)).toBeVisible();
  await visit('5-say-first');
  await followExemplar(page, s, lang, { maxMoves: 6 });
  await reflect(page, lang);
  // The transcript scrolls smoothly to its newest line: let it arrive before the picture.
  const list = transcript(page, lang);
  await expect.poll(() => list.evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight - 1)).toBe(true);
  await visit('6-conversation');
  const result = await followExemplar(page, s, lang, { from: s.moves.findIndex((m) => m.type === 'leads.submit') + 7 });
  expect(result.ended).toBe(true);
  await expect(outcomeHeading(page, lang)).toBeVisible();
  await toDebrief(page, lang);
  await visit('7-debrief');

  await page.getByRole('link', { name: tr(lang, 'app.title') }).click();
  await page.getByRole('tab', { name: new RegExp(tr(lang, 'attempts.history.heading')) }).click();
  await expect(page.getByRole('list', { name: tr(lang, 'attempts.history.heading') })).toBeVisible();
  await visit('8-attempts');
}

for (const { lang, browser } of LANGS) {
  test.describe(`${lang}`, () => {
    test.use({ locale: browser });

    test(`axe: every trainee screen has no serious or critical violations`, async ({ page }, info) => {
      await pinSeed(page, scenario(TUTORIAL).seed);
      await alwaysSayFirst(page, lang);
      const found: unknown[] = [];
      await tour(page, lang, async (name) => void found.push(...(await axe(page, name, info))));
      expect(found).toEqual([]);
    });

    for (const width of [375, 1280]) {
      test(`screenshots at ${width} px, nothing sticking out sideways`, async ({ page }) => {
        await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
        await pinSeed(page, scenario(TUTORIAL).seed);
        await alwaysSayFirst(page, lang);
        const overflows: Record<string, number> = {};
        await tour(page, lang, async (name) => {
          await shot(page, `${name}-${lang}-${width}`);
          overflows[name] = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        });
        expect(Object.entries(overflows).filter(([, px]) => px > 0)).toEqual([]);
      });
    }
  });
}
