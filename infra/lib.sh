# Small generic helpers for the infra/*.sh service scripts. Source it; it does
# not change shell options. Callers may set LOG_PREFIX (default: script name).
# Convention: stdout is reserved for the one result line (e.g. a URL), so every
# message here goes to stderr.

log() { echo "${LOG_PREFIX:-$(basename "$0")}: $*" >&2; }
die() { log "$*"; exit 1; }

# Major version of the JDK at $1 (e.g. 17, 21, 25), or fail if it has no java.
java_major() {
  local version
  [[ -x "$1/bin/java" ]] || return 1
  # First line looks like: openjdk version "25.0.1" 2025-10-21  (or "1.8.0_x")
  version=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  version=${version#1.}
  [[ "${version%%[.+-]*}" =~ ^[0-9]+$ ]] || return 1
  echo "${version%%[.+-]*}"
}

# Print the home of a JDK whose major version is >= $1. Tries JAVA_HOME, then
# any extra candidate dirs given as further arguments, then /usr/lib/jvm/*.
find_jdk() {
  local min="$1" home major
  shift
  for home in "${JAVA_HOME:-}" "$@" /usr/lib/jvm/*; do
    [[ -n "$home" && -d "$home" ]] || continue
    major=$(java_major "$home" 2>/dev/null) || continue
    if ((major >= min)); then
      echo "$home"
      return 0
    fi
  done
  return 1
}

# True when `kill -0` works on the pid stored in file $1.
pid_alive() {
  local pid
  [[ -s "$1" ]] || return 1
  pid=$(<"$1")
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# Poll URL $1 until curl gets a 2xx, for at most $2 seconds. If pid file $3 is
# given, give up as soon as that process is gone (no point waiting for a corpse).
wait_for_url() {
  local url="$1" timeout="$2" pidfile="${3:-}" deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    curl -fsS --max-time 5 -o /dev/null "$url" 2>/dev/null && return 0
    if [[ -n "$pidfile" ]] && ! pid_alive "$pidfile"; then
      return 1
    fi
    sleep 1
  done
  return 1
}

# Serialises install/start across concurrent callers (parallel test JVMs) on fd 9,
# with lock file $1. Close it with `exec 9>&-`; a server must be started with 9>&-.
take_lock() {
  mkdir -p "$(dirname "$1")"
  exec 9>"$1"
  flock 9
}

# Sends TERM to pid $1, then KILL if it is still there after $2 seconds.
terminate() {
  local pid="$1" seconds="$2" i
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq $((seconds * 5))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored TERM for ${seconds}s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

# A server fetched with ./mvnw is assembled in a staging dir beside its home and
# renamed into place at the end, so the home either is a complete install or does
# not exist. The home's marker file ($home/.ragfn-installed) holds the signature of
# what was installed: an outdated install is redone, a tree without it never deleted.

# The install command of a script that defines is_installed and do_install: installs
# into home $2 under lock file $1, unless it is installed already.
install_once() {
  take_lock "$1"
  if is_installed; then
    log "already installed in $2"
  else
    do_install
  fi
  exec 9>&-
}

# True when home $1 holds a complete install of signature $2.
installed_as() { [[ -f "$1/.ragfn-installed" && "$(<"$1/.ragfn-installed")" == "$2" ]]; }

# Clears home $1 of an outdated install (stopping its server with the caller's
# stop_server) and makes STAGE, a staging dir removed on exit until finish_install.
# $2 names the variable that chose the home; $3, if given, is said when replacing.
begin_install() {
  local home="$1" marker="$1/.ragfn-installed"
  if [[ -e "$home" ]]; then
    [[ -f "$marker" ]] || die "$home exists but is not our install; remove it or set $2"
    log "install in $home is outdated ($(<"$marker")); replacing it${3:+ ($3)}"
    stop_server
    rm -rf "$home"
  fi
  STAGE=$(mktemp -d "$home.stage.XXXXXX")
  # shellcheck disable=SC2064  # expand $STAGE now
  trap "rm -rf '$STAGE'" EXIT
}

# Runs the fetch pom $1 (relative to the repository) with ./mvnw, which unpacks into
# STAGE; further arguments go to Maven.
fetch_into_stage() {
  local pom="$1"
  shift
  # overWrite*: re-runs into an existing dir must not be skipped as up to date.
  (cd "$(dirname "${BASH_SOURCE[0]}")/.." && ./mvnw -B -q -f "$pom" generate-resources \
    -Dstage.dir="$STAGE" "$@" \
    -Dmdep.overWriteReleases=true -Dmdep.overWriteSnapshots=true) >&2 \
    || die "maven fetch failed"
}

# Marks the assembled dir $1 with signature $3 and moves it into place as home $2.
finish_install() {
  echo "$3" >"$1/.ragfn-installed"
  mv "$1" "$2"
  rm -rf "$STAGE"
  trap - EXIT
  log "installed into $2"
}
