import '../state/no-eval';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { useAppStore } from '../state/app-store';
import { registerServiceWorker } from './app-update';
import './styles.css';

const locale = useAppStore.getState().locale;
initI18n(locale);
document.documentElement.lang = locale;

// A package for an LMS (`npm run package`) is built with its standard; the plain app never loads the LMS code.
const packaged = import.meta.env.VITE_LTC_PACKAGE;
const LmsApp = lazy(() => import('./LmsApp'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {packaged === 'scorm12' || packaged === 'scorm2004' || packaged === 'cmi5' ? (
      <Suspense fallback={null}>
        <LmsApp standard={packaged} />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);

// After the first screen: the service worker then keeps the whole app for offline use (not inside an
// LMS, which serves and updates the package itself).
if (!packaged) window.addEventListener('load', () => void registerServiceWorker(), { once: true });
