#!/usr/bin/env bash
# The release folder: trunk's build for PUBLIC_URL, the files every static host needs, the
# content with its indexes made again and without its indentation, every page rendered by the
# app's own components, the service workers, and precompressed copies of it all. Each edition in
# another language (public/NAME/content, with its own site.json) is published with it under
# PUBLIC_URL/NAME/.
# Usage: scripts/build.sh [DIST] [PUBLIC_URL]   (defaults: dist /)
# PREVIEW=1 includes drafts and scheduled articles, for a preview host; never for the public one.
# TEST_BUILD=1 makes the build the tests use beside the release as shipped: the app says in the
# console where a page failed to hydrate (Leptos's leptos_debuginfo) instead of stopping without
# a word, and has the test switches (cfg tintuc_test_switches: a shorter content timeout, a
# panic on demand). Never publish it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
dist=${1:-dist}
public_url=${2:-/}
case "$public_url" in /*/ | /) ;; *) echo "PUBLIC_URL must start and end with /: $public_url" >&2; exit 2 ;; esac
# Joined to the flags of .cargo/config.toml for the browser's build only.
if [ "${TEST_BUILD:-}" = 1 ]; then
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg leptos_debuginfo --cfg tintuc_test_switches"
fi
trunk build --release --offline --dist "$dist" --public-url "$public_url"
unset CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
sites=("$dist $public_url")
for manifest in public/*/content/site.json; do
  [ -e "$manifest" ] || continue
  name=$(basename "$(dirname "$(dirname "$manifest")")")
  mkdir -p "$dist/$name" && cp -r "public/$name/content" "$dist/$name/content"
  sites+=("$dist/$name $public_url$name/")
done
node scripts/finish-dist.mjs "$dist" "$public_url"
for site in "${sites[@]}"; do
  read -r folder base <<< "$site"
  # What the last build of this folder made (the search index's documents, the rendered pages),
  # so that this one reads again only the articles and renders only the pages that changed.
  cache="target/publish-cache/site/$folder"
  # The indexes (sections, home, search) made again from the articles being published, so a
  # release never carries an index of other articles.
  preview=(); [ "${PREVIEW:-}" = 1 ] && preview=(--preview)
  cargo run --quiet --profile publisher -p tintuc-publisher -- index "$folder" "${preview[@]}" --cache "$cache" > /dev/null
  # The articles' Markdown made their JSON; the sources (drafts among them), an editor's backup
  # copies and the preview's list are not published: only the JSON is.
  find "$folder/content/articles" -type f ! -name '*.json' -delete
  # Pictures resized for phones and desktops (media/_v/), listed on the articles and in their
  # indexes; copies made by an earlier build are taken from target/image-cache.
  cargo run --quiet --profile publisher -p tintuc-publisher -- images "$folder" --cache target/image-cache
  node scripts/compact-json.mjs "$folder/content"
  cargo run --quiet --profile publisher -p tintuc-publisher -- render "$folder" "$base" --cache "$cache"
done
node scripts/offline.mjs "$dist"
# Each file's compressed copies are kept by its content: only what changed is compressed again.
node scripts/compress.mjs "$dist" "target/publish-cache/compressed/$dist"
