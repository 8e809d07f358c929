/**
 * The scenario guide's text, read from scenarios/README.md itself (one source for the repository and
 * the app) and its Chinese translation, scenarios/README.zh-CN.md, whose headings keep the English
 * ids (so a code's link opens the same entry in either). Bundled with the guide page only.
 */
import guideEn from '../../../../scenarios/README.md?raw';
import guideZh from '../../../../scenarios/README.zh-CN.md?raw';
import { headingsOf, parseMarkdown, type Block } from '../../../domain/guide/markdown';
import type { Locale } from '../../../domain/text/localized-text';

const parsed: Partial<Record<Locale, Block[]>> = {};

/** The guide in `locale`, as blocks. */
export function guideBlocks(locale: Locale): Block[] {
  return (parsed[locale] ??= parseMarkdown(locale === 'zh-CN' ? guideZh : guideEn));
}

/** The sections, as the table of contents lists them: every heading below the title. */
export function guideSections(blocks: readonly Block[]) {
  return headingsOf(blocks).filter((h) => h.level > 1);
}
