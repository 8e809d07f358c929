/**
 * Play-testing from a move of a real attempt: a trainee plays the tutorial a few moves; the trainer
 * copies the tutorial into the workshop and starts a test drill at one of that attempt's moves. The
 * test drill stands where the attempt stood, says so, and plays on. At 375 px, in English.
 */
import { expect, test } from './support/test';
import { scenario } from './support/data';
import { followExemplar, openLibrary, pinSeed, savedMoves, shot, startScenario, submitExpertLeads, tr } from './support/drill';

const TUTORIAL = 'scenarios/first-deal-tutorial.yaml';

test('a test drill starts at a move of an attempt saved in this browser', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const s = scenario(TUTORIAL);
  await pinSeed(page, s.seed);
  await openLibrary(page, 'en');
  await startScenario(page, s, 'en');
  await submitExpertLeads(page, s, 'en');
  const played = await followExemplar(page, s, 'en', { maxMoves: 3 });
  expect(played.ended).toBe(false);
  await expect.poll(() => savedMoves(page)).toBe(1 + played.moves);

  // The trainer copies the tutorial into the workshop: the same scenario id, so its attempts count.
  await page.goto('/#/workshop');
  await page.getByLabel(tr('en', 'workshop.duplicate.label')).selectOption({ label: s.title.en });
  await page.getByRole('button', { name: tr('en', 'workshop.duplicate.go') }).click();
  await expect(page.locator('.cm-content')).toBeVisible();
  await page.getByTestId('panel-play').click();

  const attempt = page.getByTestId('play-attempt');
  await expect(attempt).toBeVisible();
  const move = page.getByTestId('play-attempt-move');
  // The lead plan and the three moves, each named by what was done.
  await expect(move.locator('option')).toHaveCount(1 + played.moves);
  await expect(move.locator('option').first()).toHaveText(`1. ${tr('en', 'workbench.play.fromAttempt.leadPlan')}`);
  await move.selectOption('3');
  await page.getByTestId('play-attempt-start').click();

  await expect(page.getByTestId('play-origin')).toHaveText(tr('en', 'workbench.play.fromAttempt.replayed', { count: 2, turn: 3 }));
  const drill = page.getByTestId('play-drill');
  await expect(drill).toBeVisible();
  // The attempt's third move is among the options offered there, and the drill plays on.
  const third = s.moves[2]!;
  expect(third.type).toBe('choose');
  const option = drill.locator(`button[data-option="${third.type === 'choose' ? third.option : ''}"]`);
  await expect(option).toBeVisible();
  const box = await option.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);
  const lines = await drill.locator('li').count();
  await option.click();
  await expect.poll(() => drill.locator('li').count()).toBeGreaterThan(lines);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await shot(page, 'workshop-play-from-attempt-375');
});
