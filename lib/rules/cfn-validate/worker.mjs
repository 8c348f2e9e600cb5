// Runs @aws/cloudformation-validate in a worker thread: its engine takes seconds to initialize,
// so a review starts it here first and synthesizes on the main thread meanwhile.
import { parentPort } from 'node:worker_threads';
import { CelEngine } from '@aws/cloudformation-validate';

const engine = new CelEngine();
const rules = Object.fromEntries(engine.listRules().map((r) => [r.id, { description: r.description, category: r.category }]));
parentPort.postMessage({ type: 'ready', rules });

parentPort.on('message', (request) => {
  try {
    const file = { path: request.path, readBytes: () => new TextEncoder().encode(request.text) };
    const report = engine.validateStandard(file, { severityLevel: 'WARN' });
    parentPort.postMessage({ type: 'result', id: request.id, diagnostics: report.diagnostics });
  } catch (error) {
    parentPort.postMessage({ type: 'result', id: request.id, error: String(error?.message ?? error) });
  }
});
