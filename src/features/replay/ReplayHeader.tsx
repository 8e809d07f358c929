import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptRecord, Coaching } from '../../domain/attempts/attempt-record';
import type { ScoreCheck } from '../../domain/replay/determinism';
import type { AttemptScore } from '../../domain/scoring/score';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { ReplayText } from './ReplayText';

interface Props {
  model: ScenarioModel;
  record: AttemptRecord;
  /** The re-run's score: what is shown (labelled as the re-run when it differs from the recorded one). */
  score: AttemptScore;
  check: ScoreCheck;
  coaching: Coaching | null;
  locale: Locale;
  /** The heading, focused when the viewer opens. */
  ref?: Ref<HTMLHeadingElement>;
}

/**
 * Whose attempt, at what, when, how it ended and its score; the move of another attempt it retries
 * from; the trainee's words written and not yet submitted; who coached it and when.
 */
export function ReplayHeader({ model, record, score, check, coaching, locale, ref }: Props) {
  const { t } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const outcome = score.outcome;
  const rerun = check.status === 'differs';
  return (
    <header className="replay-header">
      <p className="replay-kicker">{t('replay.heading')}</p>
      <h2 id="replay-heading" tabIndex={-1} ref={ref}>
        <ReplayText value={model.title} locale={locale} />
      </h2>
      <dl className="replay-facts">
        <div>
          <dt>{t('replay.header.trainee')}</dt>
          <dd data-testid="replay-trainee">{record.trainee.trim() ? record.trainee : <span className="meta">{t('replay.header.unnamed')}</span>}</dd>
        </div>
        <div>
          <dt>{t('replay.header.played')}</dt>
          <dd>
            <time dateTime={new Date(record.createdAt).toISOString()}>{date.format(record.createdAt)}</time>
            {t('replay.separator')}
            {t('replay.header.version', { version: record.scenario.version })}
          </dd>
        </div>
        <div>
          <dt>{t('replay.header.outcome')}</dt>
          <dd data-testid="replay-outcome">{t(`debrief.outcome.${outcome?.outcome ?? 'unfinished'}`, { stage: outcome ? t(`stages.${outcome.stage}`) : '' })}</dd>
        </div>
        <div>
          <dt>{t(rerun ? 'replay.header.scoreRerun' : check.status === 'not-recorded' ? 'replay.header.scoreSoFar' : 'replay.header.score')}</dt>
          <dd data-testid="replay-score" className={`band-text band-${score.overall.band}`}>
            {t('debrief.score', { score: score.overall.score })}
            {t('replay.separator')}
            {t(`debrief.band.${score.overall.band}`)}
          </dd>
        </div>
        {record.retryOf && (
          <div>
            <dt>{t('replay.header.retry')}</dt>
            <dd data-testid="replay-retry">{t('replay.header.retryOf', { turn: record.retryOf.turn })}</dd>
          </div>
        )}
        {record.draft && (
          <div className="replay-fact-wide">
            <dt>{t('replay.header.draft')}</dt>
            <dd data-testid="replay-draft">
              {record.draft.kind === 'say-first'
                ? t('replay.header.draftSayFirst', { turn: record.draft.turn })
                : t('replay.header.draftExplainBack', { stage: t(`stages.${record.draft.stage}`) })}
              {t('replay.colon')}
              <q className="replay-draft-text">{record.draft.text}</q>
            </dd>
          </div>
        )}
        {coaching && (
          <div>
            <dt>{t('replay.header.coach')}</dt>
            <dd data-testid="replay-coach">
              {coaching.coach.trim() ? coaching.coach : t('replay.header.unnamedCoach')}
              {t('replay.separator')}
              {t('replay.header.updated')} <time dateTime={new Date(coaching.updatedAt).toISOString()}>{date.format(coaching.updatedAt)}</time>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
