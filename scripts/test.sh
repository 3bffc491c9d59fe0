#!/usr/bin/env bash
# Runs every test layer, stopping at the first that fails, and ends with one line totalling them:
#   1. cargo fmt --check and clippy, native and wasm32
#   2. native cargo test: logic and the content files
#   3. browser tests: wasm-bindgen-test in headless Chromium
#   4. end-to-end: Playwright against the release build served by nginx
# Expects the tools from scripts/setup.sh test.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

passed=0
failed=0
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

layer() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
finish() {
  echo
  echo "$passed passed, $failed failed"
  exit "$1"
}
# Adds up cargo's "test result: ... N passed; M failed" lines from a log.
count_cargo() {
  local p f
  p=$(grep -o '[0-9]* passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -o '[0-9]* failed' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}

layer "format and lints"
cargo fmt --check || { failed=$((failed + 1)); finish 1; }
# Natively the whole workspace (the app as the publisher renders it, with `ssr`); in the browser
# the app alone, as trunk builds it, with `hydrate`.
cargo clippy --workspace --all-targets --quiet -- -D warnings || { failed=$((failed + 1)); finish 1; }
cargo clippy -p tintuc --features hydrate --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings || { failed=$((failed + 1)); finish 1; }

layer "native tests"
cargo test --workspace 2>&1 | tee "$log/native"
status=${PIPESTATUS[0]}
count_cargo "$log/native"
[ "$status" -eq 0 ] || finish 1

layer "browser tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p tintuc --features hydrate --target wasm32-unknown-unknown --test web 2>&1 | tee "$log/browser"
status=${PIPESTATUS[0]}
count_cargo "$log/browser"
[ "$status" -eq 0 ] || finish 1

# The site under /tin/ is built to report hydration errors: the hosting and hydration tests run
# against it as well as against the release exactly as shipped, at the root.
layer "release builds: at the root, and under /tin/ (with hydration errors reported)"
scripts/build.sh dist / && TEST_BUILD=1 scripts/build.sh dist-sub /tin/ || { failed=$((failed + 1)); finish 1; }

layer "end-to-end tests (Playwright, nginx)"
scripts/e2e.sh 2>&1 | tee "$log/e2e"
status=${PIPESTATUS[0]}
p=$(awk '/^# pass /{print $3}' "$log/e2e" | tail -1)
f=$(awk '/^# fail /{print $3}' "$log/e2e" | tail -1)
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
if [ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
[ "$status" -eq 0 ] || finish 1

finish 0
