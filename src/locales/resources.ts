/**
 * The UI strings: one JSON file per section and language (`en/drill.json` holds the `drill.*` keys),
 * so each feature's strings live in their own file. Both languages must have the same files and keys
 * (see locales.test.ts).
 */
import type { Locale } from '../domain/text/localized-text';

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('./*/*.json', { eager: true, import: 'default' });

function collect(locale: Locale): Tree {
  const out: Tree = {};
  for (const [path, tree] of Object.entries(files)) {
    const [, lang, section] = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (lang === locale && section) out[section] = tree;
  }
  return out;
}

/** i18next resources for every locale, in the default `translation` namespace. */
export const RESOURCES: Record<Locale, { translation: Tree }> = {
  en: { translation: collect('en') },
  'zh-CN': { translation: collect('zh-CN') },
};
