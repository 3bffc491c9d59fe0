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
read -r root_port sub_port hostile_port hostile_sub_port deploy_port deploy_sub_port < <(node scripts/free-ports.mjs 6)
mkdir -p "$run/www" && ln -s "$PWD/dist-sub" "$run/www/tin"
# The hostile content files (tintuc_publisher::hostile), added to copies of both release folders
# and served by a second nginx of the same configuration.
hostile=$run/hostile
mkdir -p "$hostile/run" "$hostile/www"
cp -r dist "$hostile/dist" && cp -r dist-sub "$hostile/www/tin"
cargo run --quiet --profile publisher -p tintuc-publisher --example hostile -- "$hostile/dist" || exit 1
cargo run --quiet --profile publisher -p tintuc-publisher --example hostile -- "$hostile/www/tin" || exit 1
chmod -R a+rX "$hostile"
# Copies of both releases for the test that deploys a second release over them.
deploy=$run/deploy
mkdir -p "$deploy/run" "$deploy/www"
cp -r dist "$deploy/dist" && cp -r dist-sub "$deploy/www/tin"
chmod -R a+rX "$deploy"
# configure RUN DIST WWW ROOT_PORT SUB_PORT: an nginx.conf in RUN.
configure() {
  sed -e "s#@RUN@#$1#" -e "s#@DIST@#$2#" -e "s#@WWW@#$3#" -e "s#@ROOT_PORT@#$4#" \
      -e "s#@SUB_PORT@#$5#" tests/e2e/nginx.conf.in > "$1/nginx.conf"
}
configure "$run" "$PWD/dist" "$run/www" "$root_port" "$sub_port"
configure "$hostile/run" "$hostile/dist" "$hostile/www" "$hostile_port" "$hostile_sub_port"
configure "$deploy/run" "$deploy/dist" "$deploy/www" "$deploy_port" "$deploy_sub_port"
nginx -p "$run" -c "$run/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
nginx -p "$hostile/run" -c "$hostile/run/nginx.conf" -g 'daemon off;' &
hostile_pid=$!
nginx -p "$deploy/run" -c "$deploy/run/nginx.conf" -g 'daemon off;' &
deploy_pid=$!
trap 'kill "$nginx_pid" "$hostile_pid" "$deploy_pid" 2>/dev/null; wait "$nginx_pid" "$hostile_pid" "$deploy_pid" 2>/dev/null; rm -rf "$run"' EXIT
for port in "$root_port" "$hostile_port" "$deploy_port"; do
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
  if ! curl -sf "http://127.0.0.1:$port/" >/dev/null; then
    echo "nginx did not start on port $port"
    exit 1
  fi
done
BASE_URL="http://127.0.0.1:$root_port" SUB_URL="http://127.0.0.1:$sub_port/tin/" \
  HOSTILE_URL="http://127.0.0.1:$hostile_port" HOSTILE_SUB_URL="http://127.0.0.1:$hostile_sub_port/tin/" \
  DEPLOY_URL="http://127.0.0.1:$deploy_port" DEPLOY_DIR="$deploy/dist" \
  DEPLOY_SUB_URL="http://127.0.0.1:$deploy_sub_port/tin/" DEPLOY_SUB_DIR="$deploy/www/tin" \
  node --test --test-concurrency=1 "$@" tests/e2e/
