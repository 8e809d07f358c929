/** What precompute.ts writes for each bundled scenario (shared by the specs). */
export type Lang = 'en' | 'zh-CN';
export type Texts = Record<Lang, string>;

export type { Move } from '../../src/domain/runtime/context';
import type { Move } from '../../src/domain/runtime/context';

export interface ScenarioData {
  file: string;
  id: string;
  title: Texts;
  seed: number;
  moves: Move[];
  exemplarOutcome: string | null;
  /** Rep text of every option on the exemplar path. */
  options: Record<string, Texts>;
  facts: Record<string, Texts>;
  customerName: Texts;
  leads: {
    criteria: { id: string; label: Texts; ideal: boolean }[];
    fields: { id: string; label: Texts; ideal: boolean }[];
    pool: { id: string; company: Texts; grade: 'A' | 'B' | 'C'; customer: boolean }[];
  };
}
