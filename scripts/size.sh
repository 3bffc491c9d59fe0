#!/usr/bin/env bash
# Prints what the release build weighs: raw, gzip -9 and brotli -q 11 bytes of each asset the
# app loads before it can show anything. Usage: scripts/size.sh [DIST] (default: dist).
set -euo pipefail
dist=${1:-dist}
command -v brotli >/dev/null || { echo "needs brotli (apt-get install brotli)" >&2; exit 1; }
printf '%-40s %10s %10s %10s\n' file raw gzip brotli
total_gz=0; total_br=0
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html "$dist"/content/site.json; do
  [ -f "$f" ] || continue
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-40s %10d %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
done
printf '%-40s %10s %10d %10d\n' "total (shell, app, manifest)" "" "$total_gz" "$total_br"
