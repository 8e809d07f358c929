/** Page helpers shared by the specs: locale strings, the library, the lead form, the exemplar follower. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { ROOT, SCREENSHOTS } from './data';
import type { Lang, Move, ScenarioData } from './types';

export const LANGS: { lang: Lang; browser: string }[] = [
  { lang: 'en', browser: 'en-US' },
  { lang: 'zh-CN', browser: 'zh-CN' },
];

/** The bundled scenario files, read at collection time (before global setup has run). */
export const libraryFiles = (): string[] =>
  readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `scenarios/${f}`);

type Json = { [k: string]: string | Json };
/** The UI strings of one language: `src/locales/<lang>/<section>.json` holds the `<section>.*` keys. */
const readStrings = (lang: Lang): Json => {
  const dir = join(ROOT, 'src', 'locales', lang);
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Json]));
};
const strings: Record<Lang, Json> = { en: readStrings('en'), 'zh-CN': readStrings('zh-CN') };

/** i18next-like lookup of a UI string (plural `_one`/`_other` by `count`). */
export function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: Json = strings[lang];
  for (const p of parts) node = node[p] as Json;
  let value = node[last];
  if (value === undefined && 'count' in vars) value = node[`${last}_${vars.count === 1 ? 'one' : 'other'}`];
  if (typeof value !== 'string') throw new Error(`no string ${lang}:${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v]));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A UI string with placeholders as a regex (`{{stage}}` → any text). */
export function trPattern(lang: Lang, key: string): RegExp {
  const parts = tr(lang, key, new Proxy({}, { get: (_, p) => `\uE000${String(p)}\uE000` })).split(/\uE000\w+\uE000/);
  return new RegExp(parts.map(escape).join('.+'));
}

/** Pins the "random" seed the app draws for a new attempt (crypto.getRandomValues of one Uint32). */
export async function pinSeed(page: Page, seed: number) {
  await page.addInitScript((s) => {
    const original = crypto.getRandomValues.bind(crypto);
    crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint32Array && array.length === 1) {
        array[0] = s >>> 0;
        return array;
      }
      return original(array as never) as T;
    }) as typeof crypto.getRandomValues;
  }, seed);
}

export async function openLibrary(page: Page, lang: Lang) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'app.title') })).toBeVisible();
  await expect(page.getByRole('list', { name: tr(lang, 'library.heading') })).toBeVisible();
  // The cards say how far the trainee got once their attempts are loaded.
  await expect(page.getByRole('list', { name: tr(lang, 'library.heading') })).not.toHaveAttribute('aria-busy', 'true');
}

export const startButton = (page: Page, s: ScenarioData, lang: Lang) =>
  page.getByRole('button', { name: tr(lang, 'library.startNamed', { title: s.title[lang] }) });

export async function startScenario(page: Page, s: ScenarioData, lang: Lang) {
  await startButton(page, s, lang).click();
  await expect(page.getByRole('heading', { name: tr(lang, 'drill.leads.heading') })).toBeVisible();
}

export const leadCard = (page: Page, s: ScenarioData, lang: Lang, leadId: string) => {
  const lead = s.leads.pool.find((l) => l.id === leadId)!;
  return page.getByRole('listitem', { name: lead.company[lang], exact: true });
};

export interface LeadChoices {
  /** Lead ids to pursue; the expert's (the customer lead) by default. */
  pursue?: string[];
}

/** Fills the lead form as the expert would (ideal profile, expert grades, ideal record) and submits it. */
export async function submitExpertLeads(page: Page, s: ScenarioData, lang: Lang, choices: LeadChoices = {}) {
  const pursue = choices.pursue ?? s.leads.pool.filter((l) => l.customer).map((l) => l.id);
  const profile = page.getByRole('group', { name: tr(lang, 'drill.leads.profile') });
  for (const c of s.leads.criteria) if (c.ideal) await profile.getByRole('checkbox', { name: c.label[lang], exact: true }).check();
  for (const lead of s.leads.pool) {
    const card = leadCard(page, s, lang, lead.id);
    await card.getByRole('radio', { name: lead.grade, exact: true }).check();
    if (pursue.includes(lead.id)) await card.getByRole('checkbox').check();
  }
  const record = page.getByRole('group', { name: tr(lang, 'drill.leads.record') });
  for (const f of s.leads.fields) if (f.ideal) await record.getByRole('checkbox', { name: f.label[lang], exact: true }).check();
  const submit = page.getByRole('button', { name: tr(lang, 'drill.leads.submit') });
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByRole('heading', { name: tr(lang, 'drill.leads.heading') })).toBeHidden();
}

export const transcript = (page: Page, lang: Lang) => page.getByRole('list', { name: tr(lang, 'drill.conversation.transcript') });
export const optionsGroup = (page: Page, lang: Lang) => page.getByRole('group', { name: tr(lang, 'drill.conversation.options') });
export const waitsGroup = (page: Page, lang: Lang) => page.getByRole('group', { name: tr(lang, 'drill.conversation.waits') });
/** The UI strings among `keys` that exist in this build's locale files. */
function existing(lang: Lang, keys: string[]): string[] {
  return keys.flatMap((k) => {
    try {
      return [tr(lang, k)];
    } catch {
      return [];
    }
  });
}

/** The end of the drill: the drill's outcome heading (shown with the last explain-back) or the debrief's heading. */
export const outcomeHeading = (page: Page, lang: Lang) =>
  page
    .getByRole('heading', { name: new RegExp(`^(${existing(lang, ['drill.outcome.heading', 'debrief.heading']).map(escape).join('|')})$`) })
    .first();

/** The verdict `outcome` ('won', 'lost', …) as the drill or the debrief words it. */
export function outcomeText(page: Page, lang: Lang, outcome: string) {
  const patterns = [`drill.outcome.${outcome}`, `debrief.outcome.${outcome}`].flatMap((k) => {
    try {
      return [trPattern(lang, k).source];
    } catch {
      return [];
    }
  });
  return page.getByText(new RegExp(patterns.join('|'))).first();
}

/** The reason for an ending, by its key ('lead-not-pursued', …), as the drill or the debrief words it. */
export const reasonText = (page: Page, lang: Lang, key: string) =>
  page.getByText(new RegExp(existing(lang, [`drill.outcome.reasons.${key}`, `debrief.outcome.reasons.${key}`]).map(escape).join('|'))).first();

/** The option button whose rep text is exactly `rep`. */
export const optionButton = (page: Page, lang: Lang, rep: string) =>
  optionsGroup(page, lang)
    .getByRole('button')
    .filter({ has: page.getByText(rep, { exact: true }) });

export const customerLines = (page: Page, lang: Lang) => transcript(page, lang).locator('li.line-customer').allInnerTexts();

export const explainBackForm = (page: Page, lang: Lang) => page.getByRole('form', { name: trPattern(lang, 'drill.explainBack.heading') });
export const sayFirstField = (page: Page, lang: Lang) => page.getByRole('textbox', { name: trPattern(lang, 'drill.sayFirst.prompt') });

/**
 * Answers what the drill asks besides moves: the explain-back due at the end of a stage, and "say it
 * your way first" before options. Returns how many it answered.
 */
export async function reflect(page: Page, lang: Lang): Promise<number> {
  let answered = 0;
  for (let i = 0; i < 10; i++) {
    const explain = explainBackForm(page, lang);
    if (await explain.isVisible()) {
      await explain.getByRole('textbox').fill(`${lang}: what mattered here was the customer's own words.`);
      await explain.getByRole('button', { name: tr(lang, 'drill.explainBack.save') }).click();
      await expect(explain).toBeHidden();
      answered += 1;
      continue;
    }
    const say = sayFirstField(page, lang);
    if (await say.isVisible()) {
      await say.fill(`${lang}: I would ask what matters most to them first.`);
      await page.getByRole('button', { name: tr(lang, 'drill.sayFirst.submit') }).click();
      await expect(optionsGroup(page, lang)).toBeVisible();
      answered += 1;
      continue;
    }
    return answered;
  }
  return answered;
}

