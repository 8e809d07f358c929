import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocaleSections } from '../components/use-locale-sections';
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import type { ScenarioModel } from '../domain/scenario/model';
import type { Locale } from '../domain/text/localized-text';
import { appRepository } from '../state/attempts/use-attempts';
import { reviewStore, useReview } from '../state/review/review-store';
import { resolveScenario } from '../state/review/scenario-models';
import { CohortDashboard } from '../features/cohort/CohortDashboard';

interface Props {
  /** The imported attempts under review (the chosen cohort's). */
  records: AttemptRecord[];
  locale: Locale;
  onOpenMoment(attemptId: string, turn: number): void;
}

/** The cohort dashboard over the attempts under review: analyses them (once each) and finds their scenarios' models for labels. */
export default function DashboardPanel({ records, locale, onOpenMoment }: Props) {
  useLocaleSections(['cohort']);
  const { t } = useTranslation();
  const analyses = useReview((s) => s.analyses);
  const analysing = useReview((s) => s.analysing);
  const unanalysable = useReview((s) => s.unanalysable);
  const [models, setModels] = useState<Record<string, ScenarioModel>>({});

  useEffect(() => {
    void reviewStore().getState().analyse(records);
  }, [records]);

  const hashes = useMemo(() => [...new Set(records.map((r) => r.scenario.hash))].sort().join(' '), [records]);
  useEffect(() => {
    let current = true;
    const wanted = hashes ? hashes.split(' ') : [];
    void Promise.all(wanted.map((h) => resolveScenario(h, appRepository.getSource).then((s) => [h, s?.model] as const))).then((found) => {
      if (current) setModels(Object.fromEntries(found.filter((f): f is readonly [string, ScenarioModel] => f[1] !== undefined)));
    });
    return () => {
      current = false;
    };
  }, [hashes]);

  const list = useMemo(() => records.flatMap((r) => (analyses[r.id] ? [analyses[r.id]!] : [])), [records, analyses]);
  const missing = unanalysable.filter((id) => records.some((r) => r.id === id)).length;
  return (
    <>
      <p role="status" className="meta">
        {analysing && t('review.dashboard.analysing', { count: records.length - list.length })}
      </p>
      {missing > 0 && <p className="meta">{t('review.dashboard.unanalysable', { count: missing })}</p>}
      <CohortDashboard analyses={list} models={models} locale={locale} onOpenMoment={onOpenMoment} />
    </>
  );
}
