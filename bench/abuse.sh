#!/usr/bin/env bash
# Abuse benchmark (issue 19): builds the jar, starts it with the heap the README recommends (-Xmx256m) on a fresh
# embedded database with sample content, and runs bench/abuse.py against it: each attack, what the attacker got, and
# how normal reads fared meanwhile. Ends with the service's exit status (it must still be running) and its 5xx count.
# usage: bench/abuse.sh [abuse.py options, e.g. --only 9,10 --hold 30]
# env:   PORT=18281 JAVA_OPTS (default -Xmx256m -XX:+ExitOnOutOfMemoryError)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18281}
java_opts=${JAVA_OPTS:-"-Xmx256m -XX:+ExitOnOutOfMemoryError"}
token="abuse-$RANDOM$RANDOM"
work=$PWD/target/abuse
mkdir -p "$work"
[ -f target/quarkus-app/quarkus-run.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -B -q package -DskipTests

# a clean database each run; one left running by a killed service is stopped first
BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR="$work/postgres" BROADSHEET_EMBEDDED_POSTGRES_CLEAN=true \
  BROADSHEET_EMBEDDED_POSTGRES_PORT=$((port + 1)) \
  BROADSHEET_ADMIN_TOKEN="$token" BROADSHEET_SAMPLE_CONTENT_ENABLED=true QUARKUS_HTTP_PORT="$port" \
  java $java_opts -jar target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "localhost:$port/q/health/ready" && break
  kill -0 "$service" 2>/dev/null || { echo "the service did not start; see $work/service.log" >&2; exit 1; }
  sleep 0.1
done
python3 bench/abuse.py "http://localhost:$port" "$token" "$@"
if kill -0 "$service" 2>/dev/null; then echo "service: still running"; else echo "service: DIED"; fi
echo "service: $(grep -c 'Unexpected error' "$work/service.log" || true) unexpected errors (500) logged; log in $work/service.log"
