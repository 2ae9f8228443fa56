#!/usr/bin/env bash
# Real single-node OpenSearch (with the k-NN plugin) on 127.0.0.1, for tests and
# local use. Everything comes from Maven Central (the only artifact source we
# can reach), fetched by ./mvnw through infra/opensearch/pom.xml.
#
# Usage: infra/opensearch.sh install|start|stop|status
#   start/status print exactly one line on stdout, the base URL, so
#   `url=$(infra/opensearch.sh start)` works; all chatter goes to stderr.
#
# Environment:
#   RAGFN_OPENSEARCH_HOME           install + data + logs (default /var/tmp/ragfn/opensearch-3.3.0;
#                                   not under /root: the server runs as `nobody` when we are root)
#   RAGFN_OPENSEARCH_PORT           HTTP port on 127.0.0.1 (default 9200)
#   RAGFN_OPENSEARCH_START_TIMEOUT  seconds to wait for a healthy cluster (default 90)
#   RAGFN_OPENSEARCH_HEAP           JVM heap (default 512m)
#
# Pitfall for callers: a knn_vector field must say "engine": "lucene". Without
# it k-NN defaults to faiss, whose native library is not in the Maven artifact,
# and the node dies.
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_DIR="$(dirname "$SCRIPT_DIR")"
LOG_PREFIX="opensearch.sh"
# shellcheck source=infra/lib.sh
source "$SCRIPT_DIR/lib.sh"

readonly OS_VERSION=3.3.0
readonly KNN_VERSION=3.3.0.0
# Bump INSTALL_REV when the assembled layout changes, so old installs get redone.
readonly INSTALL_REV=1
readonly SIGNATURE="opensearch=$OS_VERSION knn=$KNN_VERSION modules=lang-painless,analysis-common rev=$INSTALL_REV"

readonly OS_HOME="${RAGFN_OPENSEARCH_HOME:-/var/tmp/ragfn/opensearch-$OS_VERSION}"
readonly PORT="${RAGFN_OPENSEARCH_PORT:-9200}"
readonly URL="http://127.0.0.1:$PORT"
readonly START_TIMEOUT="${RAGFN_OPENSEARCH_START_TIMEOUT:-90}"
readonly HEAP="${RAGFN_OPENSEARCH_HEAP:-512m}"
readonly MARKER="$OS_HOME/.ragfn-installed"
readonly PID_FILE="$OS_HOME/opensearch.pid"
readonly CONSOLE_LOG="$OS_HOME/logs/console.log"
# Outside OS_HOME so it also guards the very first install.
readonly LOCK_FILE="$OS_HOME.lock"
# OpenSearch refuses to run as root; then we hand the install to this user.
readonly RUN_AS=nobody

is_installed() { [[ -f "$MARKER" && "$(<"$MARKER")" == "$SIGNATURE" ]]; }

# Serialises install/start across concurrent callers (parallel test JVMs).
take_lock() {
  mkdir -p "$(dirname "$OS_HOME")"
  exec 9>"$LOCK_FILE"
  flock 9
}

# Writes a plugin-descriptor.properties for a module assembled from plain jars
# (the Maven jars lack the descriptor the distribution zips carry).
# Args: dir name classname description [extended.plugins]
write_descriptor() {
  cat >"$1/plugin-descriptor.properties" <<EOF
description=$4
version=$OS_VERSION
name=$2
classname=$3
java.version=21
opensearch.version=$OS_VERSION
extended.plugins=${5:-}
has.native.controller=false
EOF
}

