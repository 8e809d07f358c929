/**
 * The calendar-text pass: the words must not contradict the simulated calendar.
 *
 * - SC045: a narration that opens by naming the day ("Thursday, 10:00.", "It's the 24th.",
 *   "周四上午") states today's date, which depends on the path taken (every wait moves it): write
 *   {weekday} or {date}, which the player fills in from the calendar. A customer line or a reply is
 *   only taken to state it when it says so outright ("Today is Thursday", "今天是 24 号") or opens
 *   with a stage direction naming the day ("(Thursday) …").
 * - SC046: a line that opens by saying how much time passed ("Two days later, …", "(The next
 *   day) …", "一周后，…") must go with moves that pass that many days. An option's reply: the
 *   option's own `effects.days` (days pass before the move, so the rep's words and the reply come
 *   that many days after the step's line). A step's line: either every option that leads to it
 *   (`next`, or `stage` for a stage's start) passes them, or every option of the step does (the
 *   moves made at that later meeting). Options that raise an objection on the way are left out:
 *   the objection's own moves decide the days.
 */
import type { OptionSource, TextSource } from '../../scenario/schema';
import { formatPath, type DocPath } from '../source-document';
import type { CheckContext, Container } from './context';

const WEEKDAY_EN = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const WEEKDAY_ZH = '(?:周|星期|礼拜)[一二三四五六日天]';
const OPEN = String.raw`^\s*[(\[（【]?\s*`;

/** A narration that opens with the day. */
const NARRATION_DAY = new RegExp(`${OPEN}(?:${WEEKDAY_EN}\\b|(?:it's|it is|today is)\\s+(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b|(?:今天是?\\s*)?${WEEKDAY_ZH}|今天是?\\s*\\d{1,2}\\s*[日号])`, 'i');
/** A line that says outright which day it is, or opens with a stage direction naming it. */
const LINE_DAY = new RegExp(
  `^\\s*(?:[(\\[（【]\\s*(?:${WEEKDAY_EN}|${WEEKDAY_ZH})|(?:today is|it's|it is)\\s+(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)|${WEEKDAY_EN})\\b|今天是?\\s*(?:${WEEKDAY_ZH}|\\d{1,2}\\s*[日号]))`,
  'i',
);

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const NEXT_DAY = new RegExp(`${OPEN}(?:the next day|the following day|the next morning|next morning|the morning after|第二天|次日|隔天|翌日)`, 'i');
const LATER_EN = new RegExp(`${OPEN}(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,3})\\s+(days?|weeks?)\\s+later\\b`, 'i');
const LATER_ZH = new RegExp(`${OPEN}([一二两三四五六七八九十]|\\d{1,3})\\s*(天|日|周|个星期|星期|个礼拜|礼拜)(?:之|以)?后`);

/** How many days a line says have passed since the last one, when it opens by saying so. */
export function statedDays(text: string): number | null {
  if (NEXT_DAY.test(text)) return 1;
  const en = LATER_EN.exec(text);
  if (en) {
    const n = NUMBER_WORDS[en[1]!.toLowerCase()] ?? Number(en[1]);
    return /^week/i.test(en[2]!) ? n * 7 : n;
  }
  const zh = LATER_ZH.exec(text);
  if (zh) {
    const n = ZH_DIGITS[zh[1]!] ?? Number(zh[1]);
    return zh[2] === '天' || zh[2] === '日' ? n : n * 7;
  }
  return null;
}

/** Whether a narration opens by naming the day (SC045). */
export const narrationNamesDay = (text: string): boolean => NARRATION_DAY.test(text);
/** Whether a customer line or a reply states the day outright (SC045). */
export const lineNamesDay = (text: string): boolean => LINE_DAY.test(text);

const textsOf = (text: TextSource | undefined): string[] =>
  text === undefined || text === null ? [] : typeof text === 'string' ? [text] : Object.values(text).filter((v): v is string => typeof v === 'string');

