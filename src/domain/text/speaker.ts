/**
 * Who says a customer line. Most lines are the customer contact's own; a line that starts with a
 * person's name and a colon (`Shen Li: Good, then we stamp today.` / `沈丽：好，那今天就盖章。`) is said
 * by that person: someone of the customer's team, a colleague of the rep's, or a document read out
 * (the scenario's `customer.team` names them and says which). A text can hold several people's
 * lines, one per line of the text: it is shown as one bubble per speaker.
 *
 * A name is recognised when it is one the scenario declares (in the shown language), or, without a
 * declaration, by its shape: one to three capitalised words before `: ` in English; in Chinese, what
 * comes before the first `：` when the English line says a name there too.
 */
import type { Person } from '../scenario/model';
import { pickText, type Locale, type LocalizedText } from './localized-text';

const NAME_TAG = /^([A-Z][\p{L}'’.-]*(?: [A-Z][\p{L}'’.-]*){0,2}): (?=\S)/u;
/** A Chinese tag longer than this is a sentence, not a name. */
const MAX_TAG = 12;

export type Side = Person['side'];

export interface SpokenLine {
  /** The person speaking, when the line names one; null: the customer. */
  speaker: string | null;
  /** The declared person, when the name is one of the scenario's team. */
  person: string | null;
  side: Side;
  /** The line without its name tag. */
  text: string;
  /** The language shown, and whether it is a fallback from the other one. */
  locale: Locale;
  fallback: boolean;
}

/** The people a scenario declares, as the transcript needs them. */
export type Team = Readonly<Record<string, Pick<Person, 'id' | 'name' | 'side'>>>;

/** A declared person whose name (in `locale`) `line` starts with, followed by a colon. */
function declaredTag(line: string, locale: Locale, team: Team): { person: Team[string]; name: string; rest: string } | null {
  let best: { person: Team[string]; name: string; rest: string } | null = null;
  for (const person of Object.values(team)) {
    for (const name of [person.name[locale], person.name.en, person.name['zh-CN']]) {
      if (!name || !line.startsWith(name)) continue;
      const after = line.slice(name.length);
      const m = /^\s*[:：]\s*/.exec(after);
      if (!m) continue;
      // The longest name wins ("Li" and "Li Wei").
      if (!best || name.length > best.name.length) best = { person, name, rest: after.slice(m[0].length) };
    }
  }
  return best;
}

/** An undeclared name by its shape: `en` decides; the Chinese tag counts when its English line has one. */
function shapeTag(line: string, enLine: string | undefined, locale: Locale): { name: string; rest: string } | null {
  const tag = enLine !== undefined ? NAME_TAG.exec(enLine) : null;
  if (!tag) return null;
  if (locale === 'en' && line === enLine) return { name: tag[1]!, rest: line.slice(tag[0].length) };
  const colon = line.search(/[：:]/);
  if (colon < 1 || colon > MAX_TAG) return null;
  return { name: line.slice(0, colon).trim(), rest: line.slice(colon + 1).trimStart() };
}

/**
 * The text to show in `locale`, split into who says what: one part per speaker, in order. Lines of
 * the text without a name at their start continue the part before (or are the customer's).
 */
export function spokenLines(text: LocalizedText | undefined, locale: Locale, team: Team = {}): SpokenLine[] {
  const picked = pickText(text, locale);
  const lines = picked.text.split('\n');
  const enLines = text?.en?.split('\n');
  // The English lines say where the names are only when they line up with the shown ones.
  const aligned = enLines && enLines.length === lines.length ? enLines : lines.length === 1 ? enLines?.slice(0, 1) : undefined;
  const parts: SpokenLine[] = [];
  lines.forEach((line, i) => {
    const declared = declaredTag(line, picked.locale, team);
    const shaped = declared ? null : shapeTag(line, aligned?.[i], picked.locale);
    if (declared || shaped) {
      parts.push({
        speaker: declared ? declared.name : shaped!.name,
        person: declared ? declared.person.id : null,
        side: declared ? declared.person.side : 'customer',
        text: declared ? declared.rest : shaped!.rest,
        locale: picked.locale,
        fallback: picked.fallback,
      });
    } else if (parts.length && line.trim()) parts[parts.length - 1]!.text += `\n${line}`;
    else if (line.trim() || !parts.length) parts.push({ speaker: null, person: null, side: 'customer', text: line, locale: picked.locale, fallback: picked.fallback });
  });
  return parts;
}

/** The first speaker's part of a text (a one-line text: all of it). */
export function spokenLine(text: LocalizedText | undefined, locale: Locale, team: Team = {}): SpokenLine {
  return spokenLines(text, locale, team)[0]!;
}

/**
 * Where a text names a speaker somewhere else than at the start of one of its lines: a declared
 * person's name followed by a colon in the middle of a line (several people in one bubble).
 */
export function misplacedSpeakers(text: string, team: Team): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    for (const person of Object.values(team)) {
      for (const name of new Set([person.name.en, person.name['zh-CN']])) {
        if (!name) continue;
        for (let at = line.indexOf(name, 1); at > 0; at = line.indexOf(name, at + 1)) {
          if (/^\s*[:：]/.test(line.slice(at + name.length)) && !found.includes(name)) found.push(name);
        }
      }
    }
  }
  return found;
}
