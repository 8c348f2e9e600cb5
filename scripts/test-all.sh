#!/usr/bin/env bash
# Runs every check (typecheck, lint, format, unit, end-to-end) even when one stage fails, then prints one summary line.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-$(bash scripts/ensure-postgres.sh --print-url 2>/dev/null)}"
# Once, before vitest's workers and the e2e server each ask for it; its reason, if it cannot start, stays on stderr.
export AWS_ENDPOINT_URL_CLOUDFORMATION="${AWS_ENDPOINT_URL_CLOUDFORMATION:-$(bash scripts/ensure-moto.sh --print-endpoint)}"
mkdir -p reports
rm -f reports/unit.json reports/e2e.json
status=0
npx tsc --noEmit || status=1
npx eslint . || status=1
npx prettier --check . > reports/prettier.log 2>&1 || { tail -n 30 reports/prettier.log; status=1; }
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json || status=1
# End-to-end specs, schemathesis against /api/openapi.json among them (e2e/schemathesis.spec.ts: its own server, no 5xx).
npx playwright test || status=1
node scripts/test-summary.mjs || status=1
exit $status
