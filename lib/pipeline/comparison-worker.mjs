// Runs compareArtifacts (lib/pipeline/comparison.ts) in a worker thread, so a large pair's diff does not block the
// server's event loop. The TypeScript is loaded with tsx's API: under `next start` lib/ is bundled, not importable as is.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { compareArtifacts } = await tsImport('./comparison.ts', import.meta.url);
const { deepFreeze } = await tsImport('../templates/load.ts', import.meta.url);

parentPort.on('message', (request) => {
  try {
    // Loaded templates are frozen on the main thread, and caches keyed by template object rely on it; a copy is not.
    const comparison = compareArtifacts(deepFreeze(request.reference), deepFreeze(request.model));
    parentPort.postMessage({ id: request.id, comparison });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String(error?.stack ?? error?.message ?? error) });
  }
});
parentPort.postMessage({ type: 'ready' });
