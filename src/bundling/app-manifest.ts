/**
 * The web app manifest (installable app: name, icons, theme colour). Its texts are the app's own
 * strings (`app.title`, `app.tagline` in src/locales), in English with the Chinese as the manifest's
 * localized members (`name_localized`…), which browsers that support them show to Chinese users.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestOptions } from 'vite-plugin-pwa';

const LOCALES_DIR = join(import.meta.dirname, '..', 'locales');

/** The `app` strings of one language. */
export function appStrings(lang: 'en' | 'zh-CN'): { title: string; tagline: string } {
  return JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'app.json'), 'utf8')) as { title: string; tagline: string };
}

const en = appStrings('en');
const zh = appStrings('zh-CN');
/** The app's accent colour (styles.css `--accent`). */
export const THEME_COLOUR = '#2b6cd8';

export const appManifest: Partial<ManifestOptions> & Record<string, unknown> = {
  id: '/',
  name: en.title,
  short_name: 'LTC Simulator',
  description: en.tagline,
  lang: 'en',
  dir: 'ltr',
  name_localized: { 'zh-CN': { value: zh.title, lang: 'zh-CN' } },
  short_name_localized: { 'zh-CN': { value: 'LTC 模拟', lang: 'zh-CN' } },
  description_localized: { 'zh-CN': { value: zh.tagline, lang: 'zh-CN' } },
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: THEME_COLOUR,
  background_color: '#f6f7f9',
  categories: ['education', 'business'],
  icons: [
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
