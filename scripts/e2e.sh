#!/usr/bin/env bash
# The end-to-end tests alone, against the release folders dist/ (root) and dist-sub/ (/tin/)
# that scripts/build.sh made, each served by nginx as a publisher would.
# Usage: scripts/e2e.sh [node --test arguments, e.g. --test-name-pattern=menu]
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
run=$(mktemp -d)
# nginx workers run as an unprivileged user; they must be able to reach the folders.
chmod 755 "$run"
# Free ports, so that a server already running on this machine never fails the suite.
read -r root_port sub_port < <(node scripts/free-ports.mjs 2)
mkdir -p "$run/www" && ln -s "$PWD/dist-sub" "$run/www/tin"
sed -e "s#@DIST@#$PWD/dist#" -e "s#@WWW@#$run/www#" -e "s#@ROOT_PORT@#$root_port#" \
    -e "s#@SUB_PORT@#$sub_port#" -e "s#@RUN@#$run#" tests/e2e/nginx.conf.in > "$run/nginx.conf"
nginx -p "$run" -c "$run/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; rm -rf "$run"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$root_port/" >/dev/null && break; sleep 0.1; done
if ! curl -sf "http://127.0.0.1:$root_port/" >/dev/null; then
  echo "nginx did not start on port $root_port"
  exit 1
fi
BASE_URL="http://127.0.0.1:$root_port" SUB_URL="http://127.0.0.1:$sub_port/tin/" \
  node --test --test-concurrency=1 "$@" tests/e2e/