/** From the end of the drill to the debrief: answers the last explain-back, then waits for the debrief. */
export async function toDebrief(page: Page, lang: Lang) {
  await reflect(page, lang);
  await expect(page.getByRole('heading', { level: 2, name: tr(lang, 'debrief.heading') })).toBeVisible();
}

async function act(page: Page, lang: Lang, target: Locator) {
  const before = await transcript(page, lang).locator('li').count();
  await target.click();
  // Every accepted move adds to the transcript (or ends the drill): wait for it before the next one.
  await expect
    .poll(async () => (await outcomeHeading(page, lang).isVisible()) || (await transcript(page, lang).locator('li').count()) > before)
    .toBe(true);
}

export interface FollowResult {
  moves: number;
  /** Moves where the exemplar's move was not on offer and the first offered option was taken instead. */
  deviations: number;
  ended: boolean;
}

/**
 * Follows the exemplar's moves after the lead plan, from move index `from`. When its next choice is
 * not offered (a surprise or objection changed things), looks ahead for one that is, else takes the
 * first offered option (or the first wait). Stops at the outcome, after `maxMoves`, or when `until` holds.
 */
export async function followExemplar(
  page: Page,
  s: ScenarioData,
  lang: Lang,
  opts: { from?: number; maxMoves?: number; until?: () => Promise<boolean> } = {},
): Promise<FollowResult & { next: number }> {
  const moves = s.moves;
  let i = opts.from ?? moves.findIndex((m) => m.type === 'leads.submit') + 1;
  let count = 0;
  let deviations = 0;
  const maxMoves = opts.maxMoves ?? 300;
  const offered = async (m: Move | undefined): Promise<Locator | null> => {
    if (!m) return null;
    let loc: Locator;
    if (m.type === 'choose') loc = optionButton(page, lang, s.options[m.option]![lang]);
    else if (m.type === 'wait') loc = waitsGroup(page, lang).getByRole('button', { name: tr(lang, 'drill.conversation.wait', { count: m.days }), exact: true });
    else if (m.type === 'record') loc = page.getByRole('button', { name: tr(lang, 'drill.record.recordFact', { fact: s.facts[m.fact]![lang] }), exact: true });
    else return null;
    return (await loc.count()) === 1 ? loc : null;
  };
  while (count < maxMoves) {
    if (await outcomeHeading(page, lang).isVisible()) return { moves: count, deviations, ended: true, next: i };
    await reflect(page, lang);
    if (opts.until && (await opts.until())) return { moves: count, deviations, ended: false, next: i };
    let target = await offered(moves[i]);
    if (target) i += 1;
    else {
      // Off the exemplar: a later exemplar choice that is offered now, else the first option or wait.
      for (let j = i + 1; j < moves.length && !target; j++) {
        if (moves[j]!.type !== 'choose') continue;
        target = await offered(moves[j]);
        if (target) i = j + 1;
      }
      if (!target) {
        deviations += 1;
        const first = optionsGroup(page, lang).getByRole('button').first();
        target = (await first.count()) ? first : waitsGroup(page, lang).getByRole('button').first();
      }
    }
    await act(page, lang, target);
    count += 1;
  }
  return { moves: count, deviations, ended: await outcomeHeading(page, lang).isVisible(), next: i };
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The most moves saved in any unfinished attempt (read straight from IndexedDB). */
export const savedMoves = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ltc-attempts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('attempts').objectStore('attempts').getAll();
          all.onsuccess = () => {
            db.close();
            const records = all.result as { status: string; moves: unknown[] }[];
            resolve(Math.max(-1, ...records.filter((r) => r.status === 'in-progress').map((r) => r.moves.length)));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
