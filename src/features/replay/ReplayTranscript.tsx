import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TranscriptLine } from '../../components/TranscriptLine';
import { useSimDay } from '../../components/use-sim-day';
import type { ReplayFrame } from '../../domain/replay/frames';
import type { TranscriptEntry } from '../../domain/runtime/context';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';

interface Props {
  model: ScenarioModel;
  /** The whole replayed transcript; the frame says how much of it is "so far". */
  transcript: readonly TranscriptEntry[];
  frame: ReplayFrame;
  /** The trainee's own words by the move of the option they led to. */
  words: ReadonlyMap<number, string>;
  locale: Locale;
}

/**
 * The transcript up to the current move, the lines this move added highlighted and scrolled into view
 * inside the box (never scrolling the page), with a day marker whenever the simulated day changes.
 */
export function ReplayTranscript({ model, transcript, frame, words, locale }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const { from, to } = frame.entries;
  const shown = transcript.slice(0, to);
  const dayText = useSimDay(model);
  const channelAt = new Map(frame.context.touches.map((x) => [x.turn, x.channel]));
  useEffect(() => {
    const box = list.current;
    if (!box) return;
    const first = box.querySelector<HTMLElement>('.line-current');
    // The box is positioned, so a line's offsetTop is measured from its top.
    box.scrollTop = first ? Math.max(0, first.offsetTop - 8) : box.scrollHeight;
  }, [from, to]);
  return (
    <section className="replay-panel replay-transcript-panel" aria-labelledby="replay-transcript-heading">
      <h3 id="replay-transcript-heading">{t('replay.transcript.heading')}</h3>
      <ol ref={list} className="transcript replay-transcript" tabIndex={0} aria-label={t('replay.transcript.label', { turn: frame.index })}>
        {shown.map((entry, i) => (
          <Fragment key={i}>
            {(i === 0 || shown[i - 1]!.day !== entry.day) && <li className="line line-day">{t('drill.conversation.day', { day: dayText(entry.day) })}</li>}
            <TranscriptLine entry={entry} model={model} locale={locale} said={entry.kind === 'rep' ? words.get(entry.turn) : undefined} channel={entry.kind === 'rep' ? channelAt.get(entry.turn) : undefined} current={i >= from} />
          </Fragment>
        ))}
      </ol>
    </section>
  );
}
