// The review's thread for heavy CPU work on large inputs, so a large pair does not block the server's event loop:
// compareArtifacts (lib/pipeline/comparison.ts) and runRules (lib/rules/engine.ts). The TypeScript is loaded with tsx's
// API, as a plain Node module: under `next start` lib/ is bundled into the server, not importable as is.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { compareArtifacts } = await tsImport('./comparison.ts', import.meta.url);
const { runRules } = await tsImport('../rules/engine.ts', import.meta.url);
const { deepFreeze } = await tsImport('../templates/load.ts', import.meta.url);

// Loaded templates are frozen on the main thread, and caches keyed by template object rely on it; a copy is not.
const TASKS = {
  compare: ({ reference, model }) => compareArtifacts(deepFreeze(reference), deepFreeze(model)),
  rules: ({ input }) => runRules(deepFreeze(input)),
};

parentPort.on('message', (request) => {
  try {
    parentPort.postMessage({ id: request.id, result: TASKS[request.task](request.args) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String(error?.stack ?? error?.message ?? error) });
  }
});
