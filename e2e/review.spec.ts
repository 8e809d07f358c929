/**
 * The coaching loop across two browsers (two machines): a trainee plays and exports an attempt; a
 * cohort lead imports three files (one of them bad), replays the trainee's attempt, comments on a
 * move, writes feedback, sees the cohort dashboard and saves its heat map as CSV, and sends the
 * attempt back; the trainee imports it and reads the comment in their own replay.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Download, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, scenario } from './support/data';
import { followExemplar, LANGS, openLibrary, pinSeed, shot, startScenario, submitExpertLeads, toDebrief, tr } from './support/drill';
import type { Lang } from './support/types';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';
const TRAINEE = 'Wang Fang';
const COACH = 'Coach Li';

/** Saved preferences for a browser before the app starts: the language and the user's name. */
const prefs = (page: Page, lang: Lang, name: string) =>
  page.addInitScript(
    ([locale, trainee]) => localStorage.setItem('ltc-app', JSON.stringify({ state: { locale, preferences: { sayFirst: 'never', explainBack: true, trainee } }, version: 2 })),
    [lang, name] as const,
  );

async function saved(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function downloadBy(page: Page, click: () => Promise<void>, dir: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return saved(download, dir);
}

async function newMachine(browser: Browser, baseURL: string, locale: string) {
  const context = await browser.newContext({ baseURL, locale, acceptDownloads: true });
  return context.newPage();
}

async function noSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const { lang, browser: locale } of LANGS) {
  test.describe(lang, () => {
    test.use({ locale });

    test('a trainee exports, a lead imports, replays, comments and reviews the cohort, and the feedback reaches the trainee', async ({ page, browser }, info) => {
      const dir = mkdtempSync(join(tmpdir(), 'ltc-e2e-'));
      const s = scenario(TUTORIAL);

      // The trainee plays the tutorial to its debrief and exports the attempt.
      await prefs(page, lang, TRAINEE);
      await pinSeed(page, s.seed);
      await openLibrary(page, lang);
      await startScenario(page, s, lang);
      await submitExpertLeads(page, s, lang);
      expect((await followExemplar(page, s, lang)).ended).toBe(true);
      await toDebrief(page, lang);
      const exported = await downloadBy(page, () => page.getByRole('button', { name: tr(lang, 'debrief.actions.export') }).click(), dir);
      const file = JSON.parse(readFileSync(exported, 'utf8'));
      expect(file).toMatchObject({ format: 'ltc-attempt-file', attempt: { trainee: TRAINEE, status: 'finished' }, scenario: { id: s.id } });
      expect(file.scenario.source).toContain(`scenario: ${s.id}`);

      // The lead, on another machine, imports it with another trainee's attempt and a broken file.
      const lead = await newMachine(browser, info.project.use.baseURL!, locale);
      await prefs(lead, lang, COACH);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, readFileSync(exported, 'utf8').slice(0, 500));
      await lead.goto('/#/review');
      await expect(lead.getByRole('heading', { level: 2, name: tr(lang, 'review.heading') })).toBeVisible();
      await lead.getByTestId('import-input').setInputFiles([exported, join(ROOT, 'test/fixtures/attempts/precision-erp.losing.json'), broken]);
      const report = lead.getByRole('region', { name: tr(lang, 'review.report.heading') });
      await expect(report.getByRole('alert')).toHaveText(tr(lang, 'review.report.summary', { count: 3, imported: 2, feedback: 0, refused: 1 }));
      await expect(report.locator('[data-status="refused"]')).toContainText('broken.json');
      await expect(report.locator('[data-status="refused"]')).toContainText(tr(lang, 'attemptFile.read.truncated', { file: 'broken.json' }));
      const rows = lead.getByRole('table').locator('tbody tr[data-attempt]');
      await expect(rows).toHaveCount(2);
      expect(await noSeriousAxe(lead)).toEqual([]);
      await shot(lead, `9-review-${lang}-1280`);

      // Replay the trainee's attempt, comment on move 2 and write overall feedback.
      await lead.getByRole('button', { name: tr(lang, 'review.attempts.replayNamed', { trainee: TRAINEE }) }).click();
      const slider = lead.getByRole('slider', { name: tr(lang, 'replay.timeline.slider') });
      await expect(slider).toBeVisible();
      await slider.fill('2');
      await expect(lead.getByText(tr(lang, 'replay.timeline.position', { turn: 2, total: file.attempt.moves.length }), { exact: true }).first()).toBeVisible();
      const comment = lang === 'en' ? 'Good opening: you named her own question.' : '开场很好：你提到了她自己的问题。';
      await lead.getByRole('textbox', { name: tr(lang, 'replay.comments.addLabel', { turn: 2 }) }).fill(comment);
      await lead.getByRole('button', { name: tr(lang, 'replay.comments.add') }).click();
      await expect(lead.getByText(comment).first()).toBeVisible();
      await lead.getByRole('textbox', { name: tr(lang, 'replay.feedback.label') }).fill(lang === 'en' ? 'Well paced. Next: ask about payment earlier.' : '节奏很好。下一步：更早问清付款流程。');
      await lead.getByRole('button', { name: tr(lang, 'replay.feedback.save') }).click();
      await expect(lead.getByText(tr(lang, 'replay.feedback.saved'))).toBeVisible();
      expect(await noSeriousAxe(lead)).toEqual([]);
      await shot(lead, `10-replay-${lang}-1280`);
      const annotated = await downloadBy(lead, () => lead.getByRole('button', { name: tr(lang, 'replay.actions.export') }).click(), dir);
      expect(JSON.parse(readFileSync(annotated, 'utf8')).attempt.coaching).toMatchObject({ coach: COACH, comments: [{ turn: 2, text: comment }] });

      // The dashboard: the trainee in the heat map; its CSV names them.
      await lead.goto('/#/review/dashboard');
      const heat = lead.getByRole('region', { name: tr(lang, 'cohort.heatMap.heading') });
      await expect(heat.getByRole('table')).toContainText(TRAINEE);
      expect(await noSeriousAxe(lead)).toEqual([]);
      await shot(lead, `11-dashboard-${lang}-1280`);
      const csv = await downloadBy(lead, () => heat.getByRole('button', { name: tr(lang, 'cohort.csv.section') }).click(), dir);
      const text = readFileSync(csv, 'utf8');
      expect(text.split('\n')[0]).toContain('trainee');
      expect(text).toContain(TRAINEE);

      // Back on the trainee's machine: the annotated file brings the comment to their own attempt.
      await page.goto('/#/attempts');
      await page.getByTestId('import-input').setInputFiles(annotated);
      await expect(page.locator('[data-status="feedback"]')).toContainText(tr(lang, 'review.report.feedback', { coach: COACH }));
      await expect(page.getByText(tr(lang, 'attempts.history.feedback', { coach: COACH }), { exact: true })).toBeVisible();
      await page.getByRole('button', { name: tr(lang, 'attempts.history.replayNamed', { title: s.title[lang] }) }).click();
      await expect(page.getByText(tr(lang, 'replay.feedback.from', { coach: COACH })).first()).toBeVisible();
      await expect(page.getByText(comment).first()).toBeVisible();
      // Read-only for the trainee.
      await expect(page.getByRole('textbox', { name: tr(lang, 'replay.feedback.label') })).toHaveCount(0);
    });
  });
}
