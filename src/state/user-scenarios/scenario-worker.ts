/**
 * A worker that compiles a trainer's scenario (and, when asked, finds its expert path with the
 * explorer), so that neither blocks the page. It gets source texts and gives back plain data.
 */
import '../no-eval';
import { compileScenario } from '../../domain/compiler/compile';
import { contentHash } from '../../domain/compiler/build-model';
import { explore } from '../../domain/explorer/explore';
import type { ScenarioRequest, ScenarioReply } from './scenario-compiler';

const scope = self as unknown as { postMessage(message: ScenarioReply): void; onmessage: ((e: MessageEvent<ScenarioRequest>) => void) | null };

scope.onmessage = ({ data }) => {
  if (data.type === 'compile') {
    const { model, diagnostics } = compileScenario(data.source, data.file);
    scope.postMessage({ id: data.id, type: 'compiled', result: { hash: contentHash(data.source), model: model ?? null, diagnostics } });
  } else {
    let exemplar = null;
    try {
      const found = explore(data.model, { maxStates: data.maxStates }).exemplar;
      exemplar = found && { seed: found.seed, moves: found.moves };
    } catch {
      // no expert path: the drill plays without one
    }
    scope.postMessage({ id: data.id, type: 'explored', exemplar });
  }
};
