// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import type { AttemptRecord, Coaching } from '../../domain/attempts/attempt-record';
import type { ScenarioModel } from '../../domain/scenario/model';
import { fixtureRecord, tourLost } from './replay-fixtures.test-support';
import { ReplayViewer, type ReplayViewerProps } from './ReplayViewer';

const NOW = Date.UTC(2025, 3, 3, 14, 30);
let now = NOW;
beforeAll(() => initTestI18n('en'));
beforeEach(() => {
  now = NOW;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function show(model: ScenarioModel, record: AttemptRecord, more: Partial<ReplayViewerProps> = {}) {
  const onCoaching = vi.fn<(c: Coaching) => void>();
  const view = render(<ReplayViewer model={model} record={record} exemplar={null} locale="en" mode="coach" coachName="Chen Jie" newer={null} onExit={() => {}} onCoaching={onCoaching} {...more} />);
  return { ...view, onCoaching, saved: () => onCoaching.mock.lastCall![0] };
}
const go = (turn: number) => fireEvent.change(screen.getByRole('slider', { name: 'Move' }), { target: { value: String(turn) } });
const button = (name: string) => screen.getByRole('button', { name });

describe('coaching an attempt (coach mode)', () => {
  it('adds, edits and deletes a comment on a move, saving the whole coaching each time', async () => {
    const { model, record } = tourLost();
    const { onCoaching, saved } = show(model, record);
    go(2);
    fireEvent.change(screen.getByRole('textbox', { name: 'Add a comment on move 2' }), { target: { value: '  Ask before you pitch.  ' } });
    fireEvent.click(button('Add comment'));
    expect(onCoaching).toHaveBeenCalledOnce();
    expect(saved()).toEqual({ coach: 'Chen Jie', feedback: '', comments: [{ turn: 2, text: 'Ask before you pitch.', at: NOW }], ratings: [], updatedAt: NOW });
    const here = screen.getByRole('region', { name: 'Comments on move 2' });
    expect(within(here).getByText('Ask before you pitch.')).toBeTruthy();
    const meta = here.querySelector('.replay-comment .meta')!;
    expect(meta.textContent).toMatch(/^Move 2 · /);
    expect(meta.querySelector('time')?.getAttribute('datetime')).toBe(new Date(NOW).toISOString());
    expect((screen.getByRole('textbox', { name: 'Add a comment on move 2' }) as HTMLTextAreaElement).value).toBe('');
    expect(within(screen.getByRole('list', { name: 'Moves' })).getByRole('button', { current: 'step' }).getAttribute('aria-label')).toBe("Move 2, pitfall, coach's comment");

    now = NOW + 60_000;
    fireEvent.click(button('Edit the comment on move 2'));
    const box = screen.getByRole('textbox', { name: 'Edit the comment on move 2' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'Ask about dispatch before you pitch.' } });
    fireEvent.click(within(here).getByRole('button', { name: 'Save' }));
    expect(saved().comments).toEqual([{ turn: 2, text: 'Ask about dispatch before you pitch.', at: NOW + 60_000 }]);
    expect(saved().updatedAt).toBe(NOW + 60_000);
    expect(document.activeElement).toBe(button('Edit the comment on move 2'));

    fireEvent.click(button('Delete the comment on move 2'));
    expect(onCoaching).toHaveBeenCalledTimes(2);
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Delete this comment?' })).getByRole('button', { name: 'Delete' }));
    expect(onCoaching).toHaveBeenCalledTimes(3);
    expect(saved().comments).toEqual([]);
    expect(within(here).queryByText(/Ask about dispatch/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Add a comment on move 2' })));
  });

  it('keeps a comment box for each move apart, and none before the first move', () => {
    const { model, record } = tourLost();
    show(model, record);
    expect(screen.getByText('Comments are made on moves: go to a move to comment on it.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Comments' })).toBeTruthy();
    go(3);
    fireEvent.change(screen.getByRole('textbox', { name: 'Add a comment on move 3' }), { target: { value: 'draft' } });
    go(4);
    expect((screen.getByRole('textbox', { name: 'Add a comment on move 4' }) as HTMLTextAreaElement).value).toBe('');
    expect(button('Add comment')).toHaveProperty('disabled', true);
  });

  it('rates a written explain-back from 1 to 5 stars, and clears the rating', () => {
    const { model, record } = tourLost();
    const { saved } = show(model, record);
    const list = screen.getByRole('region', { name: 'Explain-backs' });
    const group = within(list).getByRole('group', { name: 'Rate the explain-back of “Lead acquisition”' });
    expect(within(group).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels![0]!.textContent)).toEqual(['★1 star', '★2 stars', '★3 stars', '★4 stars', '★5 stars']);
    fireEvent.click(within(group).getByRole('radio', { name: '4 stars' }));
    expect(saved()).toMatchObject({ coach: 'Chen Jie', ratings: [{ stage: 'leads', rating: 4 }], updatedAt: NOW });
    expect((within(group).getByRole('radio', { name: '4 stars' }) as HTMLInputElement).checked).toBe(true);
    // The skipped explain-back of first contact has nothing to rate.
    expect(within(list).queryByRole('group', { name: /First contact/ })).toBeNull();
    // Where the stage ended, the rating is shown beside the explain-back.
    go(1);
    expect(screen.getByRole('region', { name: 'Explain-back after this move' }).textContent).toContain('Rated 4 of 5 stars');
    fireEvent.click(within(group).getByRole('button', { name: 'Clear the rating' }));
    expect(saved().ratings).toEqual([]);
  });

  it('saves the overall feedback signed with the coach’s name', () => {
    const { model, record } = tourLost();
    const { onCoaching, saved } = show(model, record);
    const name = screen.getByRole('textbox', { name: 'Coach’s name'.replace('’', "'") }) as HTMLInputElement;
    expect(name.value).toBe('Chen Jie');
    expect(button('Save feedback')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Feedback for the trainee' }), { target: { value: 'Find the pain first.' } });
    fireEvent.change(name, { target: { value: 'Chen Jie (lead)' } });
    fireEvent.click(button('Save feedback'));
    expect(onCoaching).toHaveBeenCalledOnce();
    expect(saved()).toEqual({ coach: 'Chen Jie (lead)', feedback: 'Find the pain first.', comments: [], ratings: [], updatedAt: NOW });
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect(screen.getByTestId('replay-coach').textContent).toMatch(/^Chen Jie \(lead\) · updated /);
  });

  it('continues an imported attempt’s coaching: its comments can be edited, its coach keeps signing', () => {
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    const { saved } = show(model, record, { coachName: 'Someone else', initialTurn: 2 });
    expect((screen.getByRole('textbox', { name: "Coach's name" }) as HTMLInputElement).value).toBe('Chen Jie');
    fireEvent.click(button('Edit the comment on move 2'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Edit the comment on move 2' }), { target: { value: 'Pitched before the pains.' } });
    fireEvent.click(button('Save'));
    expect(saved()).toEqual({ ...record.coaching, comments: [{ turn: 2, text: 'Pitched before the pains.', at: NOW }], updatedAt: NOW });
  });

  it('takes the host’s saved coaching without losing edits made since', () => {
    const { model, record } = tourLost();
    const { saved, rerender } = show(model, record, { initialTurn: 2 });
    fireEvent.change(screen.getByRole('textbox', { name: 'Add a comment on move 2' }), { target: { value: 'One.' } });
    fireEvent.click(button('Add comment'));
    const first = saved();
    now = NOW + 1_000;
    fireEvent.change(screen.getByRole('textbox', { name: 'Add a comment on move 2' }), { target: { value: 'Two.' } });
    fireEvent.click(button('Add comment'));
    // The host stores the first save late, then passes the record back with it.
    const props = { model, exemplar: null, locale: 'en' as const, mode: 'coach' as const, coachName: 'Chen Jie', newer: null, onExit: () => {} };
    const here = () => screen.getByRole('region', { name: 'Comments on move 2' });
    rerender(<ReplayViewer {...props} record={{ ...record, coaching: first }} />);
    expect(within(here()).getByText('Two.')).toBeTruthy();
    // A newer coaching from the host (another tab saved) replaces what is shown.
    rerender(<ReplayViewer {...props} record={{ ...record, coaching: { ...first, comments: [{ turn: 2, text: 'From elsewhere.', at: NOW + 5_000 }], updatedAt: NOW + 5_000 } }} />);
    expect(within(here()).getByText('From elsewhere.')).toBeTruthy();
    expect(within(here()).queryByText('Two.')).toBeNull();
  });
});

describe('reading the coach’s notes (trainee mode)', () => {
  it('shows the feedback first, the comments at their moves and in a summary, and nothing to edit', () => {
    const { model, record } = fixtureRecord('precision-erp.losing.json');
    render(<ReplayViewer model={model} record={record} exemplar={null} locale="en" mode="trainee" coachName="" newer={null} onExit={() => {}} />);
    const feedback = screen.getByRole('region', { name: 'Feedback from Chen Jie' });
    expect(feedback.textContent).toContain('Slow down in discovery: learn the payment process before you talk price.');
    expect(feedback.compareDocumentPosition(screen.getByRole('region', { name: 'Timeline' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Edit|Delete|Save/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /Comments on move/ })).toBeNull();

    const summary = screen.getByRole('region', { name: 'All comments (1)' });
    fireEvent.click(within(summary).getByRole('button', { name: 'Move 2' }));
    expect(screen.getByTestId('timeline-position').textContent).toBe('Move 2 of 8');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Move 2 of 8' }));
    const here = screen.getByRole('region', { name: "Coach's comments on move 2" });
    expect(here.textContent).toContain('Here you pitched before you knew their pains.');
  });

  it('shows each explain-back’s rating as text', () => {
    const { model, record } = tourLost({ coaching: { coach: '', feedback: '', comments: [], ratings: [{ stage: 'leads', rating: 3 }], updatedAt: NOW } });
    render(<ReplayViewer model={model} record={record} exemplar={null} locale="en" mode="trainee" coachName="" newer={null} onExit={() => {}} />);
    expect(screen.getByRole('region', { name: 'Feedback from your coach' }).textContent).toContain('No overall feedback was written.');
    const list = screen.getByRole('region', { name: 'Explain-backs' });
    expect(within(list).getByText('Rated 3 of 5 stars')).toBeTruthy();
    expect(within(list).queryAllByRole('radio')).toHaveLength(0);
  });
});
