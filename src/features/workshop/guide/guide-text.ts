/**
 * The scenario guide's text, read from scenarios/README.md itself (one source for the repository and
 * the app) and its Chinese translation, scenarios/README.zh-CN.md, whose headings keep the English
 * ids (so a code's link opens the same entry in either). Each language is a chunk of its own,
 * loaded when the guide is opened in it.
 */
import { headingsOf, parseMarkdown, type Block } from '../../../domain/guide/markdown';
import type { Locale } from '../../../domain/text/localized-text';

const SOURCES: Record<Locale, () => Promise<{ default: string }>> = {
  en: () => import('../../../../scenarios/README.md?raw'),
  'zh-CN': () => import('../../../../scenarios/README.zh-CN.md?raw'),
};

/** Loads started, by language; a failed one is dropped, so that a retry loads again. */
const loads = new Map<Locale, Promise<Block[]>>();

/** The guide in `locale`, as blocks: the same promise every time (for React's `use`). */
export function loadGuide(locale: Locale): Promise<Block[]> {
  let load = loads.get(locale);
  if (!load) {
    load = SOURCES[locale]().then((m) => parseMarkdown(m.default));
    loads.set(locale, load);
    load.catch(() => loads.delete(locale));
  }
  return load;
}

/** The sections, as the table of contents lists them: every heading below the title. */
export function guideSections(blocks: readonly Block[]) {
  return headingsOf(blocks).filter((h) => h.level > 1);
}
