// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import { findOption } from '../../domain/scenario/model';
import { tourLost } from './replay-fixtures.test-support';
import { ReplayViewer } from './ReplayViewer';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function setup(onRetry?: (turn: number) => void) {
  const { model: original, record, exemplar } = tourLost();
  const model = structuredClone(original);
  findOption(model, 'first-contact/intro/1')!.why = { en: 'It opens with what the customer asked about.' };
  findOption(model, 'first-contact/intro/2')!.why = { en: 'A script talks at the customer, not with them.' };
  render(<ReplayViewer model={model} record={record} exemplar={exemplar} locale="en" mode="trainee" coachName="" newer={null} onExit={() => {}} initialTurn={2} onRetry={onRetry} />);
}
const panel = () => screen.getByRole('region', { name: 'This decision, explained' });

describe('the replay teaches each decision', () => {
  it('shows why the chosen option was a mistake and why the expert\'s is better, beside the trainee\'s own words', () => {
    setup();
    const p = panel();
    expect(p.querySelector('.decision-words blockquote')?.textContent).toBe('I would start with <i>our</i> brochure.');
    expect(within(p).getByText('A script talks at the customer, not with them.')).toBeTruthy();
    expect(p.querySelector('.decision-expert')?.textContent).toContain('Why it is better: It opens with what the customer asked about.');
    expect(p.querySelector('.decision-chosen')?.textContent).toContain('Commits: Reading from a script');
  });

  it('retries from the move on screen', () => {
    const onRetry = vi.fn();
    setup(onRetry);
    fireEvent.click(within(panel()).getByRole('button', { name: 'Retry from turn 2' }));
    expect(onRetry).toHaveBeenCalledWith(2);
  });

  it('offers no retry when the host does not', () => {
    setup();
    expect(within(panel()).queryByRole('button')).toBeNull();
  });
});
