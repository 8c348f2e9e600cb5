#!/usr/bin/env bash
# Makes sure cfn-lint (the pinned release below, or CFN_LINT_VERSION when set) is installed in the virtualenv
# .cache/cfn-lint-venv, installing it when missing (scripts/ensure-pypi-tool.sh) and replacing another version.
# Idempotent: returns at once when it is there. Reviews run it (lib/rules/cfn-lint); so does bench:accuracy's peer.
# `--print-bin` prints only the path of the cfn-lint executable on stdout (all logs go to stderr).
set -euo pipefail
# PyPI's current release when pinned; README "Versions" names it.
CFN_LINT_VERSION="${CFN_LINT_VERSION:-1.58.0}"
VENV="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/cfn-lint-venv"
if [ -x "$VENV/bin/python" ]; then
  installed="$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("cfn-lint"))' 2>/dev/null || true)"
  if [ "$installed" != "$CFN_LINT_VERSION" ]; then
    echo "ensure-cfn-lint: installing cfn-lint==$CFN_LINT_VERSION (found ${installed:-none})" >&2
    "$VENV/bin/pip" install -q --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION" >&2
  fi
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/ensure-pypi-tool.sh" cfn-lint "cfn-lint==$CFN_LINT_VERSION" "${1:-}"
