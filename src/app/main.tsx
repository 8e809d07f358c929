import '../state/no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { useAppStore } from '../state/app-store';
import { registerServiceWorker } from './app-update';
import './styles.css';

const locale = useAppStore.getState().locale;
initI18n(locale);
document.documentElement.lang = locale;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// After the first screen: the service worker then keeps the whole app for offline use.
window.addEventListener('load', () => void registerServiceWorker(), { once: true });
