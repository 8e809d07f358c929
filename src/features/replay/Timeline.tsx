import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayFrame } from '../../domain/replay/frames';
import { JumpButton } from './JumpButton';
import { MoveStrip } from './MoveStrip';
import { JUMP_MARKS, jumpTargets } from './replay-data';

interface Props {
  frames: readonly ReplayFrame[];
  turn: number;
  onTurn(turn: number): void;
  /** Moves that carry a coach's comment (marked in the strip). */
  commented: ReadonlySet<number>;
}

/** The slider over moves 0…n, previous and next, the jumps to pitfalls, objections and stages, and the strip of moves. */
export function Timeline({ frames, turn, onTurn, commented }: Props) {
  const { t } = useTranslation();
  const slider = useId();
  const total = frames.length - 1;
  const targets = useMemo(() => jumpTargets(frames, turn), [frames, turn]);
  const position = turn === 0 ? t('replay.timeline.start', { total }) : t('replay.timeline.position', { turn, total });
  return (
    <section className="replay-panel replay-timeline" aria-labelledby="replay-timeline-heading">
      <h3 id="replay-timeline-heading">{t('replay.timeline.heading')}</h3>
      <div className="timeline-slider">
        <label htmlFor={slider}>{t('replay.timeline.slider')}</label>
        <input id={slider} type="range" min={0} max={total} step={1} value={turn} aria-valuetext={position} onChange={(e) => onTurn(Number(e.target.value))} />
        <p className="timeline-position" aria-live="polite" data-testid="timeline-position">
          {position}
        </p>
      </div>
      <div className="timeline-buttons">
        <JumpButton target={turn > 0 ? turn - 1 : null} onTurn={onTurn} reason={t('replay.timeline.atStart')}>
          <span aria-hidden="true">‹ </span>
          {t('replay.timeline.previous')}
        </JumpButton>
        <JumpButton target={turn < total ? turn + 1 : null} onTurn={onTurn} reason={t('replay.timeline.atEnd')}>
          {t('replay.timeline.next')}
          <span aria-hidden="true"> ›</span>
        </JumpButton>
      </div>
      <div className="timeline-jumps">
        {JUMP_MARKS.map((mark) => (
          <div key={mark} className="jump-pair" role="group" aria-label={t(`replay.jump.${mark}.group`)}>
            <JumpButton target={targets[mark].previous} onTurn={onTurn} reason={t(`replay.jump.${mark}.noneBefore`)}>
              <span aria-hidden="true">‹ </span>
              {t(`replay.jump.${mark}.previous`)}
            </JumpButton>
            <JumpButton target={targets[mark].next} onTurn={onTurn} reason={t(`replay.jump.${mark}.noneAfter`)}>
              {t(`replay.jump.${mark}.next`)}
              <span aria-hidden="true"> ›</span>
            </JumpButton>
          </div>
        ))}
      </div>
      <MoveStrip frames={frames} turn={turn} onTurn={onTurn} commented={commented} />
    </section>
  );
}
