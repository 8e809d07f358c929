// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(cleanup);

let broken = true;
function Part() {
  if (broken) throw new Error('chunk failed to load');
  return <p>the part</p>;
}
const fallback = (retry: () => void) => (
  <button type="button" onClick={retry}>
    retry
  </button>
);

describe('the error boundary', () => {
  it('shows a way out instead of a failed part, and tries again on retry or when the page changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    const { rerender } = render(
      <ErrorBoundary fallback={fallback} resetKey="/a">
        <Part />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('button', { name: 'retry' })).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'retry' }));
    expect(screen.getByText('the part')).toBeTruthy();

    broken = true;
    rerender(
      <ErrorBoundary fallback={fallback} resetKey="/b">
        <Part />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('button', { name: 'retry' })).toBeTruthy();
    broken = false;
    rerender(
      <ErrorBoundary fallback={fallback} resetKey="/c">
        <Part />
      </ErrorBoundary>,
    );
    expect(screen.getByText('the part')).toBeTruthy();
    vi.restoreAllMocks();
  });
});
