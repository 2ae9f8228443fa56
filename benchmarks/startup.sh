#!/usr/bin/env bash
# Time from process start to the first successful answer, and resident memory after more
# requests, for each function packaged for Knative (JVM mode, functions/*/target/quarkus-app).
# Each function gets a real request: ingest a document, embed its chunks, retrieve, chat, shield,
# convert a repository, summarize (Prometheus unreachable: the summary says so), list the
# knowledge bases through the management API.
# A function whose package has no embedded store or index (summarize, api, ingest, embed, retrieve)
# uses the DynamoDB-protocol server and OpenSearch instead, as on Knative: DYNAMODB_URL (default
# http://127.0.0.1:8000, infra/dynamodb.sh) and OPENSEARCH_URL (default http://127.0.0.1:9200).
# Runs each jar with the JVM options the Knative Services set (JAVA_TOOL_OPTIONS, see
# tools/deploy's KnativeManifests); JVM_OPTS replaces them, e.g. JVM_OPTS=" " for the JVM defaults.
#
# VARIANTS runs several ways of starting the same jar side by side, in turns, so that they are
# compared under the same load (default: baseline):
#   baseline  the jar as it is
#   appcds    a dynamic class-data-sharing archive (-XX:SharedArchiveFile; any JDK >= 13, so 21 too)
#   aot       the JDK's ahead-of-time cache (-XX:AOTCache; JDK >= 25)
#   vector    the jar with --add-modules=jdk.incubator.vector, as the bundle runs for the embedded
#             index (with C2 off, as here, Lucene does not use it)
# appcds and aot are trained first by one run of the same requests (the archive is written when
# the trained process exits). REPEAT starts each variant that many times (default 3) and the table
# shows the median and the range; REQUESTS is the number of requests after the first (default 100).
# PORT is the port the functions listen on (default 18080; another port lets two runs share a machine).
# APP_DIR_ROOT runs another build: the directory holding <function>/quarkus-app (a copy of each
# functions/<function>/target/quarkus-app), to compare builds under the same load one run after the other.
# Usage: ./mvnw -q package -DskipTests && VARIANTS="baseline appcds aot" bash benchmarks/startup.sh [function...]
# (embed answers the chunks that ingest answered: list ingest before it)
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/lib.sh
LOG_PREFIX=startup
JAVA_HOME=$(find_jdk 21) || die "no JDK >= 21 found"
java="$JAVA_HOME/bin/java"
jdk_major=$(java_major "$JAVA_HOME")
work=$(mktemp -d /tmp/ragfn-startup.XXXXXX)
run_id=$(basename "$work" | cut -d. -f2 | tr "[:upper:]" "[:lower:]")   # OpenSearch index names are lowercase
pid=""
trap '[[ -z $pid ]] || kill $pid 2>/dev/null; rm -rf "$work"' EXIT
port=${PORT:-18080}
read -ra jvm_options <<< "${JVM_OPTS-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1"}"
read -ra variants <<< "${VARIANTS:-baseline}"
repeat=${REPEAT:-3}
requests=${REQUESTS:-100}
functions=("$@")
((${#functions[@]})) || functions=(shield summarize convert api retrieve chat-turn ingest embed)
for variant in "${variants[@]}"; do
  case $variant in
    baseline|appcds|vector) ;;
    aot) ((jdk_major >= 25)) || die "the aot variant needs JDK >= 25 (JAVA_HOME=$JAVA_HOME is $jdk_major)" ;;
    *) die "unknown variant $variant (baseline, appcds, aot, vector)" ;;
  esac
done

now_ms() { date +%s%3N; }

# The packaged application of function $1.
app_dir() { if [[ -n ${APP_DIR_ROOT:-} ]]; then echo "$APP_DIR_ROOT/$1/quarkus-app"; else echo "functions/$1/target/quarkus-app"; fi; }

