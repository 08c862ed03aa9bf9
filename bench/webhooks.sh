#!/usr/bin/env bash
# Webhook delivery benchmark: builds the service, starts it on a fresh embedded PostgreSQL (or DATABASE), loads the
# sections of the shared news dataset, and runs bench/webhooks.py: commit-to-delivery lag of a burst of concurrent
# writes, and delivery throughput behind an NDJSON import, to a fast receiver on this machine.
# usage: bench/webhooks.sh [BURST] [IMPORT]     defaults 1000 and 10000; needs python3 and curl
set -euo pipefail
cd "$(dirname "$0")/.."
burst=${1:-1000}
imported=${2:-10000}
port=${PORT:-18181}
java_opts=${JAVA_OPTS:-"-Xmx128m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m"}
work=$(mktemp -d)
token="bench-$RANDOM$RANDOM"

python3 bench/kit/gen-dataset.py "$work/data" --articles $((burst + imported)) >/dev/null
./mvnw -B -q package -DskipTests

# the receiver listens on 127.0.0.1: allowed here, refused by default
BROADSHEET_ADMIN_TOKEN="$token" QUARKUS_HTTP_PORT="$port" BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR="$work/postgres" \
BROADSHEET_WEBHOOKS_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" BROADSHEET_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
  java $java_opts -jar target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
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
done <"$work/data/sections.ndjson"

echo "webhook deliveries to a receiver on this machine, $(nproc) cores, $(java -version 2>&1 | head -n1), service $java_opts"
python3 bench/webhooks.py "http://localhost:$port" "$token" "$work/data" "$burst" "$imported"
echo "service RSS after: $(( $(ps -o rss= -p $service) / 1024 )) MiB (the embedded PostgreSQL not included)"
