import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type Stars = 1 | 2 | 3 | 4 | 5;
const STARS: readonly Stars[] = [1, 2, 3, 4, 5];

/** A 1–5 star rating as a group of native radio buttons ("1 star" … "5 stars"), with a way to clear it. */
export function RatingGroup({ legend, rating, onRate }: { legend: string; rating: number | null; onRate(rating: Stars | null): void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="replay-rating">
      <legend>{legend}</legend>
      <div className="stars">
        {STARS.map((n) => (
          <label key={n} className={rating !== null && n <= rating ? 'star star-on' : 'star'}>
            <input type="radio" name={name} value={n} checked={rating === n} onChange={() => onRate(n)} />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">{t('replay.rating.stars', { count: n })}</span>
          </label>
        ))}
        {rating !== null && (
          <button type="button" className="link-button" onClick={() => onRate(null)}>
            {t('replay.rating.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** A rating shown, not edited: the stars for the eye, the words for everyone. */
export function RatingText({ rating }: { rating: number | null }) {
  const { t } = useTranslation();
  if (rating === null) return <span className="meta">{t('replay.rating.none')}</span>;
  return (
    <span className="rating-text" data-rating={rating}>
      <span className="stars-shown" aria-hidden="true">
        {'★'.repeat(rating)}
        <span className="stars-off">{'★'.repeat(5 - rating)}</span>{' '}
      </span>
      {t('replay.rating.value', { rating })}
    </span>
  );
}
