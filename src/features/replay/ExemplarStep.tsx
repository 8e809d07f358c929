import { useTranslation } from 'react-i18next';
import type { MoveComparison } from '../../domain/replay/exemplar';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { EarnedList } from './EarnedList';
import { ReplayText } from './ReplayText';

/** A list of checklist labels (what an option shows or commits), separated as the language separates lists. */
function Labels({ ids, model, locale }: { ids: readonly string[]; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && t('replay.listSeparator')}
          <ReplayText value={model.checklist.find((c) => c.id === id)?.label} locale={locale} />
        </span>
      ))}
    </>
  );
}

/** What the expert would have done at this move, when the trainee did something else, and what it would have earned. */
function LeftPath({ c, model, locale }: { c: MoveComparison; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  const ex = c.exemplar!;
  const alt = c.alternative;
  return (
    <div className="replay-left" data-testid="exemplar-left">
      <p className="verdict-no">
        <span aria-hidden="true">✗ </span>
        {t('replay.exemplar.left')}
      </p>
      {ex.kind === 'option' ? (
        <>
          <p>
            <strong>{t('replay.exemplar.wouldSay')}</strong>
            {t('drill.colon')}
            <q className="rep-words" data-testid="exemplar-words">
              <ReplayText value={ex.option.rep} locale={locale} />
            </q>
          </p>
          {ex.option.shows.length > 0 && (
            <p>
              {t('debrief.better.shows')}
              {t('drill.colon')}
              <Labels ids={ex.option.shows} model={model} locale={locale} />
            </p>
          )}
          {ex.option.commits.length > 0 && (
            <p>
              {t('replay.exemplar.commits')}
              {t('drill.colon')}
              <Labels ids={ex.option.commits} model={model} locale={locale} />
            </p>
          )}
        </>
      ) : (
        <p>
          {t('debrief.better.leadPlan')}{' '}
          {ex.plan.pursue.map((id, i) => (
            <span key={id}>
              {i > 0 && t('replay.listSeparator')}
              <ReplayText value={model.leads.pool.find((l) => l.id === id)?.company} locale={locale} />
            </span>
          ))}
        </p>
      )}
      {alt && !alt.offered && <p className="meta">{t('replay.exemplar.notOffered')}</p>}
      {alt?.offered && alt.score && (
        <>
          <h4>{t('replay.exemplar.wouldEarn')}</h4>
          <EarnedList earned={alt.earned} model={model} locale={locale} empty={t('replay.earned.nothing')} />
          <table className="replay-table" data-testid="exemplar-scores">
            <caption>{t('replay.exemplar.scoresCaption')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('replay.exemplar.expert')}</th>
                <th scope="col">{t('replay.exemplar.yours')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('replay.exemplar.stageScore', { stage: t(`stages.${alt.stage}`) })}</th>
                <td className="num">{alt.score.stage}</td>
                <td className="num">{alt.trainee.stage}</td>
              </tr>
              <tr>
                <th scope="row">{t('debrief.overall.score')}</th>
                <td className="num">{alt.score.overall}</td>
                <td className="num">{alt.trainee.overall}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** The current move beside the exemplar's choice at the same decision point. */
export function ExemplarStep({ comparison, hasExemplar, model, locale }: { comparison: MoveComparison | null; hasExemplar: boolean; model: ScenarioModel; locale: Locale }) {
  const { t } = useTranslation();
  let body;
  if (!hasExemplar) body = <p className="meta">{t('replay.exemplar.none')}</p>;
  else if (!comparison) body = <p className="meta">{t('replay.exemplar.atStart')}</p>;
  else if (comparison.status === 'left') body = <LeftPath c={comparison} model={model} locale={locale} />;
  else if (comparison.status === 'same')
    body = (
      <p className="verdict-yes">
        <span aria-hidden="true">✓ </span>
        {t('replay.exemplar.same')}
      </p>
    );
  else body = <p className="meta">{t(comparison.status === 'not-on-path' ? 'debrief.better.notOnPath' : 'replay.exemplar.notAChoice')}</p>;
  return (
    <section className="replay-panel replay-exemplar" aria-labelledby="replay-exemplar-heading">
      <h3 id="replay-exemplar-heading">{t('replay.exemplar.heading')}</h3>
      {body}
    </section>
  );
}
