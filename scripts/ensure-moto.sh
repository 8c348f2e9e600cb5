#!/usr/bin/env bash
# Makes sure our moto launcher (scripts/moto/server.py: PyPI `moto[server]` 5.x, a CloudFormation API emulator, plus the
# CloudFormation models the reference needs) answers on 127.0.0.1:${MOTO_PORT:-5000}, installing moto into the virtualenv
# .cache/moto-venv when missing and starting the launcher in the background (log: .cache/moto.log, pid: .cache/moto-<port>.pid).
# Idempotent: returns at once when the launcher already answers. `--print-endpoint` prints only `http://127.0.0.1:<port>` on
# stdout (all logs go to stderr). Fails when the port is taken by something else, a plain moto_server included.
# A launcher this script started from an older scripts/moto/server.py is stopped and started anew (its stacks are lost).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${MOTO_PORT:-5000}"
VERSION="${MOTO_VERSION:-5.2.5}"
CACHE="$ROOT/.cache"
VENV="$CACHE/moto-venv"
LOG="$CACHE/moto.log"
LAUNCHER="$ROOT/scripts/moto/server.py"
ENDPOINT="http://127.0.0.1:${PORT}"
log() { echo "ensure-moto: $*" >&2; }

# A CloudFormation ListStacks answer proves the API we need is up (moto accepts any signature);
# /moto-api/data.json is no probe: it fails once a Lambda function exists and Docker is absent.
answers_cloudformation() {
  curl -sS --max-time 3 -X POST "$ENDPOINT/" -d 'Action=ListStacks&Version=2010-05-15' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/cloudformation/aws4_request, SignedHeaders=host, Signature=0' \
    2>/dev/null | grep -q '<ListStacksResponse'
}

# Only the launcher serves this; a plain moto_server answers 404.
answers_launcher() {
  curl -sS --max-time 3 "$ENDPOINT/infra-review/emulated-types" 2>/dev/null | grep -q '"recordedOnly"'
}

ours() { answers_cloudformation && answers_launcher; }

# The running launcher serves the sha256 of the source it started from; an older one serves none.
current_launcher() {
  local want
  want="$(sha256sum "$LAUNCHER" | cut -d' ' -f1)"
  curl -sS --max-time 3 "$ENDPOINT/infra-review/emulated-types" 2>/dev/null | grep -q "\"launcher\": \"$want\""
}

# Stops an outdated launcher only when its pid file names a live launcher process (never someone else's server).
stop_outdated() {
  local pidfile="$CACHE/moto-$PORT.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && grep -q "moto/server.py" "/proc/$pid/cmdline" 2>/dev/null || return 1
  log "scripts/moto/server.py changed since the launcher (pid $pid) started: restarting it"
  kill "$pid"
  for _ in $(seq 1 20); do port_taken || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

install_moto() {
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtualenv $VENV"
    python3 -m venv "$VENV"
  fi
  log "installing moto[server]==$VERSION from PyPI"
  "$VENV/bin/pip" install -q --disable-pip-version-check "moto[server]==$VERSION" >&2
}

start_server() {
  "$VENV/bin/python" -c "import moto, flask; assert moto.__version__ == '$VERSION'" 2>/dev/null || install_moto
  log "starting moto $VERSION with scripts/moto/server.py on $ENDPOINT (log: $LOG)"
  # setsid + nohup: the server outlives the test run or shell that started it; 9>&- so it does not keep the lock.
  setsid nohup "$VENV/bin/python" "$LAUNCHER" -H 127.0.0.1 -p "$PORT" >>"$LOG" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$CACHE/moto-$PORT.pid"
  for _ in $(seq 1 60); do
    ours && return 0
    if ! kill -0 "$pid" 2>/dev/null; then log "the launcher exited at start; last lines of $LOG:"; tail -n 5 "$LOG" >&2; exit 1; fi
    sleep 0.5
  done
  log "the launcher did not answer on $ENDPOINT within 30 s; see $LOG"; exit 1
}

# Servers started here inherit no handle on the caller's stdout, so `$(… --print-…)` gets only the answer
# (pip may print on stdout on a fresh machine) and returns without waiting for the server to exit.
ensure() {
  mkdir -p "$CACHE"
  # Parallel test workers call this at once: one installs and starts, the others wait and find it answering.
  exec 9>"$CACHE/ensure-moto.lock"
  flock -w 600 9 || { log "another ensure-moto.sh held $CACHE/ensure-moto.lock for 10 minutes"; exit 1; }
  if ours; then
    current_launcher && return 0
    stop_outdated || { log "the launcher on $ENDPOINT runs an older scripts/moto/server.py and was not started here; restart it"; return 0; }
  fi
  if answers_cloudformation; then
    log "port $PORT answers as a plain moto server, not scripts/moto/server.py (no /infra-review/emulated-types);" \
      "stop it (an earlier ensure-moto.sh wrote its pid to .cache/moto.pid) or set MOTO_PORT to a free port"
    exit 1
  fi
  if port_taken; then log "port $PORT is in use by something that is not moto; set MOTO_PORT to a free port"; exit 1; fi
  start_server
}
ensure >&2

if [ "${1:-}" = "--print-endpoint" ]; then echo "$ENDPOINT"; else echo "export AWS_ENDPOINT_URL_CLOUDFORMATION=$ENDPOINT"; fi