# Downloads into a staging dir beside OS_HOME and renames it into place at the
# end, so OS_HOME either is a complete install or does not exist.
do_install() {
  local stage dist
  if [[ -e "$OS_HOME" ]]; then
    # Only ever delete a tree we provably made (marker present), never a
    # mistyped RAGFN_OPENSEARCH_HOME.
    [[ -f "$MARKER" ]] || die "$OS_HOME exists but is not our install; remove it or set RAGFN_OPENSEARCH_HOME"
    log "install in $OS_HOME is outdated ($(<"$MARKER")); replacing it (data is lost)"
    stop_server
    rm -rf "$OS_HOME"
  fi
  stage=$(mktemp -d "$OS_HOME.stage.XXXXXX")
  # shellcheck disable=SC2064  # expand $stage now: it is local
  trap "rm -rf '$stage'" EXIT
  log "fetching OpenSearch $OS_VERSION + k-NN $KNN_VERSION from Maven Central"
  # overWrite*: re-runs into an existing dir must not be skipped as up to date.
  (cd "$REPO_DIR" && ./mvnw -B -q -f infra/opensearch/pom.xml generate-resources \
    -Dstage.dir="$stage" -Dopensearch.version="$OS_VERSION" -Dknn.version="$KNN_VERSION" \
    -Dmdep.overWriteReleases=true -Dmdep.overWriteSnapshots=true) >&2 \
    || die "maven fetch failed"

  dist="$stage/dist/opensearch-$OS_VERSION"
  [[ -x "$dist/bin/opensearch" ]] || die "unexpected distribution layout under $stage/dist"
  mv "$stage/opensearch-knn" "$dist/plugins/opensearch-knn"

  # k-NN extends lang-painless, which the minimal (integ-test) zip lacks.
  mv "$stage/lang-painless" "$dist/modules/lang-painless"
  write_descriptor "$dist/modules/lang-painless" lang-painless \
    org.opensearch.painless.PainlessModulePlugin "Painless scripting language"
  # Painless compiles scripts to bytecode in its own class loaders.
  cat >"$dist/modules/lang-painless/plugin-security.policy" <<'EOF'
grant {
  permission java.lang.RuntimePermission "createClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF

  # Language analyzers ("english", ...) and common token filters.
  mv "$stage/analysis-common" "$dist/modules/analysis-common"
  write_descriptor "$dist/modules/analysis-common" analysis-common \
    org.opensearch.analysis.common.CommonAnalysisModulePlugin \
    "Adds common text analysis components" lang-painless

  echo "$SIGNATURE" >"$dist/.ragfn-installed"
  mv "$dist" "$OS_HOME"
  rm -rf "$stage"
  trap - EXIT
  log "installed into $OS_HOME"
}

cmd_install() {
  take_lock
  if is_installed; then
    log "already installed in $OS_HOME"
  else
    do_install
  fi
  exec 9>&-
}

# Rewritten on every start so port/heap changes in the environment apply.
write_config() {
  cat >"$OS_HOME/config/opensearch.yml" <<EOF
# Generated by infra/opensearch.sh on every start; edits are lost.
cluster.name: ragfn
node.name: ragfn-node
network.host: 127.0.0.1
http.port: $PORT
discovery.type: single-node
path.data: $OS_HOME/data
path.logs: $OS_HOME/logs
# Dev/CI disks are often nearly full; don't let watermarks block allocation.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  printf -- '-Xms%s\n-Xmx%s\n' "$HEAP" "$HEAP" >"$OS_HOME/config/jvm.options.d/heap.options"
}

healthy() {
  curl -fsS --max-time 5 -o /dev/null "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null
}

# Pid of our OpenSearch JVM: from the pid file when it is alive and really
# OpenSearch (guards against a reused pid); else found by its path.home, which
# covers the seconds before the JVM writes the pid file.
server_pid() {
  local pid
  if pid_alive "$PID_FILE"; then
    pid=$(<"$PID_FILE")
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.opensearch.bootstrap.OpenSearch'; then
      echo "$pid"
      return 0
    fi
  fi
  pgrep -f -- "-Dopensearch.path.home=$OS_HOME " | head -n 1 | grep .
}

# HTTP port in the config of the last start (the one a running server uses).
configured_port() {
  sed -n 's/^http\.port: *//p' "$OS_HOME/config/opensearch.yml" 2>/dev/null
}

launch() {
  local jdk
  jdk=$(find_jdk 21 /usr/lib/jvm/temurin-25-jdk-amd64) || die "need a JDK >= 21 (set JAVA_HOME)"
  write_config
  mkdir -p "$OS_HOME/logs" "$OS_HOME/tmp"
  : >"$CONSOLE_LOG"
  rm -f "$PID_FILE"
  local -a cmd=(env OPENSEARCH_JAVA_HOME="$jdk" OPENSEARCH_TMPDIR="$OS_HOME/tmp"
    "$OS_HOME/bin/opensearch" -d -p "$PID_FILE")
  if ((EUID == 0)); then
    chown -R "$RUN_AS" "$OS_HOME"
    cmd=(runuser -u "$RUN_AS" -- "${cmd[@]}")
  fi
  log "starting OpenSearch on $URL with $jdk (log: $OS_HOME/logs)"
  # -d backgrounds the JVM but it inherits our fds: redirect them all, or a
  # caller's `$(... start)` never sees EOF. 9>&- keeps the JVM from holding our
  # start lock forever. setsid: don't die with the caller's process group.
  (cd "$OS_HOME" && setsid "${cmd[@]}" </dev/null >>"$CONSOLE_LOG" 2>&1 9>&-) \
    || return 1
}

# The JVM writes the pid file itself a moment after launch; stop waiting as
# soon as it is gone (a node that fails at startup exits).
wait_started() {
  local deadline=$((SECONDS + START_TIMEOUT))
  while [[ ! -s "$PID_FILE" ]]; do
    server_pid >/dev/null && ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
  wait_for_url "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" \
    $((deadline - SECONDS)) "$PID_FILE"
}

cmd_start() {
  local t0=$SECONDS pid
  take_lock
  is_installed || do_install
  if healthy; then
    log "reusing healthy server at $URL"
  else
    if pid=$(server_pid); then
      # Don't rewrite the config under a running node, nor kill it on timeout.
      [[ "$(configured_port)" == "$PORT" ]] \
        || die "OpenSearch pid $pid already runs on port $(configured_port) from $OS_HOME; stop it first"
      log "OpenSearch pid $pid running but not healthy yet; waiting"
    else
      launch || fail_start "launch failed"
    fi
    wait_started || fail_start "not healthy (it exited, or ${START_TIMEOUT}s passed)"
    log "healthy after $((SECONDS - t0))s"
  fi
  exec 9>&-
  echo "$URL"
}

fail_start() {
  log "$1; last log lines:"
  tail -n 40 "$CONSOLE_LOG" >&2 2>/dev/null || true
  stop_server
  exit 1
}

stop_server() {
  local pid
  if ! pid=$(server_pid); then
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 60); do # up to 30 s for a clean shutdown
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored TERM for 30s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  log "stopped OpenSearch pid $pid"
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
    echo "$URL"
    return 0
  fi
  log "not healthy at $URL"
  return 1
}

main() {
  case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: $0 install|start|stop|status" ;;
  esac
}

main "$@"
