import { useTranslation } from 'react-i18next';
import type { Coaching } from '../../domain/attempts/attempt-record';
import type { Locale } from '../../domain/text/localized-text';
import { commentsInOrder } from './coaching-edits';

/** Every comment in move order, each a link to its move. */
export function CommentSummary({ coaching, turn, locale, onJump }: { coaching: Coaching | null; turn: number; locale: Locale; onJump(turn: number): void }) {
  const { t } = useTranslation();
  const all = commentsInOrder(coaching);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="replay-panel replay-comment-summary" aria-labelledby="replay-all-comments-heading">
      <h3 id="replay-all-comments-heading">{t('replay.comments.all', { count: all.length })}</h3>
      {all.length === 0 ? (
        <p className="meta">{t('replay.comments.none')}</p>
      ) : (
        <ul className="replay-jump-list">
          {all.map((c) => (
            <li key={`${c.index}-${c.at}`}>
              <button type="button" className="link-button" aria-current={c.turn === turn ? 'step' : undefined} onClick={() => onJump(c.turn)}>
                {t('replay.strip.move', { turn: c.turn })}
              </button>{' '}
              <span className="meta">
                <time dateTime={new Date(c.at).toISOString()}>{date.format(c.at)}</time>
              </span>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
