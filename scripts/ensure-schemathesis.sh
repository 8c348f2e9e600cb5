#!/usr/bin/env bash
# Makes sure schemathesis (the pinned release below, or SCHEMATHESIS_VERSION when set) is installed in the virtualenv
# .cache/st-venv (scripts/ensure-pypi-tool.sh; its executable is `st`). npm test runs it against /api/openapi.json
# (scripts/schemathesis.sh). `--print-bin` prints only the path of the executable on stdout (all logs go to stderr).
set -euo pipefail
SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
VENV="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/st-venv"
if [ -x "$VENV/bin/python" ]; then
  installed="$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null || true)"
  if [ "$installed" != "$SCHEMATHESIS_VERSION" ]; then
    echo "ensure-st: installing schemathesis==$SCHEMATHESIS_VERSION (found ${installed:-none})" >&2
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >&2
  fi
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/ensure-pypi-tool.sh" st "schemathesis==$SCHEMATHESIS_VERSION" "${1:-}"
