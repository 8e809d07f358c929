import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSummary } from '../../domain/cohort/cohort-measures';
import { STAGES } from '../../domain/ltc/stages';
import type { CohortFormat } from './cohort-format';
import { SpacerRow } from '../../components/SpacerRow';
import { useVirtualRows } from '../../components/use-virtual-rows';

const ROW_HEIGHT = 40;
const COLUMNS = 9 + STAGES.length;
const HEADER_ROWS = 2;

/** The process indicators of each trainee: a table whose rows are virtualised for a large cohort. */
export function TraineeIndicators({ rows, format }: { rows: (IndicatorSummary & { trainee: string })[]; format: CohortFormat }) {
  const { t } = useTranslation();
  const captionId = useId();
  const { scrollRef, virtual, indexes, before, after } = useVirtualRows(rows.length, ROW_HEIGHT);
  const m = (v: number | null) => format.maybe(v);
  return (
    <div className={`cohort-scroll${virtual ? ' virtual' : ''}`} ref={scrollRef} tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="cohort-table indicators-table" aria-rowcount={rows.length + HEADER_ROWS}>
        <caption id={captionId}>{t('cohort.indicators.caption', { count: rows.length })}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" rowSpan={2}>
              {t('cohort.heatMap.trainee')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.attempts')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.winRate')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.totalDays')}
            </th>
            <th scope="colgroup" colSpan={STAGES.length} className="group">
              {t('cohort.indicators.daysPerStage')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.touches')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.onRhythmShare')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.tooSoon')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.tooLong')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('cohort.indicators.signingToCash')}
            </th>
          </tr>
          <tr aria-rowindex={2}>
            {STAGES.map((s) => (
              <th scope="col" key={s}>
                {t(`stages.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={before} columns={COLUMNS} />
          {indexes.map((index) => {
            const r = rows[index]!;
            return (
              <tr key={r.trainee} aria-rowindex={index + HEADER_ROWS + 1} data-trainee={r.trainee}>
                <th scope="row">{r.trainee || t('cohort.unnamed')}</th>
                <td className="num">{format.number(r.attempts)}</td>
                <td className="num">{format.maybe(r.winRate, 'percent')}</td>
                <td className="num">{m(r.totalDays)}</td>
                {STAGES.map((s) => (
                  <td className="num" key={s}>
                    {m(r.daysPerStage[s])}
                  </td>
                ))}
                <td className="num">{m(r.touches.total)}</td>
                <td className="num">{format.maybe(r.onRhythmShare, 'percent')}</td>
                <td className="num">{m(r.touches.tooSoon)}</td>
                <td className="num">{m(r.touches.tooLong)}</td>
                <td className="num">{m(r.signingToCash)}</td>
              </tr>
            );
          })}
          <SpacerRow height={after} columns={COLUMNS} />
        </tbody>
      </table>
    </div>
  );
}
