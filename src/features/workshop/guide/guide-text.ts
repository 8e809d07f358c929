/**
 * The scenario guide's text, read from scenarios/README.md itself (one source for the repository and
 * the app), as blocks. Bundled with the guide page only.
 */
import guideEn from '../../../../scenarios/README.md?raw';
import { headingsOf, parseMarkdown, type Block } from '../../../domain/guide/markdown';
import type { Locale } from '../../../domain/text/localized-text';

let english: Block[] | undefined;

/** The guide in `locale`, as blocks. */
export function guideBlocks(locale: Locale): Block[] {
  void locale;
  return (english ??= parseMarkdown(guideEn));
}

/** The sections, as the table of contents lists them: every heading below the title. */
export function guideSections(blocks: readonly Block[]) {
  return headingsOf(blocks).filter((h) => h.level > 1);
}
