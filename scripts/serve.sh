#!/usr/bin/env bash
# The sample site served by trunk, with every site folder (public/ and each edition) indexed
# again whenever an article, the manifest or a picture is saved: trunk sees the JSON change and
# reloads the page. Drafts and scheduled articles show here; `make content` takes their JSON out
# again before a commit.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo build --quiet --profile publisher -p tintuc-publisher
watchers=()
trap 'kill "${watchers[@]}" 2>/dev/null || true' EXIT
for site in public public/*/; do
  [ -e "$site/content/site.json" ] || continue
  # The cache lets each save read again only the articles that changed.
  target/publisher/tintuc-content watch "${site%/}" --preview --cache "target/publish-cache/site/${site%/}" &
  watchers+=($!)
done
trunk serve "$@"
