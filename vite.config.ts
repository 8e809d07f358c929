import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { scenarioLibrary } from './src/bundling/scenario-library-plugin';
import { appManifest } from './src/bundling/app-manifest';

/**
 * The Content-Security-Policy meta tag of index.html holds for the built app. The dev server needs
 * what it forbids (React Fast Refresh's inline preamble, the HMR websocket), so it is left out there.
 */
function cspInBuildOnly(): Plugin {
  return {
    name: 'ltc-csp-in-build-only',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  plugins: [
    react(),
    scenarioLibrary(),
    cspInBuildOnly(),
    VitePWA({
      // A new version waits until the trainee agrees to reload (src/app/update-prompt.tsx); the app
      // registers the service worker itself, after the first screen, so it is not in the first bundle.
      registerType: 'prompt',
      injectRegister: false,
      manifest: appManifest,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      workbox: {
        // Everything the app can load: every page's chunk, every bundled scenario (models, expert
        // paths, sources), both languages' strings, the check workers, the icons.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['scenario.schema.json'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first version takes over the page that installed it, so its chunks come from the cache
        // from then on; a later one waits for the trainee (skipWaiting on their word, prompt mode).
        clientsClaim: true,
        skipWaiting: false,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
});
