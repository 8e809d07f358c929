/**
 * The speakers pass: in a scenario that declares its people (`customer.team`), a line that names
 * one of them in the middle ("… Zhou: the MES says …") holds several people's words in one bubble.
 * Each person's words go on a line of their own, starting with their name (SC040, a warning).
 * Documents are left out: their names are nouns in the middle of a sentence.
 */
import type { ScenarioSource, TextSource } from '../../scenario/schema';
import { misplacedSpeakers, type Team } from '../../text/speaker';
import type { Locale } from '../../text/localized-text';
import { formatPath, type DocPath } from '../source-document';
import type { CheckContext } from './context';

export function checkSpeakers(x: CheckContext): void {
  const team = teamOf(x.source, x.languages);
  if (!team) return;
  const check = (text: TextSource | undefined, path: DocPath) => {
    if (text === undefined || text === null) return;
    const values = typeof text === 'string' ? [text] : Object.values(text).filter((v): v is string => typeof v === 'string');
    const names = new Set(values.flatMap((v) => misplacedSpeakers(v, team)));
    for (const name of names) x.report('SC040', path, { where: formatPath(path), name });
  };
  for (const c of x.containers) {
    for (const [stepId, step] of Object.entries(c.steps)) {
      const sp: DocPath = [c.section, c.id, 'steps', stepId];
      if (Array.isArray(step.customer)) step.customer.forEach((v, i) => check(v.text, [...sp, 'customer', i, 'text']));
      else check(step.customer, [...sp, 'customer']);
      step.options.forEach((o, i) => check(o.reply, [...sp, 'options', i, 'reply']));
    }
  }
}

/** The declared people with their names per language; undefined when none is declared. */
function teamOf(source: ScenarioSource, languages: readonly string[]): Team | undefined {
  const declared = source.customer?.team;
  if (!declared || typeof declared !== 'object' || !Object.keys(declared).length) return undefined;
  const first = (languages[0] ?? 'en') as Locale;
  const team: Record<string, Team[string]> = {};
  for (const [id, p] of Object.entries(declared)) {
    // A document's name inside a sentence ("the vendor portal: tax form, …") is a noun, not a speaker.
    if (!p || typeof p !== 'object' || p.side === 'document') continue;
    const raw: unknown = p.name;
    const name: Partial<Record<Locale, string>> = {};
    if (typeof raw === 'string') name[first] = raw;
    else if (raw && typeof raw === 'object') for (const l of ['en', 'zh-CN'] as const) if (typeof (raw as Record<string, unknown>)[l] === 'string') name[l] = (raw as Record<string, string>)[l];
    if (Object.keys(name).length) team[id] = { id, side: p.side ?? 'customer', name };
  }
  return team;
}
