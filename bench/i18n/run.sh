#!/usr/bin/env bash
# What leptos_i18n would cost the wasm, against a hand-written table like src/strings/: both apps
# (a_plain, b_i18n) built for wasm32 in release as trunk builds tintuc (wasm-bindgen, then
# wasm-opt -Oz), then each wasm's raw and brotli (quality 11) bytes. Needs the tools of
# `scripts/setup.sh serve`; compiles Leptos once for both (about 5 minutes on 2 cores).
# Usage: bench/i18n/run.sh
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
for crate in a_plain b_i18n; do
  cargo build --quiet --release --target wasm32-unknown-unknown -p "$crate"
  wasm-bindgen --target web --out-dir "out/$crate" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/$crate.wasm"
  wasm-opt -Oz "out/$crate/${crate}_bg.wasm" -o "out/$crate/${crate}_bg.opt.wasm"
done
echo "file, raw bytes, brotli bytes"
node size.cjs out/a_plain/a_plain_bg.opt.wasm out/b_i18n/b_i18n_bg.opt.wasm
