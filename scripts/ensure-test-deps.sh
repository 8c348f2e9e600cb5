#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for Playwright, PostgreSQL, the Python CDK toolchain,
# cfn-lint, schemathesis.
set -euo pipefail
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# PostgreSQL for the data layer's second dialect: required in CI, optional on a workstation (SQLite still runs).
if ! bash "$(dirname "$0")/ensure-postgres.sh" >/dev/null; then
  [ -n "${CI:-}" ] && { echo "PostgreSQL could not be started" >&2; exit 1; }
  echo "PostgreSQL unavailable: data layer tests run on SQLite only" >&2
fi
# The Python CDK toolchain (.cache/python-cdk-venv, PyPI aws-cdk-lib) that synthesizes Python answers: required in CI.
if ! bash "$(dirname "$0")/ensure-python-cdk.sh"; then
  [ -n "${CI:-}" ] && { echo "The Python CDK toolchain could not be installed" >&2; exit 1; }
  echo "Python CDK toolchain unavailable: the Python synthesis tests are skipped" >&2
fi
# cfn-lint (.cache/cfn-lint-venv, PyPI, pinned), which every review runs beside cloudformation-validate: required in CI.
if ! bash "$(dirname "$0")/ensure-cfn-lint.sh"; then
  [ -n "${CI:-}" ] && { echo "cfn-lint could not be installed" >&2; exit 1; }
  echo "cfn-lint unavailable: reviews carry a 'cfn-lint could not run' finding and the cfn-lint tests fail" >&2
fi
# schemathesis (.cache/st-venv, PyPI, pinned), which e2e/schemathesis.spec.ts runs against /api/openapi.json: required in CI.
if ! bash "$(dirname "$0")/ensure-schemathesis.sh"; then
  [ -n "${CI:-}" ] && { echo "schemathesis could not be installed" >&2; exit 1; }
  echo "schemathesis unavailable: e2e/schemathesis.spec.ts installs it on first run or fails" >&2
fi
