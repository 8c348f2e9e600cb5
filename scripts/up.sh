#!/usr/bin/env bash
# `npm run up`: builds and serves the dashboard. With no AWS target configured (none of AWS_ENDPOINT_URL_CLOUDFORMATION,
# AWS_ENDPOINT_URL, AWS_PROFILE, AWS_ACCESS_KEY_ID), CloudFormation is a local moto server (scripts/ensure-moto.sh starts
# the launcher scripts/moto/server.py) with moto's dummy credentials; otherwise the environment's target is used as is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
log() { echo "up: $*" >&2; }
STACK="${INFRA_REVIEW_STACK_NAME:-InfraReviewReference}"
REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"

if [ -z "${AWS_ENDPOINT_URL_CLOUDFORMATION:-}${AWS_ENDPOINT_URL:-}${AWS_PROFILE:-}${AWS_ACCESS_KEY_ID:-}" ]; then
  AWS_ENDPOINT_URL_CLOUDFORMATION="$(bash scripts/ensure-moto.sh --print-endpoint)" || {
    log "no AWS target is configured and moto could not start (above); set AWS_PROFILE or AWS credentials to use an account"
    exit 1
  }
  # moto accepts any credentials; dummy ones keep the SDK from looking for real ones.
  export AWS_ENDPOINT_URL_CLOUDFORMATION AWS_REGION="$REGION" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
  log "no AWS target configured: CloudFormation is the local moto emulator at $AWS_ENDPOINT_URL_CLOUDFORMATION" \
    "($REGION, stack $STACK; moto keeps its state in memory until it stops)"
elif [ -n "${AWS_ENDPOINT_URL_CLOUDFORMATION:-${AWS_ENDPOINT_URL:-}}" ]; then
  log "CloudFormation endpoint ${AWS_ENDPOINT_URL_CLOUDFORMATION:-$AWS_ENDPOINT_URL} ($REGION, stack $STACK)"
else
  if [ -n "${AWS_PROFILE:-}" ]; then CREDENTIALS="profile $AWS_PROFILE"; else CREDENTIALS="the credentials in AWS_ACCESS_KEY_ID"; fi
  log "AWS account of $CREDENTIALS ($REGION, stack $STACK)"
fi

# Python CDK answers are synthesized with the venv this installs (PyPI aws-cdk-lib); without it they get source rules only.
bash scripts/ensure-python-cdk.sh || log "the Python CDK toolchain could not be installed (above): Python CDK answers get source rules only"
# Every review runs cfn-lint (PyPI, pinned) in a long-lived worker; without it, reviews say that cfn-lint could not run.
bash scripts/ensure-cfn-lint.sh || log "cfn-lint could not be installed (above): reviews carry a 'cfn-lint could not run' finding"

next build
exec node server.mjs
