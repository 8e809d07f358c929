import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../../domain/deal/payment-status';
import type { Locale } from '../../domain/text/localized-text';
import { ScenarioText } from '../ScenarioText';

/**
 * The payment tracker of payment collection: the amount, the invoice, the approvals the payment
 * needs, the due day, days overdue, and when the cash came in. Used by the drill and the replay.
 */
export function PaymentTracker({ status, locale, dayText = String }: { status: PaymentStatus; locale: Locale; dayText?: (day: number) => string }) {
  const { t } = useTranslation();
  const note = (shown: Locale) => t(`deal.fallback.${shown}`);
  const { invoice, approvals, paid } = status;
  return (
    <section className={`panel deal-panel payment-${status.phase}`} aria-labelledby="deal-payment-heading" data-testid="payment-tracker">
      <h3 id="deal-payment-heading">{t('deal.payment.heading')}</h3>
      <p className="deal-phase" data-phase={status.phase}>
        <strong>{t(`deal.payment.phase.${status.phase}`, { days: status.overdueDays })}</strong>
      </p>
      <dl className="deal-facts">
        {status.amount && (
          <>
            <dt>{t('deal.payment.amount')}</dt>
            <dd>
              <ScenarioText value={status.amount} locale={locale} note={note} />
            </dd>
          </>
        )}
        <dt>{t('deal.payment.invoice')}</dt>
        <dd data-invoice={invoice.sent ? 'sent' : 'not-sent'}>{invoice.sentAt ? t('deal.payment.invoiceSent', { day: dayText(invoice.sentAt.day) }) : t('deal.payment.invoiceNotSent')}</dd>
        <dt>{t('deal.payment.due')}</dt>
        <dd>{status.dueDay === null ? t('deal.payment.dueAfter', { count: status.dueAfter }) : t('deal.payment.dueDay', { day: dayText(status.dueDay) })}</dd>
        {status.overdueDays > 0 && !paid && (
          <>
            <dt>{t('deal.payment.overdue')}</dt>
            <dd className="deal-overdue">{t('deal.payment.overdueDays', { count: status.overdueDays })}</dd>
          </>
        )}
        {paid && (
          <>
            <dt>{t('deal.payment.paid')}</dt>
            <dd>{paid.daysLate > 0 ? t('deal.payment.paidLate', { day: dayText(paid.day), count: paid.daysLate }) : t('deal.payment.paidOnTime', { day: dayText(paid.day) })}</dd>
          </>
        )}
      </dl>
      {approvals.length > 0 && (
        <>
          <h4>{t('deal.payment.approvals')}</h4>
          <ul className="deal-list">
            {approvals.map((a) => (
              <li key={a.id} className={`deal-item deal-${a.status}`} data-approval={a.id} data-status={a.status}>
                <span className="deal-mark" aria-hidden="true">
                  {a.status === 'done' ? '✓' : '○'}
                </span>
                <span className="deal-body">
                  <ScenarioText value={a.label} locale={locale} note={note} />
                  <span className="deal-state">{a.doneAt ? t('deal.payment.doneOn', { day: dayText(a.doneAt.day) }) : t('deal.payment.pending')}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
