import { useTranslation } from 'react-i18next';
import { betterMove, type DebriefData } from './debrief-data';
import type { TranscriptEntry } from '../../domain/runtime/context';
import { DebriefText } from './DebriefText';
import { Why } from './Why';

/** "A better move": what the expert path does at the step where the pitfall was committed. */
export function BetterMove({ entry, data }: { entry: TranscriptEntry | undefined; data: DebriefData }) {
  const { t } = useTranslation();
  const better = betterMove(data.model, data.exemplar, entry);
  const { model, locale } = data;
  return (
    <div className="better-move">
      <strong>
        {t('debrief.better.heading')}
        {t('debrief.colon')}
      </strong>
      {better.kind === 'option' ? (
        <>
          <q className="rep-words">
            <DebriefText value={better.option.rep} locale={locale} />
          </q>
          {better.option.shows.length > 0 && (
            <span className="better-shows">
              {' '}
              {t('debrief.better.shows')}
              {t('debrief.colon')}
              {better.option.shows.map((id, i) => (
                <span key={id}>
                  {i > 0 && t('debrief.listSeparator')}
                  <DebriefText value={model.checklist.find((c) => c.id === id)?.label} locale={locale} />
                </span>
              ))}
            </span>
          )}
          <Why value={better.option.why} locale={locale} label="debrief.why.better" />
        </>
      ) : better.kind === 'lead-plan' ? (
        <>
          {t('debrief.better.leadPlan')}{' '}
          {better.pursue.map((id, i) => (
            <span key={id}>
              {i > 0 && t('debrief.listSeparator')}
              <DebriefText value={model.leads.pool.find((l) => l.id === id)?.company} locale={locale} />
            </span>
          ))}
        </>
      ) : (
        t(better.kind === 'no-exemplar' ? 'debrief.better.noExemplar' : 'debrief.better.notOnPath')
      )}
    </div>
  );
}
