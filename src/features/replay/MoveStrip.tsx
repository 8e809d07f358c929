import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameMark, ReplayFrame } from '../../domain/replay/frames';

/** The marks the strip shows, with the symbol for each (the legend names them). */
export const STRIP_MARKS: readonly { mark: FrameMark; symbol: string }[] = [
  { mark: 'key-action', symbol: '✓' },
  { mark: 'pitfall', symbol: '✗' },
  { mark: 'objection', symbol: '!' },
  { mark: 'stage', symbol: '▸' },
];

/**
 * Every move as a small button with its marks; one tab stop (the current move), arrow keys, Home and
 * End move along it, and the replay follows.
 */
export function MoveStrip({ frames, turn, onTurn, commented }: { frames: readonly ReplayFrame[]; turn: number; onTurn(turn: number): void; commented: ReadonlySet<number> }) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const hint = useId();
  const last = frames.length - 1;
  if (last < 1) return null;
  const active = Math.max(1, turn);
  const go = (target: number) => {
    onTurn(target);
    list.current?.querySelector<HTMLButtonElement>(`[data-turn="${target}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number> = { ArrowRight: active + 1, ArrowDown: active + 1, ArrowLeft: active - 1, ArrowUp: active - 1, Home: 1, End: last };
    const target = keys[e.key];
    if (target === undefined) return;
    e.preventDefault();
    go(Math.min(last, Math.max(1, target)));
  };
  const label = (f: ReplayFrame) => {
    const marks = STRIP_MARKS.filter((m) => f.marks.includes(m.mark)).map((m) => t(`replay.marks.${m.mark}`));
    if (commented.has(f.index)) marks.push(t('replay.marks.comment'));
    return [t('replay.strip.move', { turn: f.index }), ...marks].join(t('replay.listSeparator'));
  };
  return (
    <div className="replay-strip-box">
      <p id={hint} className="meta">
        {t('replay.strip.hint')}
      </p>
      <ol ref={list} className="replay-strip" aria-label={t('replay.strip.label')} aria-describedby={hint} onKeyDown={onKeyDown}>
        {frames.slice(1).map((f) => (
          <li key={f.index}>
            <button
              type="button"
              data-turn={f.index}
              tabIndex={f.index === active ? 0 : -1}
              aria-current={f.index === turn ? 'step' : undefined}
              aria-label={label(f)}
              className={f.marks.includes('pitfall') ? 'strip-move has-pitfall' : 'strip-move'}
              onClick={() => go(f.index)}
            >
              <span className="strip-number">{f.index}</span>
              <span className="strip-marks" aria-hidden="true">
                {STRIP_MARKS.filter((m) => f.marks.includes(m.mark)).map((m) => (
                  <span key={m.mark} className={`mark mark-${m.mark}`}>
                    {m.symbol}
                  </span>
                ))}
                {commented.has(f.index) && <span className="mark mark-comment">✎</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <ul className="replay-legend" aria-hidden="true">
        {STRIP_MARKS.map((m) => (
          <li key={m.mark}>
            <span className={`mark mark-${m.mark}`}>{m.symbol}</span> {t(`replay.marks.${m.mark}`)}
          </li>
        ))}
        <li>
          <span className="mark mark-comment">✎</span> {t('replay.marks.comment')}
        </li>
      </ul>
    </div>
  );
}
