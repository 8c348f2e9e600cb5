#!/usr/bin/env bash
# Makes sure a PostgreSQL server for the tests runs on 127.0.0.1:${PGPORT:-5432} with a role `infra_review`
# (password, CREATEDB), installing Debian's `postgresql` when missing. Idempotent: returns at once when the role
# can already sign in. `--print-url` prints only TEST_DATABASE_URL's value on stdout (all logs go to stderr).
set -euo pipefail

PORT="${PGPORT:-5432}"
ROLE="infra_review"
PASSWORD="${INFRA_REVIEW_PG_PASSWORD:-infra_review_test}"
URL="postgres://${ROLE}:${PASSWORD}@127.0.0.1:${PORT}/postgres"
SOCKET_DIR="/var/run/postgresql"
log() { echo "ensure-postgres: $*" >&2; }

can_sign_in() {
  PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d postgres -qAtc 'select 1' >/dev/null 2>&1
}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

install_postgres() {
  log "installing Debian's postgresql"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# The server binaries, not just the client (a machine may have psql alone, whose bin dir has no initdb).
pg_bin_dir() { ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname; }

start_server() {
  [ -n "$(pg_bin_dir)" ] || install_postgres
  local bin version; bin="$(pg_bin_dir)"; version="$(basename "$(dirname "$bin")")"
  mkdir -p "$SOCKET_DIR" && chown postgres:postgres "$SOCKET_DIR"
  # Debian's own cluster when it listens on our port; otherwise a private data dir on that port.
  if command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v p="$PORT" '$1==v && $2=="main" && $3==p {f=1} END {exit !f}'; then
    log "starting cluster $version/main"
    pg_ctlcluster "$version" main start || true
  else
    local data="/var/lib/postgresql/infra-review-$PORT"
    if [ ! -f "$data/PG_VERSION" ]; then
      log "initializing $data"
      mkdir -p "$data" && chown postgres:postgres "$data"
      as_postgres "$bin/initdb" -D "$data" --auth-local=peer --auth-host=scram-sha-256 -U postgres >/dev/null
    fi
    log "starting $data on port $PORT"
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$SOCKET_DIR" start >/dev/null || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PORT" && return 0; sleep 0.5; done
  log "server did not come up on port $PORT"; exit 1
}

ensure_role() {
  log "creating role $ROLE"
  as_postgres psql -h "$SOCKET_DIR" -p "$PORT" -d postgres -qAt -v ON_ERROR_STOP=1 -v role="$ROLE" -v pw="$PASSWORD" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SQL
}

# Servers started here inherit no handle on the caller's stdout, so `$(… --print-…)` gets only the answer
# (apt and pg_ctlcluster print on stdout on a fresh machine) and returns without waiting for the server to exit.
ensure() {
  if ! can_sign_in; then
    command -v psql >/dev/null && pg_isready -q -h 127.0.0.1 -p "$PORT" || start_server
    ensure_role
    can_sign_in || { log "role $ROLE still cannot sign in on 127.0.0.1:$PORT"; exit 1; }
  fi
}
ensure >&2

if [ "${1:-}" = "--print-url" ]; then echo "$URL"; else echo "export TEST_DATABASE_URL=$URL"; fi
