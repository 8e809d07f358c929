import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { ScoreSummary } from '../../domain/scoring/score-summary';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { rescore, type Rescore } from './replay-data';

interface Props {
  record: Pick<AttemptRecord, 'seed' | 'moves' | 'scenario'>;
  /** The score of this attempt against the version it ran (the re-run's). */
  current: ScoreSummary;
  newer: ScenarioModel;
  locale: Locale;
}

/** Offers to re-score the attempt against the library's newer version of its scenario: old vs new, stage by stage. Nothing is stored. */
export function RescorePanel({ record, current, newer, locale }: Props) {
  const { t } = useTranslation();
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  const [result, setResult] = useState<{ model: ScenarioModel; rescore: Rescore } | null>(null);
  // A result belongs to the model it was computed against.
  const shown = result && result.model === newer ? result.rescore : null;
  // The same version number with other content (an edited file): tell the two apart by their content hash.
  const edited = record.scenario.version === newer.version;
  const versions = edited
    ? { old: `${record.scenario.version} · ${record.scenario.hash.slice(0, 8)}`, new: `${newer.version} · ${newer.hash.slice(0, 8)}` }
    : { old: record.scenario.version, new: newer.version };
  const outcome = (o: ScoreSummary['outcome']) => t(o ? `replay.determinism.outcome.${o}` : 'replay.rescore.unfinished');
  const row = (label: string, a: number, b: number, key: string) => (
    <tr key={key} data-row={key}>
      <th scope="row">{label}</th>
      <td className="num">{a}</td>
      <td className="num">{b}</td>
      <td className="num">{signed.format(b - a)}</td>
    </tr>
  );
  return (
    <section className="replay-panel replay-rescore" aria-labelledby="replay-rescore-heading">
      <h3 id="replay-rescore-heading">{t(edited ? 'replay.rescore.headingEdited' : 'replay.rescore.heading')}</h3>
      <p>{t(edited ? 'replay.rescore.introEdited' : 'replay.rescore.intro', versions)}</p>
      <button type="button" onClick={() => setResult({ model: newer, rescore: rescore(newer, record) })}>
        {t('replay.rescore.button', versions)}
      </button>
      <div aria-live="polite">
        {shown?.status === 'rejected' && <p className="replay-warning">{t('replay.rescore.rejected', { ...versions, move: shown.move })}</p>}
        {shown?.status === 'scored' && (
          <>
            <table className="replay-table" data-testid="rescore-table">
              <caption>{t('replay.rescore.caption', versions)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('replay.score.stage')}</th>
                  <th scope="col">{t('replay.rescore.old', versions)}</th>
                  <th scope="col">{t('replay.rescore.new', versions)}</th>
                  <th scope="col">{t('replay.rescore.change')}</th>
                </tr>
              </thead>
              <tbody>
                {current.stages.map((s) => row(t(`stages.${s.stage}`), s.score, shown.summary.stages.find((n) => n.stage === s.stage)?.score ?? 0, s.stage))}
                {row(t('debrief.overall.score'), current.overall.score, shown.summary.overall.score, 'overall')}
              </tbody>
            </table>
            {shown.summary.outcome !== current.outcome && (
              <p data-testid="rescore-outcome">
                {t('replay.rescore.outcome', { ...versions, before: outcome(current.outcome), after: outcome(shown.summary.outcome) })}
              </p>
            )}
            <p className="meta">{t('replay.rescore.notStored')}</p>
          </>
        )}
      </div>
    </section>
  );
}
