/**
 * The terms checklist of contract signing, as it stands at a point of an attempt: each term with what
 * the contract says now and whether it is agreed (and since when). Data only: the UI words it.
 */
import type { ScenarioModel, TermKind } from '../scenario/model';
import type { DrillContext } from '../runtime/context';
import type { LocalizedText } from '../text/localized-text';
import { heldSince, variantNow, type Moment } from './moments';

export type TermStatus = 'agreed' | 'open';

export interface TermState {
  id: string;
  kind: TermKind;
  label: LocalizedText;
  /** What the contract says now (the variant that applies), or null when the scenario does not say. */
  says: LocalizedText | null;
  status: TermStatus;
  /** When it was first agreed; null while open. */
  agreedAt: Moment | null;
}

export interface ContractStatus {
  terms: TermState[];
  agreed: number;
  total: number;
}

/** The terms checklist of `model` in `ctx`. An agreed term stays agreed for the rest of the attempt. */
export function contractStatus(model: ScenarioModel, ctx: DrillContext): ContractStatus {
  const terms = model.contract.terms.map((t): TermState => {
    const agreedAt = heldSince(ctx, t.agreed);
    return { id: t.id, kind: t.kind, label: t.label, says: variantNow(t.says, ctx), status: agreedAt ? 'agreed' : 'open', agreedAt };
  });
  return { terms, agreed: terms.filter((t) => t.status === 'agreed').length, total: terms.length };
}
