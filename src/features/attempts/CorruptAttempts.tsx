import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { CorruptAttempt } from '../../state/attempts/attempts-repository';

/** Saved attempts that could not be read: what is wrong with each, and a way to discard it. The others are unaffected. */
export function CorruptAttempts({ corrupt, onDiscard }: { corrupt: CorruptAttempt[]; onDiscard(id: string): void }) {
  const { t } = useTranslation();
  if (corrupt.length === 0) return null;
  return (
    <section className="corrupt" aria-labelledby="corrupt-heading">
      <h3 id="corrupt-heading">{t('attempts.corrupt.heading', { count: corrupt.length })}</h3>
      <p>{t('attempts.corrupt.explain')}</p>
      <ul>
        {corrupt.map((c) => (
          <li key={c.id} data-corrupt={c.id}>
            <p>
              <strong>{t(c.error.key, c.error.args)}</strong>
              {c.error.path && (
                <>
                  {' '}
                  <span className="meta">{t('attempts.corrupt.where', { path: c.error.path })}</span>
                </>
              )}
            </p>
            <p className="meta">{t('attempts.corrupt.id', { id: c.id })}</p>
            <ConfirmDialog
              trigger={<button type="button">{t('attempts.corrupt.discard')}</button>}
              title={t('attempts.corrupt.discardTitle')}
              description={t('attempts.corrupt.discardText')}
              confirm={t('attempts.corrupt.discardYes')}
              cancel={t('attempts.history.discardNo')}
              danger
              onConfirm={() => onDiscard(c.id)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
