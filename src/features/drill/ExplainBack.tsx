import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageId } from '../../domain/ltc/stages';

const MAX = 4_000;

/** The Feynman step at the end of a stage: what mattered in it, and why, in the trainee's own words. */
export function ExplainBack({ stage, onAnswer, initial = '', onDraft }: { stage: StageId; onAnswer(text: string, skipped: boolean): void; initial?: string; onDraft?(text: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const heading = useRef<HTMLHeadingElement>(null);
  const hint = useId();
  useEffect(() => heading.current?.focus(), [stage]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onAnswer(text.trim(), false);
  };
  return (
    <form className="explain-back" onSubmit={submit} aria-labelledby="explain-back-heading">
      <h3 id="explain-back-heading" tabIndex={-1} ref={heading}>
        {t('drill.explainBack.heading', { stage: t(`stages.${stage}`) })}
      </h3>
      <label htmlFor="explain-back-text">{t('drill.explainBack.prompt')}</label>
      <p className="meta" id={hint}>
        {t('drill.explainBack.hint')}
      </p>
      <textarea id="explain-back-text" rows={4} maxLength={MAX} value={text} aria-describedby={hint} onChange={(e) => {
          setText(e.target.value);
          onDraft?.(e.target.value);
        }} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!text.trim()}>
          {t('drill.explainBack.save')}
        </button>
        <button type="button" onClick={() => onAnswer('', true)}>
          {t('drill.explainBack.skip')}
        </button>
      </div>
    </form>
  );
}
