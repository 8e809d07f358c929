/**
 * The installed app's service worker (vite-plugin-pwa / Workbox): it keeps every file of the app
 * (each page, each bundled scenario, both languages) so that after the first visit the app opens
 * and plays with no network. A new version installs in the background and waits: the app says so
 * (`UpdatePrompt`) and switches only when the trainee agrees, so a drill in progress keeps the
 * version it started with, and every move is saved, so the reload continues where they were.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface UpdateState {
  /** `offline-ready`: the app is now kept for offline use (said in Preferences); `update-ready`: a new version waits. */
  status: 'idle' | 'offline-ready' | 'update-ready';
  /** The trainee said "later" to the waiting version (asked again after a reload). */
  dismissed: boolean;
  /** Switches to the waiting version and reloads every tab of the app. */
  apply(): void;
  dismiss(): void;
}

export const updateStore = createStore<UpdateState>()((set) => ({
  status: 'idle',
  dismissed: false,
  apply: () => undefined,
  dismiss: () => set({ dismissed: true }),
}));

export const useUpdate = <T>(selector: (s: UpdateState) => T): T => useStore(updateStore, selector);

/** How often a long-open tab asks whether a new version was published (the browser only checks on navigation). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Registers the service worker (production builds only); call once, after the first screen. */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const update = registerSW({
    immediate: true,
    // Workbox may tell of the same waiting version more than once: a "later" holds for it.
    onNeedRefresh: () => {
      if (updateStore.getState().status !== 'update-ready') updateStore.setState({ status: 'update-ready', dismissed: false, apply: () => void update(true) });
    },
    onOfflineReady: () => updateStore.setState({ status: 'offline-ready' }),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => undefined);
      };
      setInterval(check, CHECK_EVERY_MS);
      window.addEventListener('online', check);
    },
    // No service worker (a private window, storage off): the app works online as before.
    onRegisterError: () => undefined,
  });
}
