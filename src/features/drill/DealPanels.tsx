import { useSelector } from '@xstate/react';
import { ContractTerms } from '../../components/deal/ContractTerms';
import { PaymentTracker } from '../../components/deal/PaymentTracker';
import { useSimDay } from '../../components/use-sim-day';
import { contractStatus } from '../../domain/deal/contract-status';
import { paymentStatus } from '../../domain/deal/payment-status';
import { stageIndex } from '../../domain/ltc/stages';
import type { DrillActor } from '../../domain/runtime/actor';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The terms checklist from contract signing on, and the payment tracker once the contract is signed. */
export function DealPanels({ model, actor, locale }: { model: ScenarioModel; actor: DrillActor; locale: Locale }) {
  const signing = useSelector(actor, (s) => stageIndex(s.context.stage) >= stageIndex('signing'));
  const contract = useSelector(actor, (s) => (stageIndex(s.context.stage) >= stageIndex('signing') ? contractStatus(model, s.context) : null), same);
  const payment = useSelector(actor, (s) => (s.context.stage === 'collection' ? paymentStatus(model, s.context) : null), same);
  const dayText = useSimDay(model);
  if (!signing) return null;
  return (
    <>
      {payment && <PaymentTracker status={payment} locale={locale} dayText={dayText} />}
      {contract && contract.total > 0 && <ContractTerms status={contract} locale={locale} dayText={dayText} />}
    </>
  );
}
