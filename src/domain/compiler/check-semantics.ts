/**
 * Meaning checks over a (salvaged) scenario source: every id resolves, every step is reachable and
 * leads somewhere, every stage leads on, every checklist item can be earned, the deal's terms and
 * payment can be settled, every text is translated, every number is in range. Each concern is a
 * pass over one shared check context (checks/context.ts); all problems are reported, none stops
 * the others.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { makeCheckContext } from './checks/context';
import { checkCalendarText } from './checks/calendar-text';
import { checkDeal } from './checks/deal';
import { checkEarnability, checkStagesRated } from './checks/earnability';
import { checkGraph } from './checks/graph';
import { checkCalendar, checkChecklistConfig, checkLeads, checkRanges, checkRulesAndSurprises } from './checks/settings';
import { checkSpeakers } from './checks/speakers';
import { checkObjectionNames, checkSteps } from './checks/steps';
import { checkTranslationsPass } from './checks/translations';
import type { Salvaged } from './salvage';
import type { SourceDocument } from './source-document';

export { isCalendarDate } from './checks/settings';
export { PLACEHOLDERS } from './checks/translations';

/** Runs every semantic pass; returns diagnostics in discovery order. */
export function checkSemantics(src: SourceDocument, salvaged: Salvaged): Diagnostic[] {
  const out: Diagnostic[] = [];
  const x = makeCheckContext(src, salvaged, out);
  checkObjectionNames(x);
  for (const c of x.containers) if (checkSteps(x, c)) checkGraph(x, c);
  const canEarn = checkEarnability(x);
  checkDeal(x, canEarn);
  checkStagesRated(x);
  checkChecklistConfig(x);
  checkLeads(x);
  checkRulesAndSurprises(x);
  checkRanges(x);
  checkSpeakers(x);
  checkCalendarText(x);
  const hasCalendar = checkCalendar(x);
  checkTranslationsPass(x, hasCalendar);
  return out;
}
