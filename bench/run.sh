#!/usr/bin/env bash
# Read benchmark: builds the service, starts it on a fresh database, loads the news dataset through the API, and
# runs the workloads with wrk against Broadsheet and against nginx serving the same answers as static files (the
# ceiling), one after the other, RUNS times; prints the medians with Broadsheet's share of the ceiling.
#
# usage: bench/run.sh [ARTICLES]            default 20000
#        bench/run.sh --scale [ARTICLES]    then grows the database to SCALE_TO articles in SQL (default 1,000,000),
#                                           runs the workloads again and prints the hot queries' plans
# env:   RUNS=3 DURATION=10 (seconds per workload) CONNECTIONS=16 PORT=18181
#        JAVA_OPTS   the service's JVM options (default below), MALLOC_ARENA_MAX (default 2)
#        DATABASE    postgresql://user:password@host:port/db, an empty database to use instead of the embedded one
#        SKIP_CEILING=1   Broadsheet only (the ceiling needs nginx, fetched from Debian's archive as root)
# needs: java 17+, python3, curl, wrk (installed from Debian's archive when missing), psql for --scale
set -euo pipefail
cd "$(dirname "$0")/.."
scale=false
if [ "${1:-}" = "--scale" ]; then scale=true; shift; fi
articles=${1:-20000}
runs=${RUNS:-3}
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
port=${PORT:-18181}
scale_to=${SCALE_TO:-1000000}
# a small heap and few malloc arenas: the figures hold the service to a memory budget (see BENCHMARKS.md)
java_opts=${JAVA_OPTS:-"-Xmx128m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
token="bench-$RANDOM$RANDOM"
work=$PWD/target/bench
kit=$work/kit
rm -rf "$kit" "$work/postgres" "$work/results"
mkdir -p "$work/results"
cp -r bench/kit "$kit"
mkdir -p "$kit/broadsheet/run"
results=$work/results/all.txt
: >"$results"

if ! command -v wrk >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
fi
dataset=$work/ds-$articles
export DATASET_DIR=$dataset
[ -f "$dataset/.done" ] || { python3 "$kit/gen-dataset.py" "$dataset" --articles "$articles" >/dev/null && touch "$dataset/.done"; }
./mvnw -B -q package -DskipTests

db_port=$((port + 1))
db_env=(BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR="$work/postgres" BROADSHEET_EMBEDDED_POSTGRES_PORT="$db_port")
psql_url="postgresql://postgres@localhost:$db_port/postgres"
if [ -n "${DATABASE:-}" ]; then
  read -r jdbc user password < <(python3 -c '
import sys, urllib.parse as u
p = u.urlparse(sys.argv[1])
print(f"jdbc:postgresql://{p.hostname}:{p.port or 5432}{p.path}", u.unquote(p.username or ""), u.unquote(p.password or ""))' "$DATABASE")
  db_env=(QUARKUS_DATASOURCE_JDBC_URL="$jdbc" QUARKUS_DATASOURCE_USERNAME="$user" QUARKUS_DATASOURCE_PASSWORD="$password")
  psql_url=$DATABASE
fi

service=""
stop_service() {
  if [ -n "$service" ]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; service=""; fi
}
cleanup() {
  stop_service
  [ "${SKIP_CEILING:-}" = 1 ] || "$kit/ceiling/stop.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Starts the service; start_ms is then the time from the start of the JVM to its first answer of a list.
start_ms=0
start_service() {
  local started
  started=$(date +%s%N)
  env "${db_env[@]}" BROADSHEET_ADMIN_TOKEN="$token" QUARKUS_HTTP_PORT="$port" \
    java $java_opts -jar target/quarkus-app/quarkus-run.jar >>"$work/service.log" 2>&1 &
  service=$!
  echo "$service" >"$kit/broadsheet/run/service.pid"
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "localhost:$port/api/v1/articles?limit=1"; then
      start_ms=$((($(date +%s%N) - started) / 1000000))
      return
    fi
    kill -0 "$service" 2>/dev/null || { echo "the service did not start; see $work/service.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "the service did not answer within 30 s" >&2
  exit 1
}

: >"$work/service.log"
start_service
fresh_start_ms=$start_ms
while IFS= read -r section; do
  slug=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["slug"])' "$section")
  curl -sf -o /dev/null -X PUT "localhost:$port/api/v1/sections/$slug" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "$section"
done <"$dataset/sections.ndjson"
import_s=$(curl -sf -o "$work/import-report.json" -w '%{time_total}' -X POST "localhost:$port/api/v1/articles/import" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary "@$dataset/articles.ndjson")
echo "IMPORT $articles $import_s" >>"$results"
# the curated collections W7 reads: one per section
while IFS=$'\t' read -r collection body; do
  curl -sf -o /dev/null -X PUT "localhost:$port/api/v1/collections/$collection" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "$body"
done < <(python3 "$kit/lib/picks.py" "$dataset" collection-bodies)
# the figure users see after a deploy: a restart on existing data, JIT cold
stop_service
start_service
restart_ms=$start_ms
echo "START $fresh_start_ms $restart_ms" >>"$results"
# related articles are computed once per article and then answered from the response cache: what a first read costs
"$kit/broadsheet/requests.sh" W8 "$dataset" >"$work/related.paths"
head -200 "$work/related.paths" | while read -r path; do
  curl -sf -o /dev/null -w '%{time_total}\n' "localhost:$port$path"
done | python3 -c 'import statistics, sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print("UNCACHED W8", len(t), f"{statistics.median(t):.2f}", f"{t[int(len(t) * 0.99) - 1]:.2f}")' >>"$results"

if [ "${SKIP_CEILING:-}" != 1 ]; then
  "$kit/ceiling/setup.sh" "$dataset" >/dev/null
  # the same bytes as Broadsheet answers, not the kit's own rendering of the dataset
  python3 bench/mirror_answers.py "http://localhost:$port" "$dataset" "$kit" /opt/bench/ceiling/www >&2
  "$kit/ceiling/start.sh" >/dev/null
fi

# Broadsheet's extra workloads, printed as the kit's bench.sh prints its own:
#   W5    thousands of distinct two-word searches, so the response cache cannot carry them
#   R304  GETs of the W1-W3 paths with If-None-Match naming the current ETag, as a CDN revalidates
# and the kit's W1-W4 with W6 one author (15), W7 one curated collection of 20 articles (12), W8 the related articles
# of one article (the W3 slugs)
export WORKLOADS=${WORKLOADS:-"W1 W2 W3 W4 W6 W7 W8"}
# W5: a warm-up of 1,000 searches, then each run its own 5,000 (bench/workloads.py), so no run repeats another's
extra_workloads() { # NAME PORT RUN
  local name=$1 url="http://127.0.0.1:$2" run=$3 paths result
  paths=$(mktemp -d)
  if [ "$name" = broadsheet ]; then
    python3 bench/workloads.py "$dataset" W5 --from 0 --count 1000 >"$paths/warm"
    python3 bench/workloads.py "$dataset" W5 --from $((1000 + (run - 1) * 5000)) --count 5000 >"$paths/W5"
    [ "$run" = 1 ] && { wrk -t1 -c"$connections" -d3s --timeout 10s -s "$kit/lib/cycle.lua" "$url" -- "$paths/warm" >/dev/null 2>&1 || true; }
    wrk -t1 -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$kit/lib/cycle.lua" "$url" -- "$paths/W5" >"$paths/out" 2>&1 || true
    result=$(grep '^RESULT' "$paths/out" || true)
    if [ -z "$result" ]; then
      echo "$name W5 FAILED"
    else
      set -- $result
      echo "$name W5 $2 $3 $4 $5 $6 requests=$7 distinct=5000 repeats=$(($7 > 5000 ? $7 - 5000 : 0))"
    fi
  fi
  for w in W1 W2 W3; do "$kit/$name/requests.sh" "$w" "$dataset"; done >"$paths/reads"
  python3 bench/workloads.py "$url" R304 "$paths/reads" >"$paths/R304"
  wrk -t1 -c"$connections" -d3s --timeout 10s -s bench/revalidate.lua "$url" -- "$paths/R304" >/dev/null 2>&1 || true
  wrk -t1 -c"$connections" -d"${duration}s" --timeout 10s --latency -s bench/revalidate.lua "$url" -- "$paths/R304" >"$paths/out" 2>&1 || true
  result=$(grep '^RESULT' "$paths/out" || true)
  if [ -z "$result" ]; then
    echo "$name R304 FAILED"
  else
    set -- $result
    echo "$name R304 $2 $3 $4 $5 0"
  fi
  rm -rf "$paths"
}

measure() { # LABEL
  for run in $(seq 1 "$runs"); do
    echo "# $1 run $run of $runs" >&2
    if [ "${SKIP_CEILING:-}" != 1 ]; then
      "$kit/bench.sh" ceiling 18080 "$duration" "$connections" | tee -a "$work/results/$1.log" | grep -v '^#' | sed "s/^/$1 /" >>"$results" || true
      extra_workloads ceiling 18080 "$run" | sed "s/^/$1 /" >>"$results"
    fi
    "$kit/bench.sh" broadsheet "$port" "$duration" "$connections" | tee -a "$work/results/$1.log" | grep -v '^#' | sed "s/^/$1 /" >>"$results"
    extra_workloads broadsheet "$port" "$run" | sed "s/^/$1 /" >>"$results"
    # the service's memory with its embedded PostgreSQL's (pg_ctl detaches the postmaster from the service)
    pg_kib=0
    postmaster_pid_file=$(find "$work/postgres" -name postmaster.pid 2>/dev/null | head -1)
    if [ -n "$postmaster_pid_file" ]; then
      for p in $(head -1 "$postmaster_pid_file") $(pgrep -P "$(head -1 "$postmaster_pid_file")" || true); do
        # PSS: the shared buffers every process maps are counted once, split between them
        pg_kib=$((pg_kib + $(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
      done
    fi
    echo "RSS $1 $(awk '/^VmRSS/{print $2}' "/proc/$service/status") $(awk '/^VmHWM/{print $2}' "/proc/$service/status") $pg_kib" >>"$results"
  done
}

measure "$articles"
if $scale; then
  echo "# growing the database to $scale_to articles in SQL" >&2
  python3 bench/scale.py "$psql_url" "$scale_to" >"$work/results/plans.txt"
  measure "$scale_to"
fi
python3 bench/table.py "$results" "$java_opts"
if $scale; then cat "$work/results/plans.txt"; fi
