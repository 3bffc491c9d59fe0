#!/usr/bin/env bash
# Installs what tintuc needs, skipping whatever is already there at the pinned version.
#   scripts/setup.sh serve   the build tools: wasm32 target, trunk, wasm-bindgen, wasm-opt
#   scripts/setup.sh test    the same, plus Chromium, ChromeDriver, nginx and the test packages
# Everything comes from crates.io, npm or Debian: trunk runs offline and no step downloads a
# browser, so it works on a machine that reaches only package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
mode=${1:-serve}

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes, once)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  # Not --locked: one of the CLI's locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# node_modules holds the release build's tools (wasm-opt from binaryen; Workbox and sharp for the
# service worker and icons) and the test packages; reinstalled when the lock changes.
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

if [ "$mode" = test ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v nginx >/dev/null || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
    rustup component add clippy rustfmt
  fi
fi
say "tools ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-opt --version 2>/dev/null | head -1)"
