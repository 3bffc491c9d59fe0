#!/usr/bin/env bash
# The search benchmark (not part of `make test`): the release with a generated archive of N
# articles (default 10,000, plus the sample's), rendered, indexed by tintuc-content and by
# Pagefind (npm package, in bench/), then searched side by side in Chromium. Writes
# bench/out/search.md and bench/out/search.json, and prints the table.
# Usage: scripts/bench-search.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
n=${1:-10000}
scripts/setup.sh serve
[ -d bench/node_modules/pagefind ] || (cd bench && npm ci --no-audit --no-fund)
[ -f dist/404.html ] || scripts/build.sh dist /
cargo build --quiet --profile publisher -p tintuc-publisher
tool=$PWD/target/publisher/tintuc-content
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# nginx's workers run as another user: they must reach the folder.
chmod 755 "$work"
tree=$work/site
cp -r dist "$tree"
# The editions and the precompressed copies of the sample's content are not this archive's.
for manifest in "$tree"/*/content/site.json; do [ -e "$manifest" ] && rm -rf "$(dirname "$(dirname "$manifest")")"; done
find "$tree/content" \( -name '*.gz' -o -name '*.br' \) -delete
sections=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).sections.length)' "$tree/content/site.json")
echo "generating $n articles…" >&2
"$tool" generate "$tree" --per-section $(( (n + sections - 1) / sections )) --seed 7 >&2
start=$(date +%s%N)
"$tool" index "$tree" >&2
index_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$tool" render "$tree" / >&2
chmod -R a+rX "$tree"
INDEX_MS=$index_ms node bench/search/run.mjs "$tree" bench/out