# One request as the platform sends it; prints the HTTP status (the body goes to $work/answer, ingest's to
# $work/ingest.out).
request() {
  local fn=$1 url="http://127.0.0.1:$port"
  case $fn in
    ingest) curl -s -o "$work/ingest.out" -D "$work/ingest.headers" -w '%{http_code}' "$url/" \
        -H 'content-type: application/json' -H 'ce-specversion: 1.0' -H "ce-id: $RANDOM$RANDOM" \
        -H 'ce-source: /bench' -H 'ce-type: dev.ragfn.document.submitted' -H 'ce-tenant: bench' \
        -H 'ce-knowledgebase: startup' \
        -d "{\"documentId\":\"doc-$RANDOM$RANDOM\",\"text\":\"# Runbook\\n\\nRotate the credential after every incident. Page the owner.\",\"contentType\":\"text/markdown\"}" ;;
    embed) curl -s -o "$work/answer" -w '%{http_code}' "$url/" -H 'content-type: application/json' \
        -H 'ce-specversion: 1.0' -H "ce-id: $RANDOM$RANDOM" -H 'ce-source: /bench' \
        -H 'ce-type: dev.ragfn.chunks.ready' -H 'ce-tenant: bench' -H 'ce-knowledgebase: startup' \
        -d @"$work/chunks-ready.json" ;;
    retrieve) curl -s -o "$work/answer" -w '%{http_code}' "$url/retrieve" -H 'content-type: application/json' \
        -d '{"query":"how do I rotate a credential?","tenant":"bench","knowledgeBases":["startup"]}' ;;
    chat-turn) curl -s -o "$work/answer" -w '%{http_code}' "$url/chat" -H 'content-type: application/json' \
        -d '{"tenant":"bench","knowledgeBases":["startup"],"message":"How do I rotate a credential?"}' ;;
    shield) curl -s -o "$work/answer" -w '%{http_code}' "$url/shield" -H 'content-type: application/json' \
        -d '{"text":"mail me at bob@example.com, card 4111 1111 1111 1111","direction":"INPUT","tenant":"bench"}' ;;
    convert) curl -s -o "$work/answer" -w '%{http_code}' "$url/convert" -H 'content-type: application/json' \
        -d "{\"source\":\"$PWD/functions/convert/src/test/resources/repos/quarkus-app\",\"name\":\"bench-$RANDOM$RANDOM\"}" ;;
    summarize) curl -s -o "$work/answer" -w '%{http_code}' "$url/summarize" -H 'content-type: application/json' \
        -d '{"duration":"PT1H"}' ;;
    api) curl -s -o "$work/answer" -w '%{http_code}' "$url/api/knowledge-bases?tenant=bench" ;;
  esac
}

# The JVM options that select a variant's archive (none for baseline).
variant_options() {
  local fn=$1 variant=$2
  case $variant in
    baseline) ;;
    appcds) echo "-XX:SharedArchiveFile=$work/$fn.jsa" ;;
    aot) echo "-XX:AOTCache=$work/$fn.aot" ;;
  esac
}

# The JVM options of a variant's training run, which writes the archive when the process exits.
training_options() {
  local fn=$1 variant=$2
  case $variant in
    appcds) echo "-XX:ArchiveClassesAtExit=$work/$fn.jsa" ;;
    aot) echo "-XX:AOTCacheOutput=$work/$fn.aot" ;;
  esac
}

# CPU time (user and system, all threads) the process has used so far, in ms: unlike the time to the
# first answer it hardly grows with the load of other processes on a shared machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

# Classes the JVM has loaded so far (from its archive or from jars), or ? when its performance counters are off.
classes_loaded() {
  "$JAVA_HOME/bin/jcmd" "$1" PerfCounter.print 2>/dev/null \
    | awk -F= '/^java.cls.loadedClasses=|^java.cls.sharedLoadedClasses=/ {n += $2; found = 1} END {print found ? n : "?"}'
}

# Gives up on function $1: its log and last answer are kept (the work directory goes at exit).
give_up() {
  local fn=$1 why=$2 kept="/tmp/ragfn-startup-$fn.log"
  cp "$work/$fn.log" "$kept" 2>/dev/null || true
  [[ -z $pid ]] || kill $pid 2>/dev/null || true
  die "$fn $why (last status ${3:-none}, answer: $(head -c 300 "$work/answer" 2>/dev/null)); its log: $kept"
}

