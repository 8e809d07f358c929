import { useTranslation } from 'react-i18next';
import type { Grade } from '../../domain/runtime/context';
import type { Lead } from '../../domain/scenario/model';
import { pickText, type Locale } from '../../domain/text/localized-text';
import { DrillText } from './DrillText';

const GRADES: readonly Grade[] = ['A', 'B', 'C'];

interface Props {
  lead: Lead;
  locale: Locale;
  grade: Grade | undefined;
  pursued: boolean;
  onGrade(grade: Grade): void;
  onPursue(pursue: boolean): void;
}

/** One lead of the pool: what is known about it, its grade (A/B/C) and whether to pursue it. */
export function LeadCard({ lead, locale, grade, pursued, onGrade, onPursue }: Props) {
  const { t } = useTranslation();
  const company = pickText(lead.company, locale).text;
  const headingId = `lead-${lead.id}-name`;
  return (
    <li className="card lead-card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <DrillText value={lead.company} locale={locale} />
      </h4>
      <dl className="lead-facts">
        <dt>{t('drill.leads.industry')}</dt>
        <dd>
          <DrillText value={lead.industry} locale={locale} /> · {t('drill.leads.size', { count: lead.size })}
        </dd>
        <dt>{t('drill.leads.source')}</dt>
        <dd>
          <DrillText value={lead.source} locale={locale} />
        </dd>
        {lead.signals.length > 0 && (
          <>
            <dt>{t('drill.leads.signals')}</dt>
            {lead.signals.map((s, i) => (
              <dd key={i}>
                <DrillText value={s} locale={locale} />
              </dd>
            ))}
          </>
        )}
        {lead.notes && (
          <>
            <dt>{t('drill.leads.notes')}</dt>
            <dd>
              <DrillText value={lead.notes} locale={locale} />
            </dd>
          </>
        )}
      </dl>
      <fieldset className="grade" role="radiogroup" aria-labelledby={`lead-${lead.id}-grade`}>
        <legend id={`lead-${lead.id}-grade`}>
          {t('drill.leads.grade')} <span className="visually-hidden">{company}</span>
        </legend>
        {GRADES.map((g) => (
          <label key={g} className="choice">
            <input type="radio" name={`grade-${lead.id}`} value={g} checked={grade === g} onChange={() => onGrade(g)} /> {g}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={pursued} onChange={(e) => onPursue(e.target.checked)} /> {t('drill.leads.pursue')}{' '}
        <span className="visually-hidden">{company}</span>
      </label>
    </li>
  );
}
