#!/usr/bin/env bash
# Time from process start to the first successful answer, and resident memory after 100 more
# requests, for each function packaged for Knative (JVM mode, functions/*/target/quarkus-app).
# Each function gets a real request: ingest a document, embed its chunks, retrieve, chat, shield,
# convert a repository, summarize (Prometheus unreachable: the summary says so).
# Runs each jar with the JVM options the Knative Services set (JAVA_TOOL_OPTIONS, see
# tools/deploy's KnativeManifests); JVM_OPTS replaces them, e.g. JVM_OPTS=" " for the JVM defaults.
# Usage: ./mvnw -q install -DskipTests && bash benchmarks/startup.sh [function...]
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/lib.sh
LOG_PREFIX=startup
JAVA_HOME=$(find_jdk 21) || die "no JDK >= 21 found"
java="$JAVA_HOME/bin/java"
work=$(mktemp -d /tmp/ragfn-startup.XXXXXX)
port=18080
read -ra jvm_options <<< "${JVM_OPTS-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1"}"
functions=("$@")
((${#functions[@]})) || functions=(shield summarize convert retrieve chat-turn ingest embed)

now_ms() { date +%s%3N; }

# One request as the platform sends it; prints the HTTP status.
request() {
  local fn=$1 url="http://127.0.0.1:$port"
  case $fn in
    ingest) curl -s -o "$work/ingest.out" -D "$work/ingest.headers" -w '%{http_code}' "$url/" \
        -H 'content-type: application/json' -H 'ce-specversion: 1.0' -H "ce-id: $RANDOM$RANDOM" \
        -H 'ce-source: /bench' -H 'ce-type: dev.ragfn.document.submitted' -H 'ce-tenant: bench' \
        -H 'ce-knowledgebase: startup' \
        -d "{\"documentId\":\"doc-$RANDOM$RANDOM\",\"text\":\"# Runbook\\n\\nRotate the credential after every incident. Page the owner.\",\"contentType\":\"text/markdown\"}" ;;
    embed) curl -s -o /dev/null -w '%{http_code}' "$url/" -H 'content-type: application/json' \
        -H 'ce-specversion: 1.0' -H "ce-id: $RANDOM$RANDOM" -H 'ce-source: /bench' \
        -H 'ce-type: dev.ragfn.chunks.ready' -H 'ce-tenant: bench' -H 'ce-knowledgebase: startup' \
        -d @"$work/chunks-ready.json" ;;
    retrieve) curl -s -o /dev/null -w '%{http_code}' "$url/retrieve" -H 'content-type: application/json' \
        -d '{"query":"how do I rotate a credential?","tenant":"bench","knowledgeBases":["startup"]}' ;;
    chat-turn) curl -s -o /dev/null -w '%{http_code}' "$url/chat" -H 'content-type: application/json' \
        -d '{"tenant":"bench","knowledgeBases":["startup"],"message":"How do I rotate a credential?"}' ;;
    shield) curl -s -o /dev/null -w '%{http_code}' "$url/shield" -H 'content-type: application/json' \
        -d '{"text":"mail me at bob@example.com, card 4111 1111 1111 1111","direction":"INPUT","tenant":"bench"}' ;;
    convert) curl -s -o /dev/null -w '%{http_code}' "$url/convert" -H 'content-type: application/json' \
        -d "{\"source\":\"$PWD/functions/convert/src/test/resources/repos/quarkus-app\",\"name\":\"bench-$RANDOM$RANDOM\"}" ;;
    summarize) curl -s -o /dev/null -w '%{http_code}' "$url/summarize" -H 'content-type: application/json' \
        -d '{"duration":"PT1H"}' ;;
  esac
}

measure() {
  local fn=$1 jar="functions/$1/target/quarkus-app/quarkus-run.jar"
  [[ -f $jar ]] || die "$jar is missing: run ./mvnw -q install -DskipTests first"
  local started; started=$(now_ms)
  RAGFN_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
    RAGFN_CONVERT_ALLOW_LOCAL_SOURCES=true RAGFN_CONVERT_OUTPUT_DIR="$work/patterns" \
    RAGFN_SUMMARIZE_PROMETHEUS_URL=http://127.0.0.1:9 \
    "$java" "${jvm_options[@]}" --add-modules jdk.incubator.vector -jar "$jar" >"$work/$fn.log" 2>&1 &
  local pid=$! first=""
  for _ in $(seq 1 3000); do
    local status; status=$(request "$fn" 2>/dev/null || true)
    if [[ $status == 200 || $status == 204 ]]; then first=$(( $(now_ms) - started )); break; fi
    kill -0 $pid 2>/dev/null || { tail -20 "$work/$fn.log" >&2; die "$fn exited"; }
    sleep 0.02
  done
  [[ -n $first ]] || die "$fn gave no successful answer in 60 s (log: $work/$fn.log)"
  if [[ $fn == ingest ]]; then
    # embed's request: the chunks.ready that ingest answered.
    cp "$work/ingest.out" "$work/chunks-ready.json"
  fi
  local ok=0
  for _ in $(seq 1 100); do
    [[ $(request "$fn") =~ ^20[04]$ ]] && ok=$((ok + 1))
  done
  local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  printf '| %s | %d ms | %s MiB | %d/100 |\n' "$fn" "$first" "$rss" "$ok"
}

echo "| function | start to first successful answer | RSS after 100 more requests | successful |"
echo "|---|---|---|---|"
for fn in "${functions[@]}"; do
  measure "$fn"
done
rm -rf "$work"
