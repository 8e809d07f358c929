import { useTranslation } from 'react-i18next';
import type { ContractStatus } from '../../domain/deal/contract-status';
import { pickText, type Locale } from '../../domain/text/localized-text';
import { ScenarioText } from '../ScenarioText';

/** Whether a term's kind adds anything to its label: not "other", and not a word the label already says ("Scope (scope)"). */
function showsKind(kind: string, label: string, kindName: string): boolean {
  return kind !== 'other' && !label.toLocaleLowerCase().includes(kindName.toLocaleLowerCase());
}

/**
 * The terms checklist of contract signing: each term (scope, price, payment dates, documents…) with
 * what the contract says and whether it is agreed yet, and since which day. Used by the drill and the replay.
 */
export function ContractTerms({ status, locale, dayText = String }: { status: ContractStatus; locale: Locale; dayText?: (day: number) => string }) {
  const { t } = useTranslation();
  const note = (shown: Locale) => t(`deal.fallback.${shown}`);
  return (
    <section className="panel deal-panel" aria-labelledby="deal-terms-heading" data-testid="contract-terms">
      <h3 id="deal-terms-heading">{t('deal.terms.heading')}</h3>
      <p className="meta">{t('deal.terms.count', { agreed: status.agreed, total: status.total })}</p>
      <ul className="deal-list">
        {status.terms.map((term) => (
          <li key={term.id} className={`deal-item deal-${term.status}`} data-term={term.id} data-status={term.status}>
            <span className="deal-mark" aria-hidden="true">
              {term.status === 'agreed' ? '✓' : '○'}
            </span>
            <span className="deal-body">
              <strong>
                <ScenarioText value={term.label} locale={locale} note={note} />
              </strong>{' '}
              {showsKind(term.kind, pickText(term.label, locale).text, t(`deal.kind.${term.kind}`)) && <span className="deal-kind">({t(`deal.kind.${term.kind}`)})</span>}
              {term.says && (
                <span className="deal-says">
                  <ScenarioText value={term.says} locale={locale} note={note} />
                </span>
              )}
              <span className="deal-state">
                {term.agreedAt ? t('deal.terms.agreedOn', { day: dayText(term.agreedAt.day) }) : t('deal.terms.open')}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
