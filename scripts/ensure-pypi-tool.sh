#!/usr/bin/env bash
# ensure-pypi-tool.sh <name> <package spec> [--print-bin]: makes sure the PyPI package that provides the executable
# <name> is installed in the virtualenv .cache/<name>-venv, installing it when missing. Idempotent: returns at once when
# it is there. `--print-bin` prints only the path of the executable on stdout (all logs go to stderr).
set -euo pipefail

NAME="$1"
SPEC="$2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.cache/$NAME-venv"
BIN="$VENV/bin/$NAME"
log() { echo "ensure-$NAME: $*" >&2; }

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
if [ "${3:-}" = "--print-bin" ]; then echo "$BIN"; fi
