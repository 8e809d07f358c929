import { useTranslation } from 'react-i18next';
import type { LeadPlan } from '../../domain/runtime/context';
import type { LeadStageModel } from '../../domain/scenario/model';
import { reviewLeadPlan, type ChoiceReview } from '../../domain/teaching/lead-plan-review';
import type { Locale } from '../../domain/text/localized-text';
import { DebriefText } from './DebriefText';

function Mark({ right }: { right: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
      <span className="check-status">{t(right ? 'debrief.leads.right' : 'debrief.leads.wrong')}</span>
      {t('debrief.colon')}
    </>
  );
}

function Choices({ heading, items, locale, kind }: { heading: string; items: ChoiceReview[]; locale: Locale; kind: 'profile' | 'record' }) {
  const { t } = useTranslation();
  return (
    <>
      <h5>{heading}</h5>
      <ul className="check-list">
        {items.map((c) => (
          <li key={c.id} className={`check-item ${c.right ? 'lead-right' : 'lead-wrong'}`}>
            <Mark right={c.right} />
            <DebriefText value={c.label} locale={locale} />
            {!c.right && <span className="meta"> — {t(`debrief.leads.${kind}.${c.ideal ? 'missing' : 'extra'}`)}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Stage 1 explained: each profile criterion, each lead's grade (with its signals and notes as the reason) and each record field. */
export function LeadPlanExplained({ leads, plan, locale }: { leads: LeadStageModel; plan: LeadPlan; locale: Locale }) {
  const { t } = useTranslation();
  const review = reviewLeadPlan(leads, plan);
  return (
    <section aria-labelledby="debrief-leads-heading" className="debrief-leads">
      <h3 id="debrief-leads-heading">{t('debrief.leads.heading')}</h3>
      <p className="meta">{review.wrong === 0 ? t('debrief.leads.allRight') : t('debrief.leads.someWrong', { count: review.wrong })}</p>
      <Choices heading={t('debrief.leads.profileHeading')} items={review.criteria} locale={locale} kind="profile" />
      <h5>{t('debrief.leads.gradesHeading')}</h5>
      <ul className="check-list">
        {review.leads.map((l) => (
          <li key={l.lead.id} className={`check-item ${l.gradeRight && l.pursueRight ? 'lead-right' : 'lead-wrong'}`} data-lead={l.lead.id}>
            <Mark right={l.gradeRight && l.pursueRight} />
            <strong>
              <DebriefText value={l.lead.company} locale={locale} />
            </strong>{' '}
            {l.gradeRight ? t('debrief.leads.gradeRight', { grade: l.expected }) : t('debrief.leads.gradeWrong', { given: l.given ?? '—', expected: l.expected })}
            {!l.pursueRight && <> · {t(l.shouldPursue ? 'debrief.leads.shouldPursue' : 'debrief.leads.shouldNotPursue')}</>}
            {(l.lead.signals.length > 0 || l.lead.notes) && (
              <div className="why">
                <strong>{t('debrief.leads.because')}</strong>
                {t('debrief.colon')}
                {l.lead.signals.map((s, i) => (
                  <span key={i}>
                    {i > 0 && t('debrief.listSeparator')}
                    <DebriefText value={s} locale={locale} />
                  </span>
                ))}
                {l.lead.notes && (
                  <>
                    {l.lead.signals.length > 0 && t('debrief.listSeparator')}
                    <DebriefText value={l.lead.notes} locale={locale} />
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <Choices heading={t('debrief.leads.recordHeading')} items={review.fields} locale={locale} kind="record" />
    </section>
  );
}
