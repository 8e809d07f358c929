import { useId, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coaching } from '../../domain/attempts/attempt-record';
import type { Locale } from '../../domain/text/localized-text';
import { commentsInOrder, MAX_COMMENT } from './coaching-edits';
import { CommentItem } from './CommentItem';

interface Props {
  turn: number;
  coaching: Coaching | null;
  mode: 'coach' | 'trainee';
  locale: Locale;
  onAdd(turn: number, text: string): void;
  onEdit(index: number, text: string): void;
  onDelete(index: number): void;
  /** The "add a comment" box, where focus goes after a comment is deleted. */
  boxRef?: Ref<HTMLTextAreaElement>;
}

/** The comments on the current move; in coach mode, a box to add one, and each can be edited or deleted. */
export function StepComments({ turn, coaching, mode, locale, onAdd, onEdit, onDelete, boxRef }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ turn, text: '' });
  const field = useId();
  // A draft belongs to the move it was written on: stepping away starts a fresh one.
  const text = draft.turn === turn ? draft.text : '';
  const here = commentsInOrder(coaching).filter((c) => c.turn === turn);
  const coach = mode === 'coach';
  if (!coach && here.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onAdd(turn, text.trim());
    setDraft({ turn, text: '' });
  };
  return (
    <section className="replay-panel replay-comments" aria-labelledby="replay-comments-heading">
      <h3 id="replay-comments-heading">{turn === 0 ? t('replay.comments.headingStart') : t(coach ? 'replay.comments.heading' : 'replay.comments.fromCoach', { turn })}</h3>
      {here.length > 0 && (
        <ul className="replay-comment-list">
          {here.map((c) => (
            <CommentItem key={c.index} comment={c} locale={locale} onEdit={coach ? onEdit : undefined} onDelete={coach ? onDelete : undefined} />
          ))}
        </ul>
      )}
      {coach &&
        (turn === 0 ? (
          <p className="meta">{t('replay.comments.atStart')}</p>
        ) : (
          <form className="field" onSubmit={submit}>
            <label htmlFor={field}>{t('replay.comments.addLabel', { turn })}</label>
            <textarea id={field} ref={boxRef} rows={3} maxLength={MAX_COMMENT} value={text} onChange={(e) => setDraft({ turn, text: e.target.value })} />
            <div className="form-actions">
              <button type="submit" className="primary" disabled={!text.trim()}>
                {t('replay.comments.add')}
              </button>
            </div>
          </form>
        ))}
    </section>
  );
}
