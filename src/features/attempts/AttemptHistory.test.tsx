// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AttemptRecord } from '../../domain/attempts/attempt-record';
import { newAttemptRecord } from '../../domain/attempts/new-attempt';
import { scenarioMeta } from '../../domain/scenario/model';
import { initTestI18n } from '../../../test/support/i18n';
import { tour } from '../../../test/support/load';
import { AttemptHistory } from './AttemptHistory';
import { CorruptAttempts } from './CorruptAttempts';

const model = tour();
const meta = scenarioMeta(model);
const at = Date.UTC(2026, 10, 3, 9, 30);
const finished: AttemptRecord = {
  ...newAttemptRecord({ id: 'won-1', scenario: model, seed: 1, now: at }),
  status: 'finished',
  moves: [{ type: 'abandon' }],
  times: [at],
  score: { overall: { score: 87, band: 'good', passed: true }, stages: [], outcome: 'won' },
};
const running: AttemptRecord = { ...newAttemptRecord({ id: 'live-1', scenario: model, seed: 2, now: at + 1000 }) };

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('the attempt history', () => {
  it('marks a retry of another attempt with the turn it branched at', () => {
    const retry: AttemptRecord = { ...running, id: 'retry-1', retryOf: { attempt: 'won-1', turn: 4 } };
    render(<AttemptHistory records={[retry, finished]} scenarios={{ [meta.id]: meta }} locale="en" onOpen={() => {}} onDiscard={() => {}} />);
    expect(screen.getByTestId('history-retry').textContent).toBe('a retry from turn 4');
    expect(screen.getAllByTestId('history-retry')).toHaveLength(1);
  });

  it('lists each attempt with its date, scenario, outcome and score, and opens it', () => {
    const onOpen = vi.fn();
    render(<AttemptHistory records={[running, finished]} scenarios={{ [meta.id]: meta }} locale="en" onOpen={onOpen} onDiscard={() => {}} />);
    const items = within(screen.getByRole('list', { name: 'My attempts' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('In progress');
    expect(items[1]!.textContent).toContain('Won');
    expect(items[1]!.textContent).toContain('87 / 100');
    expect(items[1]!.querySelector('time')?.getAttribute('datetime')).toBe(new Date(at).toISOString());
    expect(items[1]!.querySelector('time')?.textContent).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at));
    expect(items[1]!.textContent).toContain(meta.title.en!);
    fireEvent.click(within(items[0]!).getByRole('button', { name: `Continue “${meta.title.en}”` }));
    fireEvent.click(within(items[1]!).getByRole('button', { name: `Debrief of “${meta.title.en}”` }));
    expect(onOpen.mock.calls).toEqual([['live-1'], ['won-1']]);
  });

  it('asks before discarding, and discards only on confirmation', () => {
    const onDiscard = vi.fn();
    render(<AttemptHistory records={[finished]} scenarios={{ [meta.id]: meta }} locale="en" onOpen={() => {}} onDiscard={onDiscard} />);
    fireEvent.click(screen.getByRole('button', { name: `Discard the attempt at “${meta.title.en}”` }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard this attempt?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(onDiscard).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: `Discard the attempt at “${meta.title.en}”` }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard it' }));
    expect(onDiscard).toHaveBeenCalledWith('won-1');
  });

  it('formats dates in Chinese for a Chinese trainee', async () => {
    await initTestI18n().changeLanguage('zh-CN');
    render(<AttemptHistory records={[finished]} scenarios={{ [meta.id]: meta }} locale="zh-CN" onOpen={() => {}} onDiscard={() => {}} />);
    expect(screen.getByRole('listitem').querySelector('time')?.textContent).toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(at));
    expect(screen.getByRole('listitem').textContent).toContain('赢单');
    await initTestI18n().changeLanguage('en');
  });

  it('says so when there are no attempts yet', () => {
    render(<AttemptHistory records={[]} scenarios={{}} locale="en" onOpen={() => {}} onDiscard={() => {}} />);
    expect(screen.getByText('No attempts yet. Start a scenario and it will appear here.')).toBeTruthy();
  });
});

describe('damaged saved attempts', () => {
  it('are each reported with what is wrong and where, and can be discarded', () => {
    const onDiscard = vi.fn();
    render(
      <CorruptAttempts
        corrupt={[{ id: 'bad-1', error: { key: 'attempts.record.invalid', path: 'moves.3.type', args: { path: 'moves.3.type', issue: 'invalid_union' } } }]}
        onDiscard={onDiscard}
      />,
    );
    const region = screen.getByRole('region', { name: '1 saved attempt cannot be read' });
    expect(region.textContent).toContain('This saved attempt is damaged at moves.3.type.');
    expect(region.textContent).toContain('Saved as bad-1');
    fireEvent.click(within(region).getByRole('button', { name: 'Discard' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard it' }));
    expect(onDiscard).toHaveBeenCalledWith('bad-1');
  });
});
