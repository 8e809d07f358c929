import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import { type AvailableMoves } from '../../domain/runtime/drill';
import { availableMoves, type DrillActor } from '../../domain/runtime/actor';
import { shownOptions } from '../../domain/runtime/option-order';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { DrillText } from './DrillText';

const sameMoves = (a: AvailableMoves, b: AvailableMoves) =>
  a.options.map((o) => o.id).join('|') === b.options.map((o) => o.id).join('|') && a.waits.join() === b.waits.join();

/** Typing in a form field must not choose an option. */
function isTyping(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The rep's options, numbered (keys 1–9 choose), and the wait moves. `words`: what the trainee wrote
 * for this step first ("say it your way first"), shown above the options to compare.
 */
export function MoveOptions({ model, actor, locale, words = null }: { model: ScenarioModel; actor: DrillActor; locale: Locale; words?: string | null }) {
  const { t } = useTranslation();
  // Shown in the attempt's own shuffled order (the same on every replay); keys 1–9 follow it.
  const moves = useSelector(actor, (s) => {
    const m = availableMoves(model, s);
    return { ...m, options: shownOptions(s.context.seed, m.position, m.options) };
  }, sameMoves);
  const group = useRef<HTMLDivElement>(null);
  const { options } = moves;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const n = Number(e.key);
      const option = Number.isInteger(n) && n >= 1 && n <= 9 ? options[n - 1] : undefined;
      if (!option) return;
      e.preventDefault();
      actor.send({ type: 'choose', option: option.id });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [actor, options]);

  // The chosen button disappears with its step: keep keyboard focus inside the options.
  useEffect(() => {
    const el = group.current;
    if (el && document.activeElement === document.body) el.querySelector('button')?.focus();
  }, [options]);

  if (options.length === 0 && moves.waits.length === 0) return null;
  return (
    <div className="moves">
      <div role="group" aria-labelledby="drill-options-label" ref={group} className="options">
        <h3 id="drill-options-label">{t('drill.conversation.options')}</h3>
        {words && (
          <p className="your-words">
            <strong>
              {t('drill.sayFirst.yourWords')}
              {t('drill.colon')}
            </strong>
            <q>{words}</q>
          </p>
        )}
        <p className="meta keys-hint">{t('drill.conversation.keysHint')}</p>
        <ol className="option-list">
          {options.map((o, i) => (
            <li key={o.id}>
              <button type="button" className="option" onClick={() => actor.send({ type: 'choose', option: o.id })}>
                <span className="option-number" aria-hidden={i >= 9}>
                  {i < 9 ? i + 1 : '·'}
                </span>{' '}
                <DrillText value={o.rep} locale={locale} />
              </button>
            </li>
          ))}
        </ol>
      </div>
      {moves.waits.length > 0 && (
        <div role="group" aria-label={t('drill.conversation.waits')} className="waits">
          <span className="meta">{t('drill.conversation.waits')}</span>
          {moves.waits.map((days) => (
            <button key={days} type="button" onClick={() => actor.send({ type: 'wait', days })}>
              {t('drill.conversation.wait', { count: days })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
