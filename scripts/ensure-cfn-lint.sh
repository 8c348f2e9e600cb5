#!/usr/bin/env bash
# Makes sure cfn-lint (PyPI's current release, or CFN_LINT_VERSION when set) is installed in the virtualenv
# .cache/cfn-lint-venv, installing it when missing (scripts/ensure-pypi-tool.sh). Idempotent: returns at once when it is there.
# `--print-bin` prints only the path of the cfn-lint executable on stdout (all logs go to stderr).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/ensure-pypi-tool.sh" cfn-lint "cfn-lint${CFN_LINT_VERSION:+==$CFN_LINT_VERSION}" "${1:-}"
