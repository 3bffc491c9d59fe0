#!/usr/bin/env bash
# The publisher's tool at scale (not part of `make test`): on a generated tree of N articles
# (default 100,000), the time and peak memory of writing and indexing it, checking it, and
# rendering every page; then the same tree written in Markdown: converting it, the feeds and
# sitemap, rendering it, and after one change (an old article edited, the newest edited, a new
# one added) what makes it a publishable folder again. Writes bench/out/publisher.md
# and prints it.
# Usage: scripts/bench-publisher.sh [N ...]   (several N show how the cost grows)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ ! -x /usr/bin/time ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi
[ -f dist/404.html ] || { scripts/setup.sh serve && scripts/build.sh dist /; }
cargo build --quiet --profile publisher -p tintuc-publisher
tool=$PWD/target/publisher/tintuc-content
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000)
sections=$(grep -c '"slug"' public/content/site.json)
mkdir -p bench/out
{
  echo "The publisher's tool on generated trees ($(nproc) cores; \`scripts/bench-publisher.sh ${sizes[*]}\`, $(date -u +%F)): each step's wall time, with the tool's own CPU time (user) in brackets (the rest is the kernel's file handling and waiting for the disk), and the peak resident memory of any step."
  echo
  echo "| articles | write and index | index again | check | render every page | pages | peak memory |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} > bench/out/publisher.md
for n in "${sizes[@]}"; do
  tree="$work/tree-$n"
  mkdir -p "$tree"
  cp dist/404.html "$tree/"
  step() {
    sync  # what the step before wrote is on disk, not in this step's way
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" > "$work/out"
    read -r seconds user kib < "$work/time"
    echo "$kib" >> "$work/peaks"
    printf '%s s (%s s)' "$seconds" "$user"
  }
  : > "$work/peaks"
  generate=$(step "$tool" generate "$tree" --per-section $(( (n + sections - 1) / sections )))
  index=$(step "$tool" index "$tree")
  check=$(step "$tool" check "$tree")
  render=$(step "$tool" render "$tree" /)
  pages=$(awk '{print $1}' "$work/out")
  peak=$(sort -n "$work/peaks" | tail -1)
  echo "| $(find "$tree/content/articles" -name '*.json' | wc -l) | ${generate} | ${index} | ${check} | ${render} | ${pages} | $((peak / 1024)) MiB |" >> bench/out/publisher.md
  rm -rf "$tree"
done
{
  echo
  echo "The same trees written as Markdown, as a newsroom keeps them: each step's wall time (user CPU) and peak resident memory. \`index\` and \`render\` keep what they made in a cache (\`--cache\`), as \`make content\`, \`make serve\` and the release build do."
  echo
  echo "| articles | write Markdown, convert and index | convert and index again, nothing changed, filling the cache | feeds and sitemap | render every page, filling the cache |"
  echo "| --- | --- | --- | --- | --- |"
} >> bench/out/publisher.md
: > "$work/changes"
for n in "${sizes[@]}"; do
  tree="$work/md-$n"
  cache="$work/cache-$n"
  mkdir -p "$tree/content"
  cp dist/404.html "$tree/"
  cp public/content/site.json "$tree/content/"
  measure() {
    sync
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" > "$work/out"
    read -r seconds user kib < "$work/time"
    printf '%s s (%s s), %s MiB' "$seconds" "$user" "$((kib / 1024))"
  }
  generate=$(measure "$tool" generate "$tree" --per-section $(( (n + sections - 1) / sections )) --markdown)
  again=$(measure "$tool" index "$tree" --cache "$cache")
  feeds=$(measure "$tool" feeds "$tree" /)
  first_render=$(measure "$tool" render "$tree" / --cache "$cache")
  articles=$(find "$tree/content/articles" -name '*.md' | wc -l)
  echo "| $articles | ${generate} | ${again} | ${feeds} | ${first_render} |" >> bench/out/publisher.md

  # One change, then what makes the folder publishable again: index, then render.
  change() {
    local what=$1
    start=$(date +%s.%N)
    index=$(measure "$tool" index "$tree" --cache "$cache")
    grep -q '(1 from Markdown written' "$work/out" || { echo "$what: not converted alone: $(cat "$work/out")"; exit 1; }
    grep -q '(search index: 1 of them read)' "$work/out" || { echo "$what: the search index read more: $(cat "$work/out")"; exit 1; }
    files=$(grep -o '[0-9]* index files written' "$work/out" | cut -d' ' -f1)
    render=$(measure "$tool" render "$tree" / --cache "$cache")
    rendered=$(grep -o '([0-9]* rendered' "$work/out" | tr -d '(' | cut -d' ' -f1)
    total=$(awk -v from="$start" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }')
    echo "| $articles | $what | ${index}; ${files} index files written | ${render}; ${rendered} pages rendered | ${total} s |" >> "$work/changes"
  }
  # The articles by publication time, oldest first.
  by_time=$(find "$tree/content/articles" -name '*.md' -exec grep -H -m1 '^published:' {} + | sort -t: -k3 | cut -d: -f1)
  oldest=$(head -n1 <<< "$by_time")
  newest=$(tail -n1 <<< "$by_time")
  sed -i '2s/^title: "/title: "Đã sửa: /' "$oldest"
  change "the oldest article's title edited"
  sed -i '2s/^title: "/title: "Đã sửa: /' "$newest"
  change "the newest article's title edited"
  sed -e '2s/^title: "/title: "Tin mới: /' -e 's/^published: .*/published: 2021-01-01T08:00:00+07:00/' "$newest" > "$tree/content/articles/tin-moi-nhat.md"
  change "a new article, the newest"
  rm -rf "$tree" "$cache"
done
{
  echo
  echo "After one change to the Markdown tree above, with the cache: \`index\` (it fails the benchmark unless it converted only that article and read only it for the search index), then \`render\`; what each wrote, and the time from the change to a publishable folder. An article page carries the first page of its section, so a change on that page renders every article page of the section again."
  echo
  echo "| articles | change | index | then render | change to publishable |"
  echo "| --- | --- | --- | --- | --- |"
  cat "$work/changes"
} >> bench/out/publisher.md
cat bench/out/publisher.md
