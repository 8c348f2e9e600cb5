// Prints "tests: N passed, M failed" from the vitest and Playwright JSON reports; exits 1 if nothing ran.
import { existsSync, readFileSync } from 'node:fs';

/** Test files that failed without any failed test in them (setup errors), each counted as one failure. */
function failedSuitesWithoutFailedTests(report) {
  return (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
}

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
let passed = 0;
let failed = 0;
let skipped = 0;
const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  // A suite that fails outside its tests (a beforeAll, an import) fails no test but must fail the run.
  failed += unit.numFailedTests + failedSuitesWithoutFailedTests(unit);
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else failed += 1;
const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
} else failed += 1;
// CI shows only the last lines of the run: name what failed here so a failure is diagnosable from them.
for (const file of unit?.testResults ?? []) {
  for (const test of file.assertionResults ?? []) if (test.status === 'failed') console.log(`failed: ${file.name} > ${test.fullName}`);
  if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'))
    console.log(`failed: ${file.name} (outside its tests): ${String(file.message ?? '').split('\n')[0]}`);
}
/** Names every Playwright test whose outcome was unexpected, walking nested suites. */
function unexpectedSpecs(suite, trail = []) {
  const here = suite.title ? [...trail, suite.title] : trail;
  const own = (suite.specs ?? []).flatMap((spec) =>
    (spec.tests ?? []).some((t) => t.status === 'unexpected') ? [[...here, spec.title].join(' > ')] : [],
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => unexpectedSpecs(child, here))];
}
for (const name of (e2e?.suites ?? []).flatMap((s) => unexpectedSpecs(s))) console.log(`failed: e2e ${name}`);
const unitFailed = unit ? unit.numFailedTests + failedSuitesWithoutFailedTests(unit) : 0;
console.log(`unit: ${unit ? `${unit.numPassedTests} passed, ${unitFailed} failed` : 'no report'}`);
console.log(`e2e: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed` : 'no report'}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(passed > 0 && failed === 0 ? 0 : 1);
