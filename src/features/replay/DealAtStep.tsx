import { ContractTerms } from '../../components/deal/ContractTerms';
import { PaymentTracker } from '../../components/deal/PaymentTracker';
import { useSimDay } from '../../components/use-sim-day';
import { contractStatus } from '../../domain/deal/contract-status';
import { paymentStatus } from '../../domain/deal/payment-status';
import type { ReplayFrame } from '../../domain/replay/frames';
import { stageIndex } from '../../domain/ltc/stages';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { Locale } from '../../domain/text/localized-text';

/** The contract terms and payment tracker as they stood after this move (from contract signing on). */
export function DealAtStep({ frame, model, locale }: { frame: ReplayFrame; model: ScenarioModel; locale: Locale }) {
  const dayText = useSimDay(model);
  if (stageIndex(frame.stage) < stageIndex('signing')) return null;
  const contract = contractStatus(model, frame.context);
  return (
    <>
      {frame.stage === 'collection' && <PaymentTracker status={paymentStatus(model, frame.context)} locale={locale} dayText={dayText} />}
      {contract.total > 0 && <ContractTerms status={contract} locale={locale} dayText={dayText} />}
    </>
  );
}
