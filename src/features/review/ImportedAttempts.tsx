import { useTranslation } from 'react-i18next';
import type { AttemptRecord } from '../../domain/attempts/attempt-record';
import type { ScenarioMeta } from '../../domain/scenario/model';
import { pickText, type Locale } from '../../domain/text/localized-text';
import { SpacerRow } from '../../components/SpacerRow';
import { useVirtualRows } from '../../components/use-virtual-rows';

interface Props {
  records: AttemptRecord[];
  /** Library metadata by scenario id, for titles (else the id is shown). */
  scenarios: Record<string, ScenarioMeta>;
  locale: Locale;
  selected: ReadonlySet<string>;
  onSelect(ids: string[], on: boolean): void;
  onReplay(id: string): void;
  onExport(id: string): void;
}

/** Beyond this many rows only the rows in view are in the page (a cohort can hold thousands). */
const VIRTUAL_FROM = 60;
const ROW_HEIGHT = 44;

/** The imported attempts as a table: who, which scenario, when, outcome, score, coaching; select rows for bulk actions. */
export function ImportedAttempts({ records, scenarios, locale, selected, onSelect, onReplay, onExport }: Props) {
  const { t } = useTranslation();
  const { scrollRef, virtual, indexes, before, after } = useVirtualRows(records.length, ROW_HEIGHT, VIRTUAL_FROM);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const all = records.length > 0 && records.every((r) => selected.has(r.id));
  if (records.length === 0) return <p>{t('review.attempts.empty')}</p>;


  return (
    <div className={virtual ? 'table-scroll virtual' : 'table-scroll'} ref={scrollRef} tabIndex={virtual ? 0 : undefined} aria-label={virtual ? t('review.attempts.scrollLabel') : undefined}>
      <table className="attempts-table" aria-rowcount={records.length + 1}>
        <caption className="visually-hidden">{t('review.attempts.caption', { count: records.length })}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <input type="checkbox" checked={all} aria-label={t('review.attempts.selectAll')} onChange={(e) => onSelect(records.map((r) => r.id), e.target.checked)} />
            </th>
            <th scope="col">{t('review.attempts.trainee')}</th>
            <th scope="col">{t('review.attempts.scenario')}</th>
            <th scope="col">{t('review.attempts.started')}</th>
            <th scope="col">{t('review.attempts.outcome')}</th>
            <th scope="col">{t('review.attempts.score')}</th>
            <th scope="col">{t('review.attempts.coaching')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('review.attempts.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={before} columns={8} />
          {indexes.map((index) => {
            const r = records[index]!;
            const meta = scenarios[r.scenario.id];
            const trainee = r.trainee || t('review.unnamed');
            const outcome = r.status === 'in-progress' ? 'in-progress' : (r.score?.outcome ?? r.status);
            return (
              <tr key={r.id} aria-rowindex={index + 2} data-attempt={r.id} style={virtual ? { height: ROW_HEIGHT } : undefined}>
                <td>
                  <input type="checkbox" checked={selected.has(r.id)} aria-label={t('review.attempts.select', { trainee })} onChange={(e) => onSelect([r.id], e.target.checked)} />
                </td>
                <td>{trainee}</td>
                <td>{meta ? pickText(meta.title, locale).text : r.scenario.id}</td>
                <td>
                  <time dateTime={new Date(r.createdAt).toISOString()}>{date.format(r.createdAt)}</time>
                </td>
                <td>
                  {t(`attempts.history.status.${outcome}`)}
                  {r.retryOf && (
                    <span className="meta" data-testid="imported-retry">
                      {t('attempts.history.separator')}
                      {t('attempts.history.retryOf', { turn: r.retryOf.turn })}
                    </span>
                  )}
                </td>
                <td className="num">{r.score ? r.score.overall.score : '—'}</td>
                <td>{r.coaching ? t('review.attempts.coached', { count: r.coaching.comments.length }) : '—'}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => onReplay(r.id)} aria-label={t('review.attempts.replayNamed', { trainee })}>
                    {t('review.attempts.replay')}
                  </button>
                  <button type="button" onClick={() => onExport(r.id)} aria-label={t('review.attempts.exportNamed', { trainee })}>
                    {t('review.attempts.export')}
                  </button>
                </td>
              </tr>
            );
          })}
          <SpacerRow height={after} columns={8} />
        </tbody>
      </table>
    </div>
  );
}
