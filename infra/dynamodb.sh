#!/usr/bin/env bash
# Local DynamoDB-protocol server for tests and dev: dynalite (open source, pure JS,
# in memory). Amazon's DynamoDB Local is deliberately not used (licence).
#
# Usage: infra/dynamodb.sh install|start|stop|status
#   start/status print exactly one line on stdout, the endpoint URL, so
#   `url=$(infra/dynamodb.sh start)` works; all chatter goes to stderr.
#
# Environment:
#   RAGFN_DYNAMODB_HOME           install + state dir (default /var/tmp/ragfn/dynalite)
#   RAGFN_DYNAMODB_PORT           port on 127.0.0.1 (default 8000)
#   RAGFN_DYNAMODB_START_TIMEOUT  seconds to wait for readiness (default 30)
#   RAGFN_DYNAMODB_TABLE_MS       ms tables stay CREATING/UPDATING/DELETING (default 0,
#                                 so tests need no waiters; dynalite's own default is 500)
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly PKG_DIR="$SCRIPT_DIR/dynamodb"   # committed package.json + package-lock.json
readonly HOME_DIR="${RAGFN_DYNAMODB_HOME:-/var/tmp/ragfn/dynalite}"
readonly HOST=127.0.0.1
readonly PORT="${RAGFN_DYNAMODB_PORT:-8000}"
readonly URL="http://$HOST:$PORT"
readonly START_TIMEOUT="${RAGFN_DYNAMODB_START_TIMEOUT:-30}"
readonly TABLE_MS="${RAGFN_DYNAMODB_TABLE_MS:-0}"
# Per-port state, so several instances (e.g. parallel CI jobs) don't clash.
readonly RUN_DIR="$HOME_DIR/run"
readonly PID_FILE="$RUN_DIR/dynalite-$PORT.pid"
readonly LOG_FILE="$RUN_DIR/dynalite-$PORT.log"
readonly CLI="$HOME_DIR/node_modules/dynalite/cli.js"

log() { echo "dynamodb.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# Pinned version, read from the committed package.json (single source of truth).
pinned_version() {
  node -p 'require(process.argv[1]).dependencies.dynalite' "$PKG_DIR/package.json"
}

installed_version() {
  [[ -f "$HOME_DIR/node_modules/dynalite/package.json" ]] || return 1
  node -p 'require(process.argv[1]).version' "$HOME_DIR/node_modules/dynalite/package.json"
}

# Installed tree must match the committed lock exactly, not just the dynalite version.
is_installed() {
  [[ "$(installed_version 2>/dev/null || true)" == "$(pinned_version)" ]] \
    && cmp -s "$PKG_DIR/package-lock.json" "$HOME_DIR/package-lock.json"
}

cmd_install() {
  command -v node >/dev/null || die "node not found (need Node >= 20)"
  command -v npm >/dev/null || die "npm not found"
  mkdir -p "$HOME_DIR"
  # flock: concurrent starts (parallel test JVMs/CI jobs) must not run npm twice.
  exec 9>"$HOME_DIR/.install.lock"
  flock 9
  if is_installed; then
    log "dynalite $(pinned_version) already installed in $HOME_DIR"
    exec 9>&-
    return 0
  fi
  log "installing dynalite $(pinned_version) into $HOME_DIR"
  cp "$PKG_DIR/package.json" "$PKG_DIR/package-lock.json" "$HOME_DIR/"
  # --ignore-scripts: classic-level (pulled in via `level`) ships prebuilt .node
  # binaries and we only use the in-memory backend, so never try a native build.
  # npm ci reproduces the committed lock; stdout -> stderr keeps our stdout clean.
  (cd "$HOME_DIR" && npm ci --ignore-scripts --omit=optional --no-audit --no-fund \
    --loglevel=warn) >&2
  is_installed || die "install finished but dynalite $(pinned_version) not found"
  exec 9>&-
}

# True if something on URL speaks DynamoDB (ListTables answers with TableNames).
# dynalite checks only the shape of the signature, but it does require a date
# header next to Authorization (else IncompleteSignatureException).
LAST_RESPONSE=""
healthy() {
  LAST_RESPONSE=$(curl -sS --max-time 2 -X POST "$URL/" \
    -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
    -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Date: 20200101T000000Z' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=x/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x' \
    -d '{}' 2>&1) || return 1
  [[ "$LAST_RESPONSE" == *'"TableNames"'* ]]
}

# kill -0 alone also succeeds for a zombie the reaper has not collected yet
# (the daemon is reparented to PID 1), which made stop wait needlessly.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

# Pid from the pid file, only if that process is alive and really our dynalite
# (guards against a stale file whose pid got reused).
our_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'dynalite' || return 1
  echo "$pid"
}

