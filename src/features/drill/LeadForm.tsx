import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grade, LeadPlan } from '../../domain/runtime/context';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale, LocalizedText } from '../../domain/text/localized-text';
import { DrillText } from './DrillText';
import { LeadCard } from './LeadCard';

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id));

function Checklist(props: { legend: string; hint?: string; items: { id: string; label: LocalizedText }[]; chosen: string[]; locale: Locale; onChange(next: string[]): void }) {
  const { legend, hint, items, chosen, locale, onChange } = props;
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {hint && <p className="meta">{hint}</p>}
      {items.map((item) => (
        <label key={item.id} className="choice">
          <input type="checkbox" checked={chosen.includes(item.id)} onChange={(e) => onChange(toggle(chosen, item.id, e.target.checked))} />{' '}
          <DrillText value={item.label} locale={locale} />
        </label>
      ))}
    </fieldset>
  );
}

/** Stage 1: define the target profile, grade every lead, choose whom to pursue and what to record. */
export function LeadForm({ model, locale, onSubmit }: { model: ScenarioModel; locale: Locale; onSubmit(plan: LeadPlan): void }) {
  const { t } = useTranslation();
  const { leads } = model;
  const [profile, setProfile] = useState<string[]>([]);
  const [grades, setGrades] = useState<Record<string, Grade>>({});
  const [pursue, setPursue] = useState<string[]>([]);
  const [record, setRecord] = useState<string[]>([]);
  const ungraded = leads.pool.filter((l) => !grades[l.id]).length;
  const problems = [
    ...(ungraded > 0 ? [t('drill.leads.needsGrades', { count: ungraded })] : []),
    ...(pursue.length === 0 ? [t('drill.leads.needsPursue')] : []),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problems.length === 0) onSubmit({ profile, grades, pursue, record });
  };
  return (
    <form className="lead-form" onSubmit={submit} aria-labelledby="drill-leads-heading">
      <h2 id="drill-leads-heading">{t('drill.leads.heading')}</h2>
      <section aria-labelledby="drill-brief-heading">
        <h3 id="drill-brief-heading">{t('drill.leads.brief')}</h3>
        <p>
          <DrillText value={leads.brief} locale={locale} />
        </p>
      </section>
      <Checklist legend={t('drill.leads.profile')} hint={t('drill.leads.profileHint')} items={leads.criteria} chosen={profile} locale={locale} onChange={setProfile} />
      <h3 id="drill-pool-heading">{t('drill.leads.pool')}</h3>
      <ul className="cards lead-pool" aria-labelledby="drill-pool-heading">
        {leads.pool.map((lead) => (
          <LeadCard
            key={lead.id}
            lead={lead}
            locale={locale}
            grade={grades[lead.id]}
            pursued={pursue.includes(lead.id)}
            onGrade={(g) => setGrades((old) => ({ ...old, [lead.id]: g }))}
            onPursue={(on) => setPursue((old) => toggle(old, lead.id, on))}
          />
        ))}
      </ul>
      <Checklist legend={t('drill.leads.record')} items={leads.fields} chosen={record} locale={locale} onChange={setRecord} />
      <div className="submit-row">
        <button type="submit" disabled={problems.length > 0} aria-describedby={problems.length ? 'drill-leads-problems' : undefined}>
          {t('drill.leads.submit')}
        </button>
        <div id="drill-leads-problems" className="meta problems" aria-live="polite">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      </div>
    </form>
  );
}
