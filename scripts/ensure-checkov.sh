#!/usr/bin/env bash
# Makes sure checkov (PyPI's current release, or CHECKOV_VERSION when set) is installed in the virtualenv
# .cache/checkov-venv, installing it when missing (scripts/ensure-pypi-tool.sh). Only `npm run bench:accuracy` uses it
# (a peer to compare with); `npm test` and `npm run up` never install it.
# `--print-bin` prints only the path of the checkov executable on stdout (all logs go to stderr).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/ensure-pypi-tool.sh" checkov "checkov${CHECKOV_VERSION:+==$CHECKOV_VERSION}" "${1:-}"
