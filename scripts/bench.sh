#!/usr/bin/env bash
# The benchmark (not part of `make test`): builds the release folder, serves it with nginx, and
# measures it with Lighthouse and headless Chromium. Writes bench/out/results.json and
# bench/out/table.md, and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
scripts/setup.sh test
if ! cmp -s bench/package-lock.json bench/node_modules/.package-lock.json 2>/dev/null; then
  npm ci --prefix bench --no-audit --no-fund
fi

scripts/build.sh dist /
work=$(mktemp -d)
chmod 755 "$work"
# The same build with two synthetic sites: 6 sections of 100 articles in pages of 50 (a page size
# a newsroom serves), and 6 of 1,000 in one page each (a scale figure).
synthetic() {
  local dir=$1; shift
  cp -r dist "$dir"
  find "$dir" \( -name '*.html*' ! -name '404.html' \) -delete
  rm -rf "$dir/content"
  cargo run --quiet --profile publisher -p tintuc-publisher -- generate "$dir" "$@" >/dev/null
  node scripts/compact-json.mjs "$dir/content" >/dev/null
  cargo run --quiet --profile publisher -p tintuc-publisher -- render "$dir" / >/dev/null
}
synthetic "$work/fifty" --per-section 100 --page-size 50
synthetic "$work/big" --per-section 1000 --page-size 1000
# The floor: the seed article as plain static HTML, the same stylesheet, no script.
node bench/static-page.mjs dist "$work/static.html"
mkdir -p dist/bench && cp "$work/static.html" dist/bench/seed-static.html

read -r port big_port fifty_port < <(node scripts/free-ports.mjs 3)
sed -e "s#@DIST@#$PWD/dist#" -e "s#@BIG@#$work/big#" -e "s#@FIFTY@#$work/fifty#" -e "s#@PORT@#$port#" \
    -e "s#@BIG_PORT@#$big_port#" -e "s#@FIFTY_PORT@#$fifty_port#" -e "s#@RUN@#$work#" bench/nginx.conf.in > "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; rm -rf "$work" dist/bench' EXIT
sleep 0.3
# A server left on the port would be measured instead of this build.
kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx did not start (ports $port, $big_port, $fifty_port)" >&2; exit 1; }
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

mkdir -p bench/out
ACCESS_LOG="$work/access.log" BASE_URL="http://127.0.0.1:$port" BIG_URL="http://127.0.0.1:$big_port" FIFTY_URL="http://127.0.0.1:$fifty_port" DIST=dist \
  node bench/run.mjs bench/out
