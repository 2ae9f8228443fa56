#!/usr/bin/env bash
# Real Keycloak (OIDC identity provider) on 127.0.0.1, for tests and local use,
# with the realm of infra/keycloak/realm-ragfn.json. The server distribution
# comes from Maven Central, fetched by ./mvnw through infra/keycloak/pom.xml.
# It runs in dev mode with an H2 file database under the install dir, which keeps
# the realm (and its signing keys) across restarts until the realm file changes.
#
# Usage: infra/keycloak.sh install|start|stop|status
#   start/status print exactly one line on stdout, the realm's issuer URL, so
#   `issuer=$(infra/keycloak.sh start)` works; all chatter goes to stderr.
#
# Environment:
#   RAGFN_KEYCLOAK_HOME           install + logs (default /var/tmp/ragfn/keycloak-26.7.5)
#   RAGFN_KEYCLOAK_PORT           HTTP port on 127.0.0.1 (default 8180)
#   RAGFN_KEYCLOAK_START_TIMEOUT  seconds to wait for the realm to answer (default 300)
#   RAGFN_KEYCLOAK_HEAP           JVM max heap (default 512m)
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_PREFIX="keycloak.sh"
# shellcheck source=infra/lib.sh
source "$SCRIPT_DIR/lib.sh"

readonly KC_VERSION=26.7.5
# Bump INSTALL_REV when the installed layout changes, so old installs get redone.
readonly INSTALL_REV=1
readonly SIGNATURE="keycloak=$KC_VERSION rev=$INSTALL_REV"

readonly KC_HOME="${RAGFN_KEYCLOAK_HOME:-/var/tmp/ragfn/keycloak-$KC_VERSION}"
readonly PORT="${RAGFN_KEYCLOAK_PORT:-8180}"
readonly BASE_URL="http://127.0.0.1:$PORT"
readonly ISSUER="$BASE_URL/realms/ragfn"
readonly DISCOVERY_URL="$ISSUER/.well-known/openid-configuration"
readonly START_TIMEOUT="${RAGFN_KEYCLOAK_START_TIMEOUT:-300}"
readonly HEAP="${RAGFN_KEYCLOAK_HEAP:-512m}"
readonly REALM_FILE="$SCRIPT_DIR/keycloak/realm-ragfn.json"
readonly IMPORTED_REALM="$KC_HOME/data/import/realm-ragfn.json"
readonly DB_DIR="$KC_HOME/data/h2"
readonly PID_FILE="$KC_HOME/keycloak.pid"
readonly CONSOLE_LOG="$KC_HOME/log/console.log"
# Outside KC_HOME so it also guards the very first install.
readonly LOCK_FILE="$KC_HOME.lock"

is_installed() { installed_as "$KC_HOME" "$SIGNATURE"; }

do_install() {
  local dist
  begin_install "$KC_HOME" RAGFN_KEYCLOAK_HOME
  log "fetching Keycloak $KC_VERSION from Maven Central"
  # The zip is published without a pom: Maven warns "The POM ... is missing"; harmless.
  fetch_into_stage infra/keycloak/pom.xml -Dkeycloak.version="$KC_VERSION"
  dist="$STAGE/dist/keycloak-$KC_VERSION"
  [[ -x "$dist/bin/kc.sh" ]] || die "unexpected distribution layout under $STAGE/dist"
  finish_install "$dist" "$KC_HOME" "$SIGNATURE"
}

# The discovery document answers, and for our port (a server reached through
# another name would put another issuer into its tokens).
healthy() {
  curl -fsS --max-time 5 "$DISCOVERY_URL" 2>/dev/null | grep -qF "\"issuer\":\"$ISSUER\""
}

# Pid of our Keycloak JVM (kc.sh's child, or kc.sh itself after it re-execs
# java), found by its home dir; else kc.sh from the pid file, which covers the
# moment before it forks the JVM.
server_pid() {
  local pid
  if pid=$(pgrep -f -- "-Dkc\.home\.dir=$KC_HOME/bin/\.\. " | head -n 1 | grep .); then
    echo "$pid"
  elif pid_alive "$PID_FILE" && grep -qF 'kc.sh' "/proc/$(<"$PID_FILE")/cmdline" 2>/dev/null; then
    cat "$PID_FILE"
  else
    return 1
  fi
}

# HTTP port a running server was started with (from its command line).
running_port() {
  tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | sed -n 's/^--http-port=//p' | head -n 1
}

