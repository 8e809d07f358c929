/**
 * Who says a customer line. Most lines are the customer's own; a line that starts with a person's
 * name and a colon (`Shen Li: Good, then we stamp today.` / `沈丽：好，那今天就盖章。`) is said by that
 * person, another member of the customer's team. The English text decides (a capitalised name of one
 * to three words); the Chinese text's tag is what comes before its first colon.
 */
import { pickText, type Locale, type LocalizedText } from './localized-text';

const NAME_TAG = /^([A-Z][\p{L}'’.-]*(?: [A-Z][\p{L}'’.-]*){0,2}): (?=\S)/u;
/** A Chinese tag longer than this is a sentence, not a name. */
const MAX_TAG = 12;

export interface SpokenLine {
  /** The person speaking, when the line names one; null: the customer. */
  speaker: string | null;
  /** The line without its name tag. */
  text: string;
  /** The language shown, and whether it is a fallback from the other one. */
  locale: Locale;
  fallback: boolean;
}

/** The line of `text` to show in `locale`, split into who says it and what is said. */
export function spokenLine(text: LocalizedText | undefined, locale: Locale): SpokenLine {
  const picked = pickText(text, locale);
  const base = { speaker: null, text: picked.text, locale: picked.locale, fallback: picked.fallback };
  const tag = text?.en !== undefined ? NAME_TAG.exec(text.en) : null;
  if (!tag) return base;
  if (picked.locale === 'en') return { ...base, speaker: tag[1]!, text: picked.text.slice(tag[0].length) };
  const colon = picked.text.search(/[：:]/);
  if (colon < 1 || colon > MAX_TAG) return base;
  return { ...base, speaker: picked.text.slice(0, colon).trim(), text: picked.text.slice(colon + 1).trimStart() };
}
