/**
 * The compiler's pipeline (src/domain/compiler/compile.ts) run phase by phase, so the benchmark can
 * say where check+compile time goes. readSource is further split into the YAML parse (yaml's
 * parseDocument, as readSource calls it) and the rest (size/binary/nesting checks, toJS, depth).
 */
import { LineCounter, parseDocument } from 'yaml';
import { hasErrors, sortDiagnostics } from '../src/domain/diagnostics/diagnostic';
import { buildModel } from '../src/domain/compiler/build-model';
import { checkSemantics } from '../src/domain/compiler/check-semantics';
import { checkShape } from '../src/domain/compiler/check-shape';
import { salvage } from '../src/domain/compiler/salvage';
import { readSource } from '../src/domain/compiler/source-document';
import { median, timeOnce } from './measure';

export const PHASES = ['readSource', '  (positioned YAML parse)', 'checkShape', 'salvage', 'checkSemantics', 'buildModel'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseTime {
  wall: number;
  cpu: number;
}

/** One compile, timed per phase (wall and CPU ms). Throws if the text does not compile to a model. */
export function compilePhases(text: string, file: string): Record<Phase, PhaseTime> {
  const parse = timeOnce(() => parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true }));
  const src = timeOnce(() => readSource(file, text, text.length));
  const shape = timeOnce(() => checkShape(src.value));
  const salvaged = timeOnce(() => salvage(src.value.value, shape.value.brokenPaths));
  const semantics = timeOnce(() => checkSemantics(src.value, salvaged.value));
  const diagnostics = sortDiagnostics([...shape.value.diagnostics, ...semantics.value]);
  if (hasErrors(diagnostics)) throw new Error(`${file} has errors`);
  const build = timeOnce(() => buildModel(salvaged.value.source, text));
  void parse.value;
  const t = (r: { ms: number; cpuMs: number }): PhaseTime => ({ wall: r.ms, cpu: r.cpuMs });
  return {
    readSource: t(src),
    '  (positioned YAML parse)': t(parse),
    checkShape: t(shape),
    salvage: t(salvaged),
    checkSemantics: t(semantics),
    buildModel: t(build),
  };
}

/** Median wall and CPU time per phase over `runs` compiles (after one warm-up). */
export function phaseMedians(text: string, file: string, runs: number): Record<Phase, PhaseTime> {
  compilePhases(text, file);
  const wall = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<Phase, number[]>;
  const cpu = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<Phase, number[]>;
  for (let i = 0; i < runs; i++) {
    const r = compilePhases(text, file);
    for (const p of PHASES) {
      wall[p].push(r[p].wall);
      cpu[p].push(r[p].cpu);
    }
  }
  return Object.fromEntries(PHASES.map((p) => [p, { wall: median(wall[p]), cpu: median(cpu[p]) }])) as Record<Phase, PhaseTime>;
}

/** Sum of the top-level phases (not double-counting the YAML parse inside readSource). */
export function phaseTotal(m: Record<Phase, PhaseTime>, key: keyof PhaseTime): number {
  return m.readSource[key] + m.checkShape[key] + m.salvage[key] + m.checkSemantics[key] + m.buildModel[key];
}
