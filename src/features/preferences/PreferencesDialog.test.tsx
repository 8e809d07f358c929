// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { useAppStore } from '../../state/app-store';
import PreferencesDialog from './PreferencesDialog';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('the preferences dialog', () => {
  it('opens as a labelled dialog and saves each change at once', () => {
    const onClose = vi.fn();
    render(<PreferencesDialog onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Preferences' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Your name' }), { target: { value: 'Wang Fang' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Always' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Explain each stage back/ }));
    const coachMe = within(dialog).getByRole('checkbox', { name: /Coach me/ });
    expect(coachMe).toHaveProperty('checked', false);
    fireEvent.click(coachMe);
    expect(useAppStore.getState().preferences).toEqual({ trainee: 'Wang Fang', sayFirst: 'always', explainBack: false, coachMe: true });
    expect(JSON.parse(localStorage.getItem('ltc-app')!).state.preferences.trainee).toBe('Wang Fang');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
