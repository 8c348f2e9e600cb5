/*
 * One cold call of the dashboard's deployed view, in a fresh process (run by `npm run bench:deployed`): the target comes
 * from the environment as in the app. Prints one JSON line: the first call's time and what it showed.
 */
import { loadDeployedView } from '../lib/stack/view';
import { bundledReview } from '../lib/pipeline/bundled';

const started = performance.now();
const view = await loadDeployedView(bundledReview());
const firstCallMs = performance.now() - started;
const line = JSON.stringify({
  firstCallMs,
  stackStatus: view.stack.status === 'ok' ? view.stack.stackStatus : view.stack.status,
  inSync: view.inSync,
  events: view.events.length,
  problems: view.problems,
});
// Exit once written: the validator thread's teardown would otherwise hold the process (and the wall time) for a second.
process.stdout.write(`${line}\n`, () => process.exit(0));
