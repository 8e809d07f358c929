// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AttemptRecord } from '../../domain/attempts/attempt-record';
import { newAttemptRecord } from '../../domain/attempts/new-attempt';
import { scenarioMeta } from '../../domain/scenario/model';
import { initTestI18n } from '../../../test/support/i18n';
import { tour } from '../../../test/support/load';
import { newCohort } from '../../domain/cohort/cohort-record';
import { CohortBar } from './CohortBar';
import { ImportedAttempts } from './ImportedAttempts';
import { ImportReport } from './ImportReport';
import { ImportZone } from './ImportZone';

const model = tour();
const meta = scenarioMeta(model);
beforeAll(() => initTestI18n('en'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const imported = (i: number, trainee: string): AttemptRecord => ({
  ...newAttemptRecord({ id: `a-${i}`, scenario: model, seed: i, now: Date.UTC(2026, 2, 1 + (i % 28)), trainee }),
  status: 'finished',
  score: { overall: { score: 40 + (i % 60), band: 'pass', passed: false }, stages: [], outcome: i % 2 ? 'won' : 'lost' },
  imported: { file: `f-${i}.json`, at: 1 },
});

describe('the import zone', () => {
  it('takes many files from the picker or a drop, and shows progress while checking', () => {
    const onFiles = vi.fn();
    const { rerender } = render(<ImportZone title="Import" hint="Pick files" importing={null} onFiles={onFiles} />);
    const files = [new File(['{}'], 'a.json'), new File(['{}'], 'b.json')];
    fireEvent.change(screen.getByTestId('import-input'), { target: { files } });
    fireEvent.drop(screen.getByTestId('import-zone'), { dataTransfer: { files } });
    expect(onFiles.mock.calls.map((c) => c[0].map((f: File) => f.name))).toEqual([['a.json', 'b.json'], ['a.json', 'b.json']]);
    expect(screen.getByRole('button', { name: 'Choose files…' })).toBeTruthy();
    rerender(<ImportZone title="Import" hint="Pick files" importing={{ done: 3, total: 10 }} onFiles={onFiles} />);
    expect(screen.getByRole('status').textContent).toBe('Checking files: 3 of 10…');
    expect(screen.getByRole('button', { name: 'Choose files…' })).toHaveProperty('disabled', true);
  });
});

describe('the import report', () => {
  it('names every file with what became of it, and markup in names stays text', () => {
    render(
      <ImportReport
        onDismiss={() => {}}
        outcomes={[
          { file: 'good.json', status: 'imported', attemptId: 'x', trainee: '<b>Wang</b>', flags: [{ key: 'attemptFile.verify.score-differs', args: { file: 'good.json', differences: 2 } }] },
          { file: 'bad.json', status: 'refused', error: { key: 'attemptFile.read.truncated', args: { file: 'bad.json' } } },
          { file: 'mine.json', status: 'feedback', attemptId: 'y', coach: 'Li Na' },
        ]}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('3 files: 1 imported, 1 with feedback, 1 refused.');
    const items = within(screen.getByRole('region', { name: 'Import result' })).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('good.json: imported (<b>Wang</b>).');
    expect(items[0]!.querySelector('b')).toBeNull();
    expect(items[0]!.textContent).toContain('does not give the scores it recorded (2 difference(s))');
    expect(items[1]!.textContent).toContain('bad.json: bad.json ends too early');
    expect(items[2]!.textContent).toBe('✓ mine.json: feedback from Li Na added to your attempt.');
  });
});

describe('the import report of a large import', () => {
  it('lists the refused files, and keeps the files that came in without remark behind a disclosure', () => {
    const ok = Array.from({ length: 3 }, (_, i) => ({ file: `ok-${i}.json`, status: 'imported' as const, attemptId: `a${i}`, trainee: 'Li', flags: [] }));
    render(<ImportReport onDismiss={() => {}} outcomes={[...ok, { file: 'bad.json', status: 'unreadable' }]} />);
    const region = screen.getByRole('region', { name: 'Import result' });
    expect(within(region).getAllByRole('listitem').map((li) => li.getAttribute('data-status'))).toEqual(['unreadable']);
    const details = region.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent).toBe('Show the 3 files that came in without remark');
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(within(region).getAllByRole('listitem').map((li) => li.getAttribute('data-status'))).toEqual(['unreadable', 'imported', 'imported', 'imported']);
  });
});

describe('the imported attempts', () => {
  it('lists each attempt and acts on it; selecting all selects every row', () => {
    const onReplay = vi.fn();
    const onSelect = vi.fn();
    const retry = { ...imported(2, ''), retryOf: { attempt: 'a-0', turn: 4 } };
    render(<ImportedAttempts records={[imported(1, 'Wang Fang'), retry]} scenarios={{ [meta.id]: meta }} locale="en" selected={new Set(['a-1'])} onSelect={onSelect} onReplay={onReplay} onExport={() => {}} />);
    const table = screen.getByRole('table', { name: '2 imported attempts' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('Wang Fang');
    expect(rows[1]!.textContent).toContain('Won');
    expect(within(rows[1]!).queryByTestId('imported-retry')).toBeNull();
    expect(rows[2]!.textContent).toContain('Unnamed trainee');
    expect(within(rows[2]!).getByTestId('imported-retry').textContent).toBe(' · a retry from turn 4');
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Replay the attempt of Wang Fang' }));
    expect(onReplay).toHaveBeenCalledWith('a-1');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all attempts' }));
    expect(onSelect).toHaveBeenCalledWith(['a-1', 'a-2'], true);
  });

  it('keeps only the rows in view in the page for a long list, with the row count for assistive technology', () => {
    const records = Array.from({ length: 1000 }, (_, i) => imported(i, `Trainee ${i % 60}`));
    // jsdom lays nothing out: give the scrolling box the height a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('table-scroll') ? 520 : 0;
    });
    render(<ImportedAttempts records={records} scenarios={{ [meta.id]: meta }} locale="en" selected={new Set()} onSelect={() => {}} onReplay={() => {}} onExport={() => {}} />);
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('1001');
    const rows = table.querySelectorAll('tbody tr[data-attempt]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('2');
  });
});

describe('the cohort bar', () => {
  it('chooses, creates, renames and deletes cohorts through dialogs', () => {
    const handlers = { onChoose: vi.fn(), onCreate: vi.fn(), onRename: vi.fn(), onDelete: vi.fn() };
    const c = { ...newCohort('c1', 'March', 1), attemptIds: ['x', 'y'] };
    render(<CohortBar cohorts={[c]} current="c1" {...handlers} />);
    const select = screen.getByRole('combobox', { name: 'Cohort' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All imported attempts', 'March (2 attempts)']);
    fireEvent.change(select, { target: { value: '' } });
    expect(handlers.onChoose).toHaveBeenCalledWith(null);

    fireEvent.click(screen.getByRole('button', { name: 'New cohort…' }));
    const dialog = screen.getByRole('dialog', { name: 'New cohort' });
    expect(within(dialog).getByRole('button', { name: 'Create' })).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: ' April ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(handlers.onCreate).toHaveBeenCalledWith('April');

    fireEvent.click(screen.getByRole('button', { name: 'Rename…' }));
    const rename = screen.getByRole('dialog', { name: 'Rename “March”' });
    expect((within(rename).getByRole('textbox') as HTMLInputElement).value).toBe('March');
    fireEvent.change(within(rename).getByRole('textbox'), { target: { value: 'March east' } });
    fireEvent.click(within(rename).getByRole('button', { name: 'Save' }));
    expect(handlers.onRename).toHaveBeenCalledWith('c1', 'March east');

    fireEvent.click(screen.getByRole('button', { name: 'Delete cohort…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete the cohort' }));
    expect(handlers.onDelete).toHaveBeenCalledWith('c1');
  });
});
