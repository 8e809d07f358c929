/**
 * A trainer's own scenario, shared as a file: the trainer starts one from the template in the
 * workshop and exports it; a trainee on another machine imports the file into the library and plays
 * it to the debrief.
 */
import { readFileSync } from 'node:fs';
import { compileScenario } from '../src/domain/compiler/compile';
import { scenarioTemplate } from '../src/domain/scenario/template';
import { pickText, type LocalizedText } from '../src/domain/text/localized-text';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { optionButton, optionsGroup, outcomeHeading, reflect, submitExpertLeads, toDebrief, tr } from './support/drill';
import type { ScenarioData } from './support/types';

const lang = 'en' as const;
const both = (t: LocalizedText | undefined) => ({ en: pickText(t, 'en').text, 'zh-CN': pickText(t, 'zh-CN').text });

/** What the drill helpers need of the scenario the workshop's template gives. */
function templateData() {
  const { model } = compileScenario(scenarioTemplate('my-scenario', lang), 'my-scenario.yaml');
  if (!model) throw new Error('the template does not compile');
  const leads = model.leads;
  const data = {
    title: both(model.title),
    leads: {
      criteria: leads.criteria.map((c) => ({ id: c.id, label: both(c.label), ideal: leads.idealProfile.includes(c.id) })),
      fields: leads.fields.map((c) => ({ id: c.id, label: both(c.label), ideal: leads.idealRecord.includes(c.id) })),
      pool: leads.pool.map((l) => ({ id: l.id, company: both(l.company), grade: l.grade, customer: l.id === leads.customerLead })),
    },
  } as ScenarioData;
  // The template's good answer is each step's first option.
  const good = Object.values(model.stages).flatMap((s) => (s ? Object.values(s.steps).map((step) => pickText(step.options[0]!.rep, lang).text) : []));
  return { data, good };
}

test('a trainer shares a scenario from the template; a trainee imports it and plays it to the debrief', async ({ page, browser, baseURL }, info) => {
  const { data, good } = templateData();
  await page.goto('/#/workshop');
  await expect(page.getByRole('heading', { level: 2, name: tr(lang, 'workshop.heading') })).toBeVisible();
  await page.getByRole('button', { name: tr(lang, 'workshop.new') }).click();
  const editor = page.getByRole('textbox', { name: tr(lang, 'workbench.editor.label') });
  await expect(editor).toContainText('scenario: my-scenario');
  await expect(page.getByRole('status').filter({ hasText: tr(lang, 'workshop.save.saved') })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tr(lang, 'workshop.exportNamed', { title: data.title.en }) }).click()]);
  expect(download.suggestedFilename()).toBe('my-scenario.yaml');
  const file = info.outputPath('my-scenario.yaml');
  await download.saveAs(file);

  const trainee = await browser.newContext({ baseURL, locale: 'en-US', acceptDownloads: true });
  const other = await trainee.newPage();
  await other.goto('/');
  await other.getByLabel(tr(lang, 'library.import.label')).setInputFiles(file);
  await expect(other.getByText(tr(lang, 'library.import.added', { file: 'my-scenario.yaml' }))).toBeVisible();
  const card = other.getByRole('listitem').filter({ has: other.getByText(tr(lang, 'library.yours'), { exact: true }) });
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: tr(lang, 'library.startNamed', { title: data.title.en }) }).click();
  await expect(other.getByRole('heading', { name: tr(lang, 'drill.leads.heading') })).toBeVisible();
  await submitExpertLeads(other, data, lang);
  // A reload continues the attempt: its scenario is found by the source kept with it.
  await other.reload();
  await expect(optionsGroup(other, lang).or(other.getByRole('form')).first()).toBeVisible();
  for (let i = 0; i < 20 && !(await outcomeHeading(other, lang).isVisible()); i++) {
    await reflect(other, lang);
    if (await outcomeHeading(other, lang).isVisible()) break;
    await expect(optionsGroup(other, lang)).toBeVisible();
    for (const text of good) {
      const button = optionButton(other, lang, text);
      if (await button.count()) {
        await button.click();
        break;
      }
    }
  }
  await expect(outcomeHeading(other, lang)).toBeVisible();
  await toDebrief(other, lang);
  await expect(other.getByTestId('overall-score')).toBeVisible();

  // The attempt exports with the scenario's source, and the trainer's Review imports and replays it.
  const trainee2 = other;
  const [attemptFile] = await Promise.all([trainee2.waitForEvent('download'), trainee2.getByRole('button', { name: tr(lang, 'debrief.actions.export') }).click()]);
  const exported = info.outputPath('attempt.json');
  await attemptFile.saveAs(exported);
  expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ scenario: { id: 'my-scenario', source: expect.stringContaining('scenario: my-scenario') } });
  await page.goto('/#/review');
  await page.getByTestId('import-input').setInputFiles(exported);
  const rows = page.getByRole('table').locator('tbody tr[data-attempt]');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: /^Replay the attempt of/ }).click();
  await expect(page.getByRole('slider', { name: tr(lang, 'replay.timeline.slider') })).toBeVisible();

  // The trainee replays their own attempt too.
  await trainee2.getByRole('button', { name: tr(lang, 'debrief.actions.replay') }).click();
  await expect(trainee2.getByRole('slider', { name: tr(lang, 'replay.timeline.slider') })).toBeVisible();

  // Back in the library, the scenario shows the trainee's best score.
  await other.goto('/');
  await expect(card.getByTestId('scenario-progress')).toContainText(/\d+ \/ 100/);
  await trainee.close();
});

test('the workshop works at 375 px, by keyboard, with no serious accessibility problem', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await page.getByRole('navigation', { name: tr(lang, 'app.nav') }).getByRole('link', { name: tr(lang, 'app.workshop') }).click();
  await expect(page.getByRole('heading', { level: 2, name: tr(lang, 'workshop.heading') })).toBeVisible();
  const create = page.getByRole('button', { name: tr(lang, 'workshop.new') });
  await create.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: tr(lang, 'workbench.editor.label') });
  await expect(editor).toBeVisible();
  await editor.fill('scenario: my-scenario\nversion: [\n');
  await expect(page.getByRole('status').filter({ hasText: tr(lang, 'workshop.save.saved') })).toBeVisible();
  await expect(page.getByText(/^A draft: it cannot be played until it compiles/).first()).toBeVisible();
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => `${e.tagName}.${e.className}`).slice(0, 10),
  );
  expect(wide).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('workshop-375.png'), fullPage: true });
  // The draft is in the library with its diagnostics, and cannot be started.
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ has: page.getByText(tr(lang, 'library.yours'), { exact: true }) });
  await expect(card.getByRole('alert')).toBeVisible();
  await expect(card.getByRole('button')).toHaveCount(0);
  const results2 = await new AxeBuilder({ page }).analyze();
  expect(results2.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
