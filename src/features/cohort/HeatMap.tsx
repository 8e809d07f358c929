import { useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import type { HeatMapRow } from '../../domain/cohort/cohort-report';
import { STAGES } from '../../domain/ltc/stages';
import type { CohortFormat } from './cohort-format';
import { momentClick, type OpenMoment } from './moment-click';
import { SpacerRow } from '../../components/SpacerRow';
import { useVirtualRows } from '../../components/use-virtual-rows';

interface Props {
  rows: HeatMapRow[];
  /** The analyses by attempt id: a cell opens the move that entered its stage. */
  byId: ReadonlyMap<string, AttemptAnalysis>;
  format: CohortFormat;
  onOpenMoment: OpenMoment;
}

const ROW_HEIGHT = 44;

/**
 * Trainees × the seven stages: each cell is the stage's score in the trainee's first or best attempt,
 * coloured by band and written out; a cell opens the replay where that attempt entered the stage.
 */
export function HeatMap({ rows, byId, format, onOpenMoment }: Props) {
  const { t } = useTranslation();
  const [which, setWhich] = useState<'first' | 'best'>('best');
  const { scrollRef, virtual, indexes, before, after } = useVirtualRows(rows.length, ROW_HEIGHT);
  const captionId = useId();
  const columns = STAGES.length + 3;
  const onClick = (e: MouseEvent) => momentClick(e, onOpenMoment);
  return (
    <>
      <fieldset className="cohort-switch">
        <legend>{t('cohort.heatMap.show')}</legend>
        {(['best', 'first'] as const).map((w) => (
          <label key={w} className="choice">
            <input type="radio" name={`${captionId}-which`} value={w} checked={which === w} onChange={() => setWhich(w)} />
            {t(`cohort.heatMap.${w}`)}
          </label>
        ))}
      </fieldset>
      <div className={`cohort-scroll${virtual ? ' virtual' : ''}`} ref={scrollRef} tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="cohort-table heat-map" aria-rowcount={rows.length + 1} onClick={onClick}>
          <caption id={captionId}>{t(`cohort.heatMap.caption.${which}`, { count: rows.length })}</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('cohort.heatMap.trainee')}</th>
              <th scope="col">{t('cohort.heatMap.started')}</th>
              <th scope="col">{t('cohort.heatMap.overall')}</th>
              {STAGES.map((s, i) => (
                <th scope="col" key={s} className="stage-col">
                  <span className="stage-number" aria-hidden="true">
                    {i + 1}
                  </span>{' '}
                  {t(`stages.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={before} columns={columns} />
            {indexes.map((index) => {
              const row = rows[index]!;
              const attempt = row[which];
              const analysis = byId.get(attempt.attemptId);
              const trainee = row.trainee || t('cohort.unnamed');
              return (
                <tr key={row.trainee} aria-rowindex={index + 2} data-trainee={row.trainee}>
                  <th scope="row">
                    {trainee}
                    <span className="cohort-sub">{t('cohort.heatMap.attempts', { count: row.attempts, n: format.number(row.attempts) })}</span>
                  </th>
                  <td>
                    <time dateTime={new Date(attempt.createdAt).toISOString()}>{format.date(attempt.createdAt)}</time>
                  </td>
                  <td className="num">{format.number(attempt.overall)}</td>
                  {attempt.stages.map((s) => {
                    const turn = analysis?.stages.find((x) => x.stage === s.stage)?.enteredAt ?? null;
                    const band = t(`cohort.band.${s.band}`);
                    if (!s.reached || turn === null)
                      return (
                        <td key={s.stage} className="heat-cell band-not-reached" data-stage={s.stage}>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{band}</span>
                        </td>
                      );
                    return (
                      <td key={s.stage} className={`heat-cell band-${s.band}`} data-stage={s.stage}>
                        <button
                          type="button"
                          data-attempt={attempt.attemptId}
                          data-turn={turn}
                          aria-label={t('cohort.heatMap.open', { trainee, stage: t(`stages.${s.stage}`), score: format.number(s.score), band })}
                        >
                          {format.number(s.score)}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            <SpacerRow height={after} columns={columns} />
          </tbody>
        </table>
      </div>
      <p className="cohort-legend" aria-hidden="true">
        {(['excellent', 'good', 'pass', 'fail', 'not-reached'] as const).map((b) => (
          <span key={b} className={`legend-item band-${b}`}>
            {t(`cohort.band.${b}`)}
          </span>
        ))}
      </p>
    </>
  );
}
