/**
 * The scenario compiler: source text → positioned YAML → shape check → semantic checks → model.
 * Returns `{ model, diagnostics }` and never throws: a thrown error is a bug of ours, reported as
 * SC000 so that a trainer still gets an answer (tests assert it never happens).
 */
import { hasErrors, makeDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import type { ScenarioModel } from '../scenario/model';
import { buildModel } from './build-model';
import { checkSemantics } from './check-semantics';
import { checkShape } from './check-shape';
import { salvage } from './salvage';
import { readSource } from './source-document';

export interface CompileResult {
  model?: ScenarioModel;
  diagnostics: Diagnostic[];
}

/** Compiles scenario text; `file` names it in diagnostics. */
export function compileScenario(text: string, file = 'scenario.yaml', byteLength?: number): CompileResult {
  try {
    const src = readSource(file, text, byteLength);
    if (src.diagnostics.length) return { diagnostics: sortDiagnostics(src.diagnostics) };
    if (typeof src.value !== 'object' || Array.isArray(src.value)) {
      return { diagnostics: [src.at('SC011', [], { where: '', problem: 'not-a-map' })] };
    }
    const shape = checkShape(src);
    const salvaged = salvage(src.value, shape.brokenPaths);
    const diagnostics = sortDiagnostics([...shape.diagnostics, ...checkSemantics(src, salvaged)]);
    if (hasErrors(diagnostics) || shape.diagnostics.length) return { diagnostics };
    return { model: buildModel(salvaged.source, text), diagnostics };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { diagnostics: [makeDiagnostic('SC000', { file, line: 0, column: 0, path: '' }, { detail })] };
  }
}
