import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Locale } from '../../domain/text/localized-text';
import { MAX_COMMENT } from './coaching-edits';

interface Props {
  comment: { index: number; turn: number; text: string; at: number };
  locale: Locale;
  /** Present in coach mode. */
  onEdit?: (index: number, text: string) => void;
  onDelete?: (index: number) => void;
}

/** One comment on a move: its move and time, its text; in coach mode, edit in place or delete (after confirming). */
export function CommentItem({ comment, locale, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const field = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const wasEditing = useRef(false);
  // Focus follows the edit: into the box when it opens, back to "Edit" when it closes.
  useEffect(() => {
    if (draft !== null && !wasEditing.current) box.current?.focus();
    if (draft === null && wasEditing.current) editButton.current?.focus();
    wasEditing.current = draft !== null;
  }, [draft]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const save = () => {
    if (draft === null || !draft.trim()) return;
    if (draft.trim() !== comment.text) onEdit?.(comment.index, draft.trim());
    setDraft(null);
  };
  return (
    <li className="replay-comment" data-turn={comment.turn}>
      <p className="meta">
        {t('replay.strip.move', { turn: comment.turn })}
        {t('replay.separator')}
        <time dateTime={new Date(comment.at).toISOString()}>{date.format(comment.at)}</time>
      </p>
      {draft === null ? (
        <p className="comment-text">{comment.text}</p>
      ) : (
        <div className="field">
          <label htmlFor={field}>{t('replay.comments.editLabel', { turn: comment.turn })}</label>
          <textarea id={field} ref={box} rows={3} maxLength={MAX_COMMENT} value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
      )}
      {onEdit && onDelete && (
        <div className="form-actions">
          {draft === null ? (
            <>
              <button type="button" ref={editButton} aria-label={t('replay.comments.editNamed', { turn: comment.turn })} onClick={() => setDraft(comment.text)}>
                {t('replay.comments.edit')}
              </button>
              <ConfirmDialog
                trigger={
                  <button type="button" aria-label={t('replay.comments.deleteNamed', { turn: comment.turn })}>
                    {t('replay.comments.delete')}
                  </button>
                }
                title={t('replay.comments.deleteTitle')}
                description={t('replay.comments.deleteText', { turn: comment.turn })}
                confirm={t('replay.comments.deleteYes')}
                cancel={t('replay.comments.deleteNo')}
                danger
                onConfirm={() => onDelete(comment.index)}
              />
            </>
          ) : (
            <>
              <button type="button" className="primary" disabled={!draft.trim()} onClick={save}>
                {t('replay.comments.save')}
              </button>
              <button type="button" onClick={() => setDraft(null)}>
                {t('replay.comments.cancel')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
