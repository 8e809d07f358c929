/**
 * The scenario model for any saved attempt, by content hash: the library's when it is the same
 * version (with the expert path computed at build time), else compiled from the source kept with the
 * attempts. The compiler loads only when a source must be compiled.
 */
import type { CompileScenario } from '../../domain/attempts/verify-attempt-file';
import { memoizeCompile } from '../../domain/attempts/verify-attempt-file';
import type { Exemplar } from '../../domain/explorer/exemplar';
import type { ScenarioModel } from '../../domain/scenario/model';
import type { ScenarioSource } from '../../domain/attempts/scenario-source';
import { bundledScenarios, loadScenario } from '../scenario-library';

export interface ResolvedScenario {
  model: ScenarioModel;
  /** The expert path, when the library has this version (none is computed in the browser). */
  exemplar: Exemplar | null;
  /** Where the model came from. */
  from: 'library' | 'saved-source';
}

let compiler: Promise<CompileScenario> | null = null;
/** The scenario compiler, loaded on first use and shared (compiled sources are memoised). */
export function loadCompiler(): Promise<CompileScenario> {
  compiler ??= import('../../domain/compiler/compile').then((m) => memoizeCompile(m.compileScenario));
  return compiler;
}

const resolved = new Map<string, Promise<ResolvedScenario | null>>();

/** Where saved scenario sources are looked up by hash (the app's database). */
export type SourceLookup = (hash: string) => Promise<ScenarioSource | null>;

async function resolve(hash: string, getSource: SourceLookup): Promise<ResolvedScenario | null> {
  const entry = bundledScenarios().find((e) => e.meta?.hash === hash);
  if (entry) {
    const { model, exemplar } = await loadScenario(entry.file);
    return { model, exemplar, from: 'library' };
  }
  const source = await getSource(hash);
  if (!source) return null;
  const compile = await loadCompiler();
  const { model } = compile(source.source, source.file);
  return model && model.hash === hash ? { model, exemplar: null, from: 'saved-source' } : null;
}

/** The model (and expert path) of the scenario with content hash `hash`; null when neither the library nor a saved source has it. */
export function resolveScenario(hash: string, getSource: SourceLookup): Promise<ResolvedScenario | null> {
  let r = resolved.get(hash);
  if (!r) {
    r = resolve(hash, getSource);
    resolved.set(hash, r);
    // A failure (e.g. a chunk that did not load) is not remembered: the next call tries again.
    r.then((v) => v ?? resolved.delete(hash), () => resolved.delete(hash));
  }
  return r;
}

/** Whether the library bundles the scenario version with content hash `hash` (it then has an expert path). */
export function libraryHas(hash: string): boolean {
  return bundledScenarios().some((e) => e.meta?.hash === hash);
}

/** The library's newest version of scenario `id` when it differs from `hash` (to re-score an attempt against). */
export function newerInLibrary(id: string, hash: string) {
  const entry = bundledScenarios().find((e) => e.meta?.id === id);
  return entry?.meta && entry.meta.hash !== hash ? entry : null;
}
