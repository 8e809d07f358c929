/**
 * Deal consistency as diagnostics: what the explorer saw on the won endings it reached (a contract
 * term never agreed, an approval pending, the invoice unsent, yet paid) as SC041 warnings at the
 * term's or approval's place in the file.
 */
import type { Diagnostic, DiagnosticArgs } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { ExplorerReport } from './explore';

type DocPath = readonly (string | number)[];
/** Places a diagnostic at a document path (the compiler's read source does). */
export interface Locator {
  at(code: DiagnosticCode, path: DocPath, args?: DiagnosticArgs, key?: boolean): Diagnostic;
}

export function dealDiagnostics(report: Pick<ExplorerReport, 'deal'>, src: Locator): Diagnostic[] {
  const { deal } = report;
  const out: Diagnostic[] = [];
  const add = (kind: 'term' | 'approval' | 'invoice', path: DocPath, id: string, count: number) =>
    out.push(src.at('SC041', path, { kind, id, count, won: deal.won }, kind !== 'invoice'));
  for (const t of deal.openTerms) add('term', ['contract', 'terms', t.id], t.id, t.count);
  for (const a of deal.pendingApprovals) add('approval', ['payment', 'approvals', a.id], a.id, a.count);
  if (deal.invoiceNotSent) add('invoice', ['payment', 'invoice', 'sent'], '', deal.invoiceNotSent);
  return out;
}
