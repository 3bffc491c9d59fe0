#!/usr/bin/env bash
# The release folder: trunk's build for PUBLIC_URL, the files every static host needs, the
# content without its indentation, every page rendered by the app's own components, and
# precompressed copies of it all.
# Usage: scripts/build.sh [DIST] [PUBLIC_URL]   (defaults: dist /)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
dist=${1:-dist}
public_url=${2:-/}
case "$public_url" in /*/ | /) ;; *) echo "PUBLIC_URL must start and end with /: $public_url" >&2; exit 2 ;; esac
trunk build --release --offline --dist "$dist" --public-url "$public_url"
node scripts/finish-dist.mjs "$dist" "$public_url"
node scripts/compact-json.mjs "$dist/content"
cargo run --quiet --release -p tintuc-publisher -- render "$dist" "$public_url"
node scripts/compress.mjs "$dist"
