#!/usr/bin/env bash
# The Learning Record Store the tests send statements to: xapi-statements (an open-source LRS, npm),
# its models in memory, its events in a private Redis on loopback (Debian's redis-server).
#   bash e2e/lrs/lrs.sh start   # installs what is missing, starts both, waits for the LRS; prints its endpoint
#   bash e2e/lrs/lrs.sh stop
# Ports: LTC_LRS_PORT (default 8391) and LTC_LRS_REDIS_PORT (default 6391), on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${LTC_LRS_PORT:-8391}"
REDIS_PORT="${LTC_LRS_REDIS_PORT:-6391}"
RUN="${TMPDIR:-/tmp}/ltc-lrs-$PORT"

stop() {
  for pid in "$RUN/lrs.pid" "$RUN/redis.pid"; do
    if [ -f "$pid" ]; then kill "$(cat "$pid")" 2>/dev/null || true; rm -f "$pid"; fi
  done
}

start() {
  if ! command -v redis-server >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } >&2
  fi
  # Its own lockfile: the test LRS stays out of the app's dependencies. Only the endpoint goes to stdout.
  [ -d node_modules/xapi-statements ] || npm ci --no-audit --no-fund --silent >&2
  stop
  mkdir -p "$RUN/logs"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile "$RUN/redis.pid" --logfile "$RUN/redis.log"
  EXPRESS_PORT="$PORT" MODELS_REPO=memory STORAGE_REPO=memory AUTH_REPO=test EVENTS_REPO=redis \
    REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" REDIS_PREFIX="ltc-test" SERVICE_AWAIT_UPDATES=true \
    WINSTON_CONSOLE_LEVEL=error EXPRESS_MORGAN_DIRECTORY="$RUN/logs" \
    nohup node node_modules/xapi-statements/dist/index.js >"$RUN/lrs.log" 2>&1 &
  echo $! >"$RUN/lrs.pid"
  for _ in $(seq 1 60); do
    if node -e "fetch('http://127.0.0.1:$PORT/xAPI/about', { headers: { 'X-Experience-API-Version': '1.0.3' } }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
      echo "http://127.0.0.1:$PORT/xAPI/"
      return 0
    fi
    sleep 0.5
  done
  echo "the LRS did not start; its log:" >&2
  cat "$RUN/lrs.log" >&2
  stop
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
