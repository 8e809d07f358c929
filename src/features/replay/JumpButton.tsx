import { useId, type ReactNode } from 'react';

/**
 * A button that moves the replay to `target`. With nowhere to go it stays focusable but inert
 * (`aria-disabled`), so focus is not lost when the last jump is used up, and says why in its
 * description.
 */
export function JumpButton({ target, onTurn, reason, children }: { target: number | null; onTurn(turn: number): void; reason: string; children: ReactNode }) {
  const reasonId = useId();
  const none = target === null;
  return (
    <>
      <button type="button" aria-disabled={none || undefined} aria-describedby={none ? reasonId : undefined} title={none ? reason : undefined} onClick={() => target !== null && onTurn(target)}>
        {children}
      </button>
      {none && (
        <span id={reasonId} hidden>
          {reason}
        </span>
      )}
    </>
  );
}