wait_healthy() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    healthy && return 0
    alive "$pid" || return 1   # died early: no point waiting
    sleep 0.2
  done
  return 1
}

cmd_start() {
  # Reuse any healthy server on the port (ours, or one a previous caller started).
  if healthy; then
    log "reusing healthy server at $URL"
    echo "$URL"
    return 0
  fi
  local pid
  if pid=$(our_pid); then
    # Ours but not answering yet, e.g. a concurrent start: give it the timeout.
    log "dynalite pid $pid exists but not ready; waiting"
  else
    is_installed || cmd_install
    mkdir -p "$RUN_DIR"
    : >"$LOG_FILE"
    rm -f "$PID_FILE"   # stale file must not be mistaken for the new child's
    # setsid + nohup + all fds redirected: the server must not hold the caller's
    # stdout (else `$(... start)` never returns) nor die with its session.
    # The inner shell also closes inherited fds >2 (a caller's pipe kept open by
    # the daemon makes pipelines/CI runners hang), writes its own pid, then execs
    # node, so the pid file holds node's pid.
    setsid nohup bash -c '
      for fd in /proc/$$/fd/*; do n=${fd##*/}; ((n > 2)) && eval "exec $n>&-"; done
      echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
      node "$CLI" --host "$HOST" --port "$PORT" \
      --createTableMs "$TABLE_MS" --deleteTableMs "$TABLE_MS" --updateTableMs "$TABLE_MS" \
      </dev/null >>"$LOG_FILE" 2>&1 &
    # Wait briefly for the pid file written by the child.
    local i
    for i in $(seq 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.05; done
    [[ -s "$PID_FILE" ]] || die "dynalite launcher wrote no pid file; log: $(tail -n 5 "$LOG_FILE")"
    pid=$(<"$PID_FILE")
    log "started dynalite pid $pid on $URL (log: $LOG_FILE)"
  fi
  if ! wait_healthy "$pid"; then
    log "dynalite did not become ready within ${START_TIMEOUT}s; last response: ${LAST_RESPONSE:0:300}"
    log "log tail ($LOG_FILE):"
    tail -n 30 "$LOG_FILE" >&2 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    exit 1
  fi
  echo "$URL"
}

cmd_stop() {
  local pid
  if ! pid=$(our_pid); then
    log "not running (port $PORT)"
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 50); do   # up to ~10s for a clean exit
    alive "$pid" || break
    sleep 0.2
  done
  if alive "$pid"; then
    log "pid $pid ignored TERM; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  log "stopped dynalite pid $pid"
}

cmd_status() {
  if healthy; then
    echo "$URL"
    return 0
  fi
  log "not answering at $URL"
  return 1
}

# Serialise start/stop per port: concurrent starts (parallel test JVMs, CI jobs)
# would otherwise both launch, one dies on EADDRINUSE and clobbers the pid file.
# The daemon closes this fd (see cmd_start), so it never holds the lock.
with_port_lock() {
  mkdir -p "$RUN_DIR"
  exec 8>"$RUN_DIR/dynalite-$PORT.lock"
  flock -w $((START_TIMEOUT + 60)) 8 || die "timed out waiting for $RUN_DIR/dynalite-$PORT.lock"
  "$@"
}

main() {
  case "${1:-}" in
    install) cmd_install ;;
    start) with_port_lock cmd_start ;;
    stop) with_port_lock cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: $0 install|start|stop|status" ;;
  esac
}

main "$@"
