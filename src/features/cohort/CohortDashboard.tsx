import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptAnalysis } from '../../domain/cohort/analyze-attempt';
import { cohortReport } from '../../domain/cohort/cohort-report';
import { cohortTables, type CohortTableName } from '../../domain/cohort/cohort-tables';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';
import { cohortFormat } from './cohort-format';
import { cohortLabels, tableLabels } from './cohort-labels';
import { filterChoices, NO_FILTERS, rangeReversed, reportFilters, type FilterState } from './cohort-filters';
import { CohortSection } from './CohortSection';
import { CohortSummary } from './CohortSummary';
import { downloadAll, downloadCsv } from './csv-download';
import { DecisionSplits } from './DecisionSplits';
import { FilterBar } from './FilterBar';
import { FrequentItems } from './FrequentItems';
import { FunnelPanel } from './FunnelPanel';
import { HeatMap } from './HeatMap';
import { IndicatorsPanel } from './IndicatorsPanel';
import { TrendsPanel, type TrendPeriod } from './TrendsPanel';
import './cohort.css';

export interface CohortDashboardProps {
  /** The analysed attempts of the cohort being reviewed (any scenarios, any trainees). */
  analyses: AttemptAnalysis[];
  /** Models by scenario content hash, for labels (an analysis names its scenario's hash). */
  models: Record<string, ScenarioModel>;
  locale: Locale;
  /** Opens an attempt's replay at a move (a pitfall's or missed action's moment, a heat-map cell…); turn 0 is before the first move. */
  onOpenMoment(attemptId: string, turn: number): void;
}

/** Each attempt once: the most recently updated copy, as the report counts it. */
function latestById(analyses: readonly AttemptAnalysis[]): Map<string, AttemptAnalysis> {
  const byId = new Map<string, AttemptAnalysis>();
  for (const a of analyses) {
    const seen = byId.get(a.attemptId);
    if (!seen || a.updatedAt > seen.updatedAt) byId.set(a.attemptId, a);
  }
  return byId;
}

/**
 * The cohort dashboard for the weekly and monthly reviews: filters, then trainees × stages, the
 * funnel, the most frequent pitfalls and missed key actions with their moments, the process
 * indicators, trends by week and month, and the decision splits against the exemplar; every table
 * can be saved as CSV.
 */
export function CohortDashboard({ analyses, models, locale, onOpenMoment }: CohortDashboardProps): JSX.Element {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [period, setPeriod] = useState<TrendPeriod>('weeks');
  // Weeks and months follow the reader's calendar (getTimezoneOffset counts minutes west of UTC).
  const [utcOffsetMinutes] = useState(() => -new Date().getTimezoneOffset());
  const report = useMemo(() => cohortReport(analyses, reportFilters(filters, utcOffsetMinutes)), [analyses, filters, utcOffsetMinutes]);
  const byId = useMemo(() => latestById(analyses), [analyses]);
  const choices = useMemo(() => filterChoices(analyses), [analyses]);
  const labels = useMemo(() => cohortLabels(models, filters.scenario), [models, filters.scenario]);
  const format = cohortFormat(locale);

  const stopDownloads = useRef<() => void>(() => {});
  useEffect(() => () => stopDownloads.current(), []);
  // Tables are built when a CSV is asked for, not on every render.
  const tables = useCallback(
    () => cohortTables(report, tableLabels(labels, locale, (s) => t(`stages.${s}`), t('cohort.funnel.won'))),
    [report, labels, locale, t],
  );
  const save = (...names: CohortTableName[]) => () => tables().filter((table) => names.includes(table.name)).forEach((table) => downloadCsv(table));
  const saveAll = () => {
    stopDownloads.current();
    stopDownloads.current = downloadAll(tables());
  };

  if (!analyses.length)
    return (
      <div className="cohort-dashboard">
        <p className="cohort-empty">{t('cohort.empty.noAttempts')}</p>
      </div>
    );

  const reversed = rangeReversed(filters);
  return (
    <div className="cohort-dashboard">
      <FilterBar value={filters} onChange={setFilters} scenarios={choices.scenarios} trainees={choices.trainees} labels={labels} locale={locale} />
      <div className="cohort-bar">
        <CohortSummary report={report} format={format} />
        {report.attempts > 0 && (
          <button type="button" onClick={saveAll}>
            {t('cohort.csv.all')}
          </button>
        )}
      </div>
      {report.attempts === 0 ? (
        <div className="cohort-empty">
          <p>{reversed ? t('cohort.empty.reversed') : t('cohort.empty.noMatch')}</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            {t('cohort.filters.reset')}
          </button>
        </div>
      ) : (
        <>
          <CohortSection heading={t('cohort.heatMap.heading')} intro={t('cohort.heatMap.intro')} onExport={save('heat-map')}>
            <HeatMap rows={report.heatMap} byId={byId} format={format} onOpenMoment={onOpenMoment} />
          </CohortSection>
          <CohortSection heading={t('cohort.funnel.heading')} intro={t('cohort.funnel.intro')} onExport={save('funnel')}>
            <FunnelPanel funnel={report.funnel} format={format} />
          </CohortSection>
          <CohortSection heading={t('cohort.items.heading.pitfalls')} intro={t('cohort.items.intro.pitfalls')} onExport={save('pitfalls')}>
            <FrequentItems kind="pitfalls" items={report.pitfalls} byId={byId} labels={labels} locale={locale} format={format} onOpenMoment={onOpenMoment} />
          </CohortSection>
          <CohortSection heading={t('cohort.items.heading.missed')} intro={t('cohort.items.intro.missed')} onExport={save('missed-key-actions')}>
            <FrequentItems kind="missed" items={report.missedKeyActions} byId={byId} labels={labels} locale={locale} format={format} onOpenMoment={onOpenMoment} />
          </CohortSection>
          <CohortSection heading={t('cohort.indicators.heading')} onExport={save('indicators')}>
            <IndicatorsPanel average={report.indicators.average} byTrainee={report.indicators.byTrainee} format={format} />
          </CohortSection>
          <CohortSection heading={t('cohort.trends.heading')} intro={t('cohort.trends.intro')} onExport={save(period === 'weeks' ? 'trends-by-week' : 'trends-by-month')}>
            <TrendsPanel trends={report.trends} period={period} onPeriod={setPeriod} utcOffsetMinutes={utcOffsetMinutes} format={format} />
          </CohortSection>
          <CohortSection heading={t('cohort.decisions.heading')} intro={t('cohort.decisions.intro')} onExport={filters.scenario === null ? undefined : save('lead-plans', 'decisions')}>
            <DecisionSplits splits={report.decisions} leadPlans={report.leadPlans} scenario={filters.scenario} labels={labels} locale={locale} format={format} />
          </CohortSection>
        </>
      )}
    </div>
  );
}