# Starts function $1's jar as variant $3 with any further JVM options, waits for the first successful
# answer, sends $2 more requests; prints "<ms to first answer> <RSS MiB> <successful> <CPU ms to first answer>
# <classes loaded by then>".
run() {
  local fn=$1 more=$2 variant=$3 app; app=$(app_dir "$1")
  local jar="$app/quarkus-run.jar"
  shift 3
  local vector=()
  [[ $variant != vector ]] || vector=(--add-modules=jdk.incubator.vector)
  # A package without the embedded store or index (since shared/ was split into modules) runs as on
  # Knative: DynamoDB protocol (dynalite) and OpenSearch, local servers, names of this run's own.
  local backends=()
  ls "$app"/lib/main/*ragfn-store-embedded-* &>/dev/null \
    || backends+=(RAGFN_STORE=dynamodb RAGFN_DYNAMODB_ENDPOINT="${DYNAMODB_URL:-http://127.0.0.1:8000}" \
      RAGFN_DYNAMODB_CREATE_TABLES=true RAGFN_DYNAMODB_TABLE_PREFIX="startup-$run_id-")
  ls "$app"/lib/main/*ragfn-index-lucene-* &>/dev/null \
    || backends+=(RAGFN_INDEX=opensearch RAGFN_OPENSEARCH_URL="${OPENSEARCH_URL:-http://127.0.0.1:9200}" \
      RAGFN_OPENSEARCH_INDEX_NAME="startup-$run_id")
  local started; started=$(now_ms)
  env "${backends[@]}" RAGFN_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
    RAGFN_CONVERT_ALLOW_LOCAL_SOURCES=true RAGFN_CONVERT_OUTPUT_DIR="$work/patterns" \
    RAGFN_SUMMARIZE_PROMETHEUS_URL=http://127.0.0.1:9 RAGFN_API_BROKER_URL=http://127.0.0.1:9 \
    "$java" "${jvm_options[@]}" "${vector[@]}" "$@" -jar "$jar" >"$work/$fn.log" 2>&1 &
  pid=$!
  local first="" cpu="" status=""
  : > "$work/answer"
  for _ in $(seq 1 3000); do
    status=$(request "$fn" 2>/dev/null || true)
    if [[ $status == 200 || $status == 204 ]]; then first=$(( $(now_ms) - started )); cpu=$(cpu_ms $pid); break; fi
    kill -0 $pid 2>/dev/null || { tail -20 "$work/$fn.log" >&2; pid=""; give_up "$fn" "exited" "$status"; }
    sleep 0.02
  done
  # A function that answers, but never with success, is reported with its answer (an error body names the cause).
  [[ -n $first ]] || give_up "$fn" "gave no successful answer" "$status"
  local classes; classes=$(classes_loaded $pid)
  if [[ $fn == ingest ]]; then
    # embed's request: the chunks.ready that ingest answered.
    cp "$work/ingest.out" "$work/chunks-ready.json"
  fi
  local ok=0
  for _ in $(seq 1 "$more"); do
    [[ $(request "$fn") =~ ^20[04]$ ]] && ok=$((ok + 1))
  done
  local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
  # SIGTERM: a normal exit, at which a training run writes its archive.
  kill $pid; wait $pid 2>/dev/null || true
  pid=""
  echo "$first $rss $ok $cpu $classes"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

echo "JDK: $("$java" -version 2>&1 | head -1); JVM options: ${jvm_options[*]}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| function | variant | start to first successful answer (median of $repeat) | range | vs baseline | CPU time to it | vs baseline | classes loaded by then | RSS after $requests more requests | successful |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for fn in "${functions[@]}"; do
  [[ -f $(app_dir "$fn")/quarkus-run.jar ]] \
    || die "$(app_dir "$fn") is missing: run ./mvnw -q package -DskipTests first"
  for variant in "${variants[@]}"; do
    case $variant in
      appcds|aot) read -ra training <<< "$(training_options "$fn" "$variant")"
        run "$fn" 20 "$variant" "${training[@]}" > /dev/null ;;
    esac
    : > "$work/$fn.$variant.runs"
  done
  # In turns (baseline, appcds, aot, baseline, ...) so that a burst of load hits every variant.
  for ((i = 0; i < repeat; i++)); do
    for variant in "${variants[@]}"; do
      read -ra options <<< "$(variant_options "$fn" "$variant")"
      run "$fn" "$requests" "$variant" "${options[@]}" >> "$work/$fn.$variant.runs"
    done
  done
  base="" base_cpu=""
  for variant in "${variants[@]}"; do
    runs="$work/$fn.$variant.runs"
    first=$(cut -d' ' -f1 "$runs" | median)
    cpu=$(cut -d' ' -f4 "$runs" | median)
    [[ -n $base ]] || { base=$first; base_cpu=$cpu; }
    printf '| %s | %s | %d ms | %d-%d ms | %.2f | %d ms | %.2f | %s | %s MiB | %s/%d |\n' "$fn" "$variant" "$first" \
      "$(cut -d' ' -f1 "$runs" | sort -n | head -1)" "$(cut -d' ' -f1 "$runs" | sort -n | tail -1)" \
      "$(echo "$first $base" | awk '{print $1 / $2}')" "$cpu" "$(echo "$cpu $base_cpu" | awk '{print $1 / $2}')" \
      "$(cut -d' ' -f5 "$runs" | median)" \
      "$(cut -d' ' -f2 "$runs" | median)" "$(cut -d' ' -f3 "$runs" | sort -n | head -1)" "$requests"
  done
done
echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
