/** A worker that runs the explorer on the scenario being edited: the expert path and the best score per stage. */
import '../../state/no-eval';
import { explore, type ExplorerReport } from '../../domain/explorer/explore';
import type { ScenarioModel } from '../../domain/scenario/model';

export type ExploreRequest = { model: ScenarioModel };
export type ExploreReply = { report: ExplorerReport } | { error: string };

const scope = self as unknown as { postMessage(message: ExploreReply): void; onmessage: ((e: MessageEvent<ExploreRequest>) => void) | null };
scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ report: explore(data.model, { seeds: [1], maxStates: 150_000 }) });
  } catch (e) {
    scope.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
};
