#!/usr/bin/env bash
# How the app holds up opening the hostile content (tintuc_publisher::hostile) served anyway:
# the longest main-thread task and the time to a page or a message, unthrottled and at 4× CPU.
# Builds the release folder, adds the hostile files to a copy, serves it with nginx.
# Writes bench/out/hostile.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
scripts/setup.sh test
scripts/build.sh dist /
work=$(mktemp -d)
chmod 755 "$work"
mkdir -p "$work/www"
cp -r dist "$work/dist"
cargo run --quiet --profile publisher -p tintuc-publisher --example hostile -- "$work/dist"
chmod -R a+rX "$work"
read -r port sub_port < <(node scripts/free-ports.mjs 2)
sed -e "s#@RUN@#$work#" -e "s#@DIST@#$work/dist#" -e "s#@WWW@#$work/www#" -e "s#@ROOT_PORT@#$port#" \
    -e "s#@SUB_PORT@#$sub_port#" tests/e2e/nginx.conf.in > "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
mkdir -p bench/out
BASE_URL="http://127.0.0.1:$port" node bench/hostile.mjs | tee bench/out/hostile.md
