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
