/** A worker that checks the scenario being edited (see `check.ts`): the page stays responsive while it compiles. */
import '../../state/no-eval';
import { checkSource, type CheckResult } from './check';

export type CompileRequest = { text: string; file: string; revision: number };

const scope = self as unknown as { postMessage(message: CheckResult): void; onmessage: ((e: MessageEvent<CompileRequest>) => void) | null };
scope.onmessage = ({ data }) => scope.postMessage(checkSource(data.text, data.file, data.revision));
