#!/usr/bin/env bash
# Makes sure a moto server (PyPI `moto[server]` 5.x, a CloudFormation API emulator) answers on 127.0.0.1:${MOTO_PORT:-5000},
# installing it into the virtualenv .cache/moto-venv when missing and starting it in the background (log: .cache/moto.log).
# Idempotent: returns at once when moto already answers. `--print-endpoint` prints only `http://127.0.0.1:<port>` on
# stdout (all logs go to stderr). Fails when the port is taken by something that is not moto.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${MOTO_PORT:-5000}"
VERSION="${MOTO_VERSION:-5.2.5}"
CACHE="$ROOT/.cache"
VENV="$CACHE/moto-venv"
LOG="$CACHE/moto.log"
ENDPOINT="http://127.0.0.1:${PORT}"
log() { echo "ensure-moto: $*" >&2; }

# A CloudFormation ListStacks answer proves the API we need is up (moto accepts any signature);
# /moto-api/data.json is no probe: it fails once a Lambda function exists and Docker is absent.
answers() {
  curl -sS --max-time 3 -X POST "$ENDPOINT/" -d 'Action=ListStacks&Version=2010-05-15' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/cloudformation/aws4_request, SignedHeaders=host, Signature=0' \
    2>/dev/null | grep -q '<ListStacksResponse'
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

install_moto() {
  mkdir -p "$CACHE"
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtualenv $VENV"
    python3 -m venv "$VENV"
  fi
  log "installing moto[server]==$VERSION from PyPI"
  "$VENV/bin/pip" install -q --disable-pip-version-check "moto[server]==$VERSION" >&2
}

start_server() {
  "$VENV/bin/python" -c "import moto, flask; assert moto.__version__ == '$VERSION'" 2>/dev/null || install_moto
  log "starting moto $VERSION on $ENDPOINT (log: $LOG)"
  # setsid + nohup: the server outlives the test run or shell that started it.
  setsid nohup "$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$CACHE/moto.pid"
  for _ in $(seq 1 60); do answers && return 0; sleep 0.5; done
  log "moto did not answer on $ENDPOINT within 30 s; see $LOG"; exit 1
}

# Servers started here inherit no handle on the caller's stdout, so `$(… --print-…)` gets only the answer
# (pip may print on stdout on a fresh machine) and returns without waiting for the server to exit.
ensure() {
  if ! answers; then
    if port_taken; then log "port $PORT is in use by something that is not moto; set MOTO_PORT to a free port"; exit 1; fi
    start_server
  fi
}
ensure >&2

if [ "${1:-}" = "--print-endpoint" ]; then echo "$ENDPOINT"; else echo "export AWS_ENDPOINT_URL_CLOUDFORMATION=$ENDPOINT"; fi
