#!/usr/bin/env bash
# The generated bad-input suite at full size: 10,000 malformed or hostile requests across every operation of the
# OpenAPI document (CI runs 1,500 of them). Prints the count of answers per status class; any 5xx, any error that
# is not problem+json, or any changed table count fails it, and then this script exits with the suite's status.
# BAD_INPUT_SEED=N replays a run.
# usage: bench/bad-input.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
./mvnw -B -q verify -DskipITs -Dtest=BadInputTest -Dbad-input.requests="${1:-10000}" \
  ${BAD_INPUT_SEED:+-Dbad-input.seed=$BAD_INPUT_SEED} > "$log" 2>&1 || status=$?
grep -E '^bad input:|FAIL|ERROR' "$log" || true
if [ "$status" -ne 0 ]; then
  echo "bad-input suite FAILED (Maven exit $status); the whole output: re-run, or see target/surefire-reports" >&2
fi
exit "$status"
