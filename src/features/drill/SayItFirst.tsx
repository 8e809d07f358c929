import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

const MAX = 2_000;

/**
 * "Say it your way first": before the options appear, the trainee writes what they would say.
 * Submitting (or Ctrl/⌘+Enter) reveals the options; skipping keeps an empty answer.
 */
export function SayItFirst({ customer, onSay, initial = '', onDraft }: { customer: string; onSay(text: string): void; initial?: string; onDraft?(text: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  const hint = useId();
  useEffect(() => field.current?.focus(), []);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (text.trim()) onSay(text.trim());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
  };
  return (
    <form className="say-first" onSubmit={submit}>
      <label htmlFor="say-first-text">
        <strong>{t('drill.sayFirst.prompt', { customer })}</strong>
      </label>
      <p className="meta" id={hint}>
        {t('drill.sayFirst.hint')}
      </p>
      <textarea
        id="say-first-text"
        ref={field}
        rows={3}
        maxLength={MAX}
        value={text}
        aria-describedby={hint}
        onChange={(e) => {
          setText(e.target.value);
          onDraft?.(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!text.trim()}>
          {t('drill.sayFirst.submit')}
        </button>
        <button type="button" onClick={() => onSay('')}>
          {t('drill.sayFirst.skip')}
        </button>
      </div>
    </form>
  );
}
