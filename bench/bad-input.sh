#!/usr/bin/env bash
# The generated bad-input suite at full size: 10,000 malformed or hostile requests across every operation of the
# OpenAPI document (CI runs 1,500 of them). Prints the count of answers per status class; any 5xx, any error that
# is not problem+json, or any changed table count fails it. BAD_INPUT_SEED=N replays a run.
# usage: bench/bad-input.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -DskipITs -Dtest=BadInputTest -Dbad-input.requests="${1:-10000}" \
  ${BAD_INPUT_SEED:+-Dbad-input.seed=$BAD_INPUT_SEED} | grep -E '^bad input:|FAIL|ERROR' || true
