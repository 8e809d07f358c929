/**
 * The UI strings: one JSON file per section and language (`en/drill.json` holds the `drill.*` keys),
 * so each feature's strings live in their own file. Both languages must have the same files and keys
 * (see locales.test.ts). The first screen's sections are bundled with it; the others load with the
 * page that needs them (`loadLocaleSections`), so the first screen stays small.
 */
import type { Locale } from '../domain/text/localized-text';

export type Tree = { [key: string]: string | Tree };

/** The sections the library screen (and the app's frame) speak. */
export const FIRST_SCREEN_SECTIONS = ['app', 'library', 'stages', 'preferences', 'attempt', 'attempts'] as const;

const firstScreen = import.meta.glob<Tree>('./*/{app,library,stages,preferences,attempt,attempts}.json', { eager: true, import: 'default' });
// The first screen's sections are left out here: imported both ways, they would become chunks of their own.
const onDemand = import.meta.glob<Tree>(['./*/*.json', '!./*/{app,library,stages,preferences,attempt,attempts}.json'], { import: 'default' });

/** `{ en: { section: tree } }` from glob results keyed `./<lang>/<section>.json`. */
export function byLocale(files: Record<string, Tree>): Record<Locale, Tree> {
  const out: Record<Locale, Tree> = { en: {}, 'zh-CN': {} };
  for (const [path, tree] of Object.entries(files)) {
    const [, lang, section] = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (lang && section && lang in out) out[lang as Locale][section] = tree;
  }
  return out;
}

const first = byLocale(firstScreen);
/** i18next resources of the first screen, in the default `translation` namespace. */
export const RESOURCES: Record<Locale, { translation: Tree }> = { en: { translation: first.en }, 'zh-CN': { translation: first['zh-CN'] } };

/** Where loaded sections go (i18next's `addResourceBundle`, or a test's stand-in). */
export interface ResourceSink {
  getResource(lng: string, ns: string, key: string): unknown;
  addResourceBundle(lng: string, ns: string, resources: Tree, deep?: boolean, overwrite?: boolean): unknown;
}

/** Sections of `lang` that `sink` does not have yet. */
export function missingSections(sink: ResourceSink, lang: Locale, sections: readonly string[]): string[] {
  return sections.filter((s) => sink.getResource(lang, 'translation', s) === undefined);
}

/** Loads sections of one language into i18next. Rejects when a section file does not exist or fails to load. */
export async function loadLocaleSections(sink: ResourceSink, lang: Locale, sections: readonly string[]): Promise<void> {
  const trees = await Promise.all(
    sections.map((s) => {
      const bundled = first[lang][s];
      const load = bundled ? () => Promise.resolve(bundled) : onDemand[`./${lang}/${s}.json`];
      if (!load) return Promise.reject(new Error(`No locale section ${lang}/${s}`));
      return load().then((tree) => [s, tree] as const);
    }),
  );
  sink.addResourceBundle(lang, 'translation', Object.fromEntries(trees), true, false);
}
