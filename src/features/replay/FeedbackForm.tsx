import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coaching } from '../../domain/attempts/attempt-record';
import { MAX_COACH_NAME, MAX_COMMENT } from './coaching-edits';

/** The coach's overall feedback and the name it is signed with; saved together when the coach says so. */
export function FeedbackForm({ coaching, coachName, onSave }: { coaching: Coaching | null; coachName: string; onSave(coach: string, feedback: string): void }) {
  const { t } = useTranslation();
  const saved = { coach: coaching?.coach || coachName, feedback: coaching?.feedback ?? '' };
  const [draft, setDraft] = useState(saved);
  const [justSaved, setSaved] = useState(false);
  const name = useId();
  const text = useId();
  const changed = draft.coach.trim() !== saved.coach.trim() || draft.feedback !== saved.feedback;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!changed) return;
    onSave(draft.coach, draft.feedback);
    setSaved(true);
  };
  return (
    <section className="replay-panel replay-feedback-form" aria-labelledby="replay-feedback-heading">
      <h3 id="replay-feedback-heading">{t('replay.feedback.heading')}</h3>
      <form onSubmit={submit} className="replay-form">
        <div className="field">
          <label htmlFor={name}>{t('replay.feedback.coach')}</label>
          <input id={name} type="text" maxLength={MAX_COACH_NAME} autoComplete="name" value={draft.coach} onChange={(e) => setDraft({ ...draft, coach: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={text}>{t('replay.feedback.label')}</label>
          <textarea id={text} rows={5} maxLength={MAX_COMMENT} value={draft.feedback} onChange={(e) => setDraft({ ...draft, feedback: e.target.value })} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!changed}>
            {t('replay.feedback.save')}
          </button>
          <p className="meta" role="status">
            {justSaved && !changed ? t('replay.feedback.saved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}

/** The coach's feedback as the trainee reads it, signed. */
export function FeedbackShown({ coaching }: { coaching: Coaching }) {
  const { t } = useTranslation();
  const coach = coaching.coach.trim();
  return (
    <section className="replay-panel replay-feedback" aria-labelledby="replay-feedback-heading">
      <h3 id="replay-feedback-heading">{coach ? t('replay.feedback.from', { coach }) : t('replay.feedback.fromUnnamed')}</h3>
      {coaching.feedback.trim() ? <p className="feedback-text">{coaching.feedback}</p> : <p className="meta">{t('replay.feedback.noFeedback')}</p>}
    </section>
  );
}
