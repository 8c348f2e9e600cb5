#!/usr/bin/env bash
# Makes sure cfn-lint (PyPI's current release, or CFN_LINT_VERSION when set) is installed in the virtualenv
# .cache/cfn-lint-venv, installing it when missing. Idempotent: returns at once when it is there.
# `--print-bin` prints only the path of the cfn-lint executable on stdout (all logs go to stderr).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.cache/cfn-lint-venv"
BIN="$VENV/bin/cfn-lint"
SPEC="cfn-lint${CFN_LINT_VERSION:+==$CFN_LINT_VERSION}"
log() { echo "ensure-cfn-lint: $*" >&2; }

if [ ! -x "$BIN" ]; then
  mkdir -p "$ROOT/.cache"
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtualenv $VENV"
    python3 -m venv "$VENV"
  fi
  log "installing $SPEC from PyPI"
  "$VENV/bin/pip" install -q --disable-pip-version-check "$SPEC" >&2
fi
log "$("$BIN" --version 2>&1)"
if [ "${1:-}" = "--print-bin" ]; then echo "$BIN"; fi
