#!/usr/bin/env bash
# Import benchmark: builds the service, starts it on a fresh embedded PostgreSQL, loads the sections of the
# shared news dataset, then times POST /api/v1/articles/import three ways and prints articles per second:
#   cold      the first import into a freshly started service (JIT not yet warm)
#   reimport  the same file again (every line unchanged)
#   warm      a second, different dataset of the same size into the now warm service
# usage: bench/import.sh [ARTICLES]        (default 20000; needs python3 and curl)
#        GEN=/path/to/gen-dataset.py bench/import.sh   (default bench/kit/gen-dataset.py)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-20000}
gen=${GEN:-bench/kit/gen-dataset.py}
port=${PORT:-18181}
# a heap smaller than the file shows that the import streams
heap=${HEAP:-256m}
work=$(mktemp -d)
token="bench-$RANDOM$RANDOM"

python3 "$gen" "$work/first" --articles "$articles" >/dev/null
python3 "$gen" "$work/second" --articles "$articles" --seed 7 >/dev/null
./mvnw -B -q package -DskipTests

BROADSHEET_ADMIN_TOKEN="$token" QUARKUS_HTTP_PORT="$port" BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR="$work/postgres" \
  java "-Xmx$heap" -jar target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$port/q/health/ready" >/dev/null && break
  sleep 0.5
done

while IFS= read -r section; do
  slug=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["slug"])' "$section")
  curl -sf -o /dev/null -X PUT "localhost:$port/api/v1/sections/$slug" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "$section"
done <"$work/first/sections.ndjson"

run() { # name file
  local seconds report
  report=$(curl -sf -X POST "localhost:$port/api/v1/articles/import" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/x-ndjson' --data-binary "@$2" -w '\n%{time_total}')
  seconds=$(tail -n1 <<<"$report")
  python3 - "$1" "$articles" "$seconds" "$(head -n1 <<<"$report")" <<'PY'
import json, sys
name, n, s, report = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
print(f"{name:9} {n:7d} articles {s:7.2f} s {n / s:8.0f} articles/s  created={report['created']} "
      f"updated={report['updated']} unchanged={report['unchanged']} rejected={len(report['rejected'])}")
PY
}
echo "import of $articles articles ($(du -h "$work/first/articles.ndjson" | cut -f1)), heap $heap, $(nproc) cores, $(java -version 2>&1 | head -n1)"
run cold "$work/first/articles.ndjson"
run reimport "$work/first/articles.ndjson"
run warm "$work/second/articles.ndjson"
echo "service RSS after the imports: $(( $(ps -o rss= -p $service) / 1024 )) MiB"