/** An option, by its place, and the days it passes. */
type Move = { path: DocPath; days: number };

const daysOf = (o: OptionSource): number => (typeof o.effects?.days === 'number' ? o.effects.days : 0);

export function checkCalendarText(x: CheckContext): void {
  const namesDay = (text: TextSource | undefined, path: DocPath, narration: boolean) => {
    for (const t of textsOf(text)) {
      const found = (narration ? NARRATION_DAY : LINE_DAY).exec(t);
      if (found) return x.report('SC045', path, { where: formatPath(path), text: found[0].replace(/^[\s([（【]+/, '') });
    }
  };
  /** A line that says some days passed: the moves into it, or else the moves from it, must pass them. */
  const passes = (text: TextSource | undefined, path: DocPath, incoming: Move[], outgoing: Move[] = []) => {
    for (const t of textsOf(text)) {
      const stated = statedDays(t);
      if (stated === null) continue;
      const wrongIn = incoming.find((i) => i.days !== stated);
      if (!wrongIn) continue;
      if (outgoing.length && outgoing.every((o) => o.days === stated)) continue;
      return x.report('SC046', path, { where: formatPath(path), stated, passed: wrongIn.days, option: formatPath(wrongIn.path) });
    }
  };

  // Who leads where: options by the step they lead to (`next` in their container, `stage` to its start).
  const into = new Map<string, Move[]>();
  const add = (key: string, path: DocPath, o: OptionSource) => {
    let list = into.get(key);
    if (!list) into.set(key, (list = []));
    list.push({ path, days: daysOf(o) });
  };
  const stageStart = (stage: string) => x.containers.find((c) => c.section === 'stages' && c.id === stage)?.start;
  for (const c of x.containers) {
    for (const [stepId, step] of Object.entries(c.steps)) {
      step.options.forEach((o, i) => {
        if (o.raises) return;
        const path: DocPath = [c.section, c.id, 'steps', stepId, 'options', i];
        if (typeof o.next === 'string') add(`${c.id}/${o.next}`, path, o);
        else if (typeof o.stage === 'string' && stageStart(o.stage)) add(`${o.stage}/${stageStart(o.stage)}`, path, o);
      });
    }
  }

  for (const c of x.containers as Container[]) {
    const base: DocPath = [c.section, c.id];
    const stageNarration = c.section === 'stages' ? (x.source.stages as Record<string, { narration?: TextSource } | undefined>)[c.id]?.narration : undefined;
    namesDay(stageNarration, [...base, 'narration'], true);
    for (const [stepId, step] of Object.entries(c.steps)) {
      const sp: DocPath = [...base, 'steps', stepId];
      const incoming = into.get(`${c.id}/${stepId}`) ?? [];
      const outgoing = step.options.map((o, i) => ({ path: [...sp, 'options', i], days: daysOf(o) }));
      namesDay(step.narration, [...sp, 'narration'], true);
      passes(step.narration, [...sp, 'narration'], incoming, outgoing);
      if (Array.isArray(step.customer)) {
        step.customer.forEach((v, i) => {
          namesDay(v.text, [...sp, 'customer', i, 'text'], false);
          if (step.narration === undefined) passes(v.text, [...sp, 'customer', i, 'text'], incoming, outgoing);
        });
      } else {
        namesDay(step.customer, [...sp, 'customer'], false);
        if (step.narration === undefined) passes(step.customer, [...sp, 'customer'], incoming, outgoing);
      }
      step.options.forEach((o, i) => {
        const op: DocPath = [...sp, 'options', i];
        namesDay(o.reply, [...op, 'reply'], false);
        passes(o.reply, [...op, 'reply'], [{ path: op, days: daysOf(o) }]);
      });
    }
  }
  for (const [id, s] of Object.entries(x.source.surprises ?? {})) {
    if (!s || typeof s !== 'object') continue;
    namesDay(s.narration, ['surprises', id, 'narration'], true);
    namesDay(s.customer, ['surprises', id, 'customer'], false);
  }
}
