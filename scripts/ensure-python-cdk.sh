#!/usr/bin/env bash
# Makes sure the Python CDK toolchain that synthesizes Python CDK answers (lib/synth/isolated/python.ts) is installed:
# a virtualenv .cache/python-cdk-venv with PyPI's aws-cdk-lib and constructs. aws-cdk-lib is pinned to the npm
# aws-cdk-lib of package.json when PyPI has that version, else to PYTHON_CDK_VERSION (default below: PyPI's newest
# 2.x when this was written). Idempotent: returns at once when the venv imports the pinned version. Logs go to
# stderr; `--print-python` prints only the venv's python on stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
VENV="$CACHE/python-cdk-venv"
NPM_VERSION="$(node -p "require('$ROOT/package.json').dependencies['aws-cdk-lib'].replace(/^[^0-9]*/, '')")"
# npm publishes aws-cdk-lib a little before PyPI; the newest PyPI release is the fallback.
FALLBACK="${PYTHON_CDK_VERSION:-2.275.0}"
CONSTRUCTS="${PYTHON_CONSTRUCTS_SPEC:-constructs>=10.5.0,<11.0.0}"
log() { echo "ensure-python-cdk: $*" >&2; }

installed() {
  "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('aws-cdk-lib') not in sys.argv[1:])" \
    "$NPM_VERSION" "$FALLBACK" 2>/dev/null
}

install() {
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtualenv $VENV"
    python3 -m venv "$VENV"
  fi
  local started=$SECONDS
  if "$VENV/bin/pip" install -q --disable-pip-version-check "aws-cdk-lib==$NPM_VERSION" "$CONSTRUCTS" >&2 2>/dev/null; then
    log "installed aws-cdk-lib $NPM_VERSION from PyPI ($((SECONDS - started)) s)"
  else
    log "PyPI has no aws-cdk-lib $NPM_VERSION (the npm version); installing $FALLBACK"
    "$VENV/bin/pip" install -q --disable-pip-version-check "aws-cdk-lib==$FALLBACK" "$CONSTRUCTS" >&2
    log "installed aws-cdk-lib $FALLBACK from PyPI ($((SECONDS - started)) s)"
  fi
}

ensure() {
  command -v python3 >/dev/null || { log "python3 (with venv) is needed for the Python CDK toolchain"; exit 1; }
  mkdir -p "$CACHE"
  # Parallel test workers may call this at once: one installs, the others wait and find it installed.
  exec 9>"$CACHE/ensure-python-cdk.lock"
  flock -w 900 9 || { log "another ensure-python-cdk.sh held $CACHE/ensure-python-cdk.lock for 15 minutes"; exit 1; }
  installed || install
  installed || { log "aws-cdk-lib did not install into $VENV"; exit 1; }
}
ensure >&2

if [ "${1:-}" = "--print-python" ]; then echo "$VENV/bin/python"; fi
