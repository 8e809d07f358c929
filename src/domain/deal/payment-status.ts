/**
 * The payment tracker of payment collection, as it stands at a point of an attempt: the amount, the
 * invoice, the approvals the payment needs, the due day, days overdue, and the payment itself (an
 * attempt won is cash collected). Days are the drill's simulated days. Data only: the UI words it.
 */
import type { ScenarioModel } from '../scenario/model';
import type { DrillContext } from '../runtime/context';
import type { LocalizedText } from '../text/localized-text';
import { heldSince, variantNow, type Moment } from './moments';

/**
 * Where the payment stands: `not-signed` (collection has not begun), `invoice-pending`,
 * `awaiting-payment`, `overdue` (past the due day, unpaid), `paid`, or `unpaid` (the attempt ended
 * after signing without the cash).
 */
export type PaymentPhase = 'not-signed' | 'invoice-pending' | 'awaiting-payment' | 'overdue' | 'paid' | 'unpaid';

export interface ApprovalState {
  id: string;
  label: LocalizedText;
  status: 'done' | 'pending';
  doneAt: Moment | null;
}

export interface PaymentStatus {
  phase: PaymentPhase;
  /** The amount that applies now, or null when the scenario does not state one. */
  amount: LocalizedText | null;
  /** When collection began (the contract was signed); null before. */
  signedAt: Moment | null;
  invoice: { sent: boolean; sentAt: Moment | null };
  approvals: ApprovalState[];
  /** Days after signing that payment is due, as the scenario sets it. */
  dueAfter: number;
  /** The day payment is due; null before signing. */
  dueDay: number | null;
  /** Days past the due day as of the context's day, while unpaid; 0 otherwise. */
  overdueDays: number;
  /** When the cash came in (the attempt was won), and how many days after the due day. */
  paid: { turn: number; day: number; daysLate: number } | null;
}

/** The payment tracker of `model` in `ctx`. */
export function paymentStatus(model: ScenarioModel, ctx: DrillContext): PaymentStatus {
  const plan = model.payment;
  const signing = ctx.stageLog.find((s) => s.stage === 'collection');
  const signedAt = signing ? { turn: signing.turn, day: signing.day } : null;
  const dueDay = signedAt ? signedAt.day + plan.due : null;

  const sentSince = signedAt ? heldSince(ctx, plan.invoiceSent) : null;
  // The invoice goes out once the contract is signed, however early its condition held.
  const sentAt = sentSince && signedAt ? (sentSince.turn > signedAt.turn ? sentSince : signedAt) : null;

  const approvals = plan.approvals.map((a): ApprovalState => {
    const doneAt = heldSince(ctx, a.done);
    return { id: a.id, label: a.label, status: doneAt ? 'done' : 'pending', doneAt };
  });

  const won = ctx.ending?.outcome === 'won';
  const paid = won ? { turn: ctx.turn, day: ctx.day, daysLate: dueDay === null ? 0 : Math.max(0, ctx.day - dueDay) } : null;
  const overdueDays = !won && dueDay !== null ? Math.max(0, ctx.day - dueDay) : 0;
  const phase: PaymentPhase = paid
    ? 'paid'
    : !signedAt
      ? 'not-signed'
      : ctx.ending
        ? 'unpaid'
        : overdueDays > 0
          ? 'overdue'
          : sentAt
            ? 'awaiting-payment'
            : 'invoice-pending';

  return {
    phase,
    amount: variantNow(plan.amount, ctx),
    signedAt,
    invoice: { sent: sentAt !== null, sentAt },
    approvals,
    dueAfter: plan.due,
    dueDay,
    overdueDays,
    paid,
  };
}
