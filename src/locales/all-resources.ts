/** Every section of both languages at once, for tests and the locale checks (the app loads them by page). */
import type { Locale } from '../domain/text/localized-text';
import { byLocale, type Tree } from './resources';

const all = byLocale(import.meta.glob<Tree>('./*/*.json', { eager: true, import: 'default' }));
export const ALL_RESOURCES: Record<Locale, { translation: Tree }> = { en: { translation: all.en }, 'zh-CN': { translation: all['zh-CN'] } };