launch() {
  local jdk
  jdk=$(find_jdk 21 /usr/lib/jvm/temurin-25-jdk-amd64) || die "need a JDK >= 21 (set JAVA_HOME)"
  mkdir -p "$(dirname "$CONSOLE_LOG")" "$(dirname "$IMPORTED_REALM")"
  # A kept database skips the schema set-up and the import, about half of a
  # start; but the import never overwrites a realm, so a changed file needs a
  # fresh database.
  if ! cmp -s "$REALM_FILE" "$IMPORTED_REALM"; then
    [[ -d "$DB_DIR" ]] && log "realm file changed since the last start; dropping the database"
    rm -rf "$DB_DIR"
    cp "$REALM_FILE" "$IMPORTED_REALM"
  fi
  : >"$CONSOLE_LOG"
  rm -f "$PID_FILE"
  # cache=local: no cluster discovery on the network; tracing/metrics/health
  # stay off (the defaults, said out loud): nothing listens beyond 127.0.0.1
  # and nothing calls out. hostname pins the issuer whatever name a client uses.
  # C1 only: on a busy 2-core machine it halves the start (the C2 compiler
  # competes for the cores), and a test server never runs long enough to gain.
  local -a cmd=(env JAVA_HOME="$jdk" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$HEAP"
    JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1"
    "$KC_HOME/bin/kc.sh" start-dev
    --http-host=127.0.0.1 --http-port="$PORT" --hostname="$BASE_URL"
    --db=dev-file --cache=local --import-realm
    --health-enabled=false --metrics-enabled=false --tracing-enabled=false)
  log "starting Keycloak $KC_VERSION on $BASE_URL with $jdk (log: $CONSOLE_LOG)"
  # Redirect every fd, or a caller's `$(... start)` never sees EOF. 9>&- keeps
  # the server from holding our start lock forever. setsid: don't die with the
  # caller's process group (it forks when it must, so the pid is written from
  # inside: kc.sh's, which lives as long as the JVM).
  (cd "$KC_HOME" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "${cmd[@]}") \
    </dev/null >>"$CONSOLE_LOG" 2>&1 9>&- &
  local i
  for i in $(seq 50); do
    [[ -s "$PID_FILE" ]] && return 0
    sleep 0.1
  done
  return 1
}

cmd_start() {
  local t0=$SECONDS pid
  take_lock "$LOCK_FILE"
  is_installed || do_install
  if healthy; then
    log "reusing healthy server at $BASE_URL"
    cmp -s "$REALM_FILE" "$IMPORTED_REALM" \
      || log "WARNING: $REALM_FILE changed since this server started; run '$0 stop' to load it"
  else
    if pid=$(server_pid); then
      # One server per install: never a second one beside it.
      [[ "$(running_port "$pid")" == "$PORT" ]] \
        || die "Keycloak pid $pid already runs from $KC_HOME on port $(running_port "$pid"); stop it first"
      log "Keycloak pid $pid running but not ready yet; waiting"
    else
      launch || fail_start "launch failed"
    fi
    wait_for_url "$DISCOVERY_URL" "$START_TIMEOUT" "$PID_FILE" && healthy \
      || fail_start "realm not ready (the server exited, or ${START_TIMEOUT}s passed)"
    log "ready after $((SECONDS - t0))s"
  fi
  exec 9>&-
  echo "$ISSUER"
}

fail_start() {
  log "$1; last log lines:"
  tail -n 40 "$CONSOLE_LOG" >&2 2>/dev/null || true
  stop_server
  # The import may have stopped half-way: start from a fresh database next time.
  rm -f "$IMPORTED_REALM"
  exit 1
}

stop_server() {
  local pid
  # Twice: the JVM, then its kc.sh if that lingers; or kc.sh caught before it
  # forked the JVM, then the JVM.
  for _ in 1 2; do
    pid=$(server_pid) || break
    terminate "$pid" 30
    log "stopped Keycloak pid $pid"
  done
  rm -f "$PID_FILE"
}

cmd_stop() {
  if server_pid >/dev/null; then
    stop_server
  else
    log "not running"
    rm -f "$PID_FILE"
  fi
}

cmd_status() {
  if healthy; then
    echo "$ISSUER"
    return 0
  fi
  log "no realm ragfn at $BASE_URL"
  return 1
}

main() {
  case "${1:-}" in
    install) install_once "$LOCK_FILE" "$KC_HOME" ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: $0 install|start|stop|status" ;;
  esac
}

main "$@"
