// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../../test/support/i18n';
import type { LibraryEntry } from '../../state/scenario-library';
import { LearningPathSummary } from './LearningPathSummary';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const next: LibraryEntry = {
  file: 'scenarios/b.yaml',
  meta: { id: 'b', version: '1', hash: 'h', title: { en: 'Second deal' }, summary: {}, industry: {}, difficulty: 'intermediate', minutes: 10, languages: ['en'] },
  diagnostics: [],
};

describe('the learning path summary', () => {
  it('shows each level with how many are passed, and starts the one to take next', () => {
    const started: string[] = [];
    render(
      <LearningPathSummary
        levels={[
          { level: 'intro', total: 1, passed: 1 },
          { level: 'intermediate', total: 2, passed: 0 },
        ]}
        next={next}
        locale="en"
        onStart={(e) => started.push(e.file)}
      />,
    );
    const path = screen.getByRole('navigation', { name: 'Your path through the levels' });
    expect([...path.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Intro: 1 of 1 passed', 'Intermediate: 0 of 2 passed']);
    expect(path.textContent).toContain('Take next: Second deal.');
    fireEvent.click(screen.getByRole('button', { name: 'Start it: “Second deal”' }));
    expect(started).toEqual(['scenarios/b.yaml']);
  });

  it('says when every scenario is passed', () => {
    render(<LearningPathSummary levels={[{ level: 'intro', total: 1, passed: 1 }]} next={null} locale="en" />);
    expect(screen.getByText('You have passed every scenario on the path.')).toBeTruthy();
  });
});
