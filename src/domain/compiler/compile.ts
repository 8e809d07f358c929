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
import { recoverSyntax } from './recover';
import { readSource, type SourceDocument } from './source-document';
import type { ScenarioSource } from '../scenario/schema';

export interface CompileResult {
  model?: ScenarioModel;
  diagnostics: Diagnostic[];
}

/** Shape and meaning checks of a read document; the checked source when its shape is sound. */
function check(src: SourceDocument): { diagnostics: Diagnostic[]; source?: ScenarioSource } {
  if (typeof src.value !== 'object' || src.value === null || Array.isArray(src.value)) {
    return { diagnostics: [src.at('SC011', [], { where: '', problem: 'not-a-map' })] };
  }
  const shape = checkShape(src);
  const salvaged = salvage(src.value, shape.brokenPaths);
  const diagnostics = sortDiagnostics([...shape.diagnostics, ...checkSemantics(src, salvaged)]);
  return shape.diagnostics.length ? { diagnostics } : { diagnostics, source: salvaged.source };
}

/**
 * A warning when a scenario file's name is not its id (`scenarios/<id>.yaml`), for tools that
 * read files from disk; the id is read from the text, so it works on files that do not compile.
 */
export function fileNameDiagnostics(file: string, text: string): Diagnostic[] {
  const name = file.split(/[\\/]/).pop() ?? file;
  const ext = /\.ya?ml$/.exec(name)?.[0];
  const m = /^scenario:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?$/m.exec(text);
  if (!ext || !m || name.slice(0, -ext.length) === m[1]) return [];
  const line = text.slice(0, m.index).split('\n').length;
  return [makeDiagnostic('SC039', { file, line, column: 11, path: 'scenario' }, { name, id: m[1]!, expected: `${m[1]}${ext}` })];
}

/** Compiles scenario text; `file` names it in diagnostics. */
export function compileScenario(text: string, file = 'scenario.yaml', byteLength?: number): CompileResult {
  try {
    const src = readSource(file, text, byteLength);
    if (src.diagnostics.length) {
      // Syntax errors: the rest of the file is still checked, in a repaired copy (recover.ts).
      const recovered = recoverSyntax(src, src.diagnostics);
      if (!recovered) return { diagnostics: sortDiagnostics(src.diagnostics) };
      const rest = recovered.src ? check(recovered.src).diagnostics.filter(recovered.keep) : [];
      return { diagnostics: sortDiagnostics([...recovered.syntax, ...rest]) };
    }
    const { diagnostics, source } = check(src);
    if (!source || hasErrors(diagnostics)) return { diagnostics };
    return { model: buildModel(source, text), diagnostics };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { diagnostics: [makeDiagnostic('SC000', { file, line: 0, column: 0, path: '' }, { detail })] };
  }
}
