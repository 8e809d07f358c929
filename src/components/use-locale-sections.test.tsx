// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createInstance } from 'i18next';
import { StrictMode, Suspense, useState } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESOURCES } from '../locales/resources';
import { useLocaleSections } from './use-locale-sections';

afterEach(cleanup);

function ReplayHeading() {
  useLocaleSections(['replay']);
  const { t } = useTranslation();
  const [shown] = useState(true);
  return shown ? <h2>{t('replay.timeline.slider')}</h2> : null;
}

/** A page that is opened later, inside a Suspense boundary already on screen (as the app's routes are). */
function Shell() {
  const [page, setPage] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setPage(true)}>
        open
      </button>
      <Suspense fallback={<p>loading</p>}>{page ? <ReplayHeading /> : <p>library</p>}</Suspense>
    </>
  );
}

describe('useLocaleSections', () => {
  it('suspends until a page’s strings are loaded, then renders them, and React has nothing to warn about', async () => {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init({ resources: structuredClone(RESOURCES), lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.getResource('en', 'translation', 'replay')).toBeUndefined();
    const errors = vi.spyOn(console, 'error');
    render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <Shell />
        </I18nextProvider>
      </StrictMode>,
    );
    await act(async () => fireEvent.click(screen.getByRole('button')));
    const heading = await screen.findByRole('heading');
    expect(heading.textContent).not.toBe('replay.timeline.slider');
    expect(heading.textContent).toBe(i18n.t('replay.timeline.slider'));
    expect(errors.mock.calls).toEqual([]);
  });
});
