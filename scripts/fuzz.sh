#!/usr/bin/env bash
# The fuzz targets of both crates (tests/fuzz.rs, publisher/tests/fuzz.rs) for MINUTES minutes in
# all (default 10), each for its share, with overflow checks on. Prints each target's cases and
# keeps the report in bench/out/fuzz.txt.
# Usage: scripts/fuzz.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
threads=$(nproc)
run=(cargo test --profile fuzz -p tintuc -p tintuc-publisher --test fuzz)
"${run[@]}" --no-run
targets=$("${run[@]}" -- --list 2>/dev/null | grep -c ': test$')
# Targets run $threads at a time: each gets the time that makes the whole run last MINUTES.
seconds=$(( (minutes * 60 * threads + targets - 1) / targets ))
mkdir -p bench/out
{
  echo "# make fuzz: $targets targets, $seconds s each, $threads at a time ($(date -u +%F))"
  FUZZ_SECONDS=$seconds "${run[@]}" -- --nocapture --test-threads="$threads" 2>&1 \
    | grep -E '^fuzz |^test result|panicked|minimal failing'
} | tee bench/out/fuzz.txt
! grep -qE '^test result: FAILED|panicked' bench/out/fuzz.txt
