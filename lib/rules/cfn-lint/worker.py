"""Lints CloudFormation templates with cfn-lint's Python API for infra-review, one long-lived process for many templates.

Protocol (JSON lines): the worker first writes {"ready": true, "version": "<cfn-lint version>"}; then for each request
{"id": n, "text": "<template>"} on stdin it writes {"id": n, "matches": [...]} or {"id": n, "error": "..."} on stdout.
Matches are cfn-lint's default set (E and W rules, no informational ones) for us-east-1 unless the template's own
Metadata cfn-lint config says otherwise, exactly as the cfn-lint command reports them.

`--part k/n` makes the worker lint part k of n of each template (partition.py): the client runs n workers on the same
template at once and merges their matches, which equal cfn-lint's own.
"""

import json
import os
import sys

# Anything cfn-lint or a library prints must not corrupt the protocol: stdout is kept for replies only.
_replies = sys.stdout
sys.stdout = sys.stderr

from cfnlint.config import ConfigMixIn  # noqa: E402
from cfnlint.decode.decode import decode_str  # noqa: E402
from cfnlint.runner import Runner  # noqa: E402
from cfnlint.version import __version__  # noqa: E402

import partition  # noqa: E402 - beside this file
import speedups  # noqa: E402 - beside this file

# INFRA_REVIEW_CFN_LINT_SPEEDUPS=0 runs cfn-lint exactly as published (tests compare the two).
SPEEDUPS = os.environ.get("INFRA_REVIEW_CFN_LINT_SPEEDUPS") != "0"
if SPEEDUPS:
    speedups.install()

REGIONS = ["us-east-1"]


def reply(message):
    _replies.write(json.dumps(message) + "\n")
    _replies.flush()


def to_json(match):
    """One cfn-lint match as plain JSON: rule, level, texts, template path (list of keys and indexes) and position."""
    path = getattr(match, "path", None)
    return {
        "rule": match.rule.id,
        "level": match.rule.severity,
        "title": match.rule.shortdesc,
        "description": match.rule.description,
        "message": match.message,
        "path": [p if isinstance(p, (int, str)) else str(p) for p in path] if path else None,
        "line": match.linenumber,
        "column": match.columnnumber,
    }


def lint(runner, text):
    template, errors = decode_str(text)
    if errors:
        return errors
    if template is None:
        return []
    return list(runner.validate_template(template))


def part_argument(argv):
    """(k, n) from `--part k/n`, (0, 1) without it."""
    if "--part" not in argv:
        return 0, 1
    index, count = (int(n) for n in argv[argv.index("--part") + 1].split("/"))
    if not 0 <= index < count:
        raise SystemExit(f"--part {index}/{count}: k must be in 0..n-1")
    return index, count


def main():
    index, count = part_argument(sys.argv)
    # One runner for every template: rules and the resource schemas they load are built once, not per template.
    runner = Runner(ConfigMixIn(regions=REGIONS))
    if SPEEDUPS:
        speedups.install_on(runner)
    if SPEEDUPS or count > 1:
        partition.install(runner, index, count)
    reply({"ready": True, "version": __version__})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            matches = lint(runner, request["text"])
            reply({"id": request["id"], "matches": [to_json(m) for m in matches]})
        except Exception as error:  # noqa: BLE001 - one template's failure is reported, the worker goes on
            reply({"id": request["id"], "error": f"{type(error).__name__}: {error}"})


if __name__ == "__main__":
    main()
