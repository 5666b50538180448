#!/usr/bin/env bash
# The Open Zaak Zaken API scenario: gunicorn serves the app against the bench database, locust
# (headless, no wait time) runs 1 user for $DURATION, then 16 users for $DURATION, as bench_api.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/jk_bench bench/run_api.sh
#
# Environment (defaults): PORT=8001 WORKERS=4 WORKER_CLASS=sync THREADS=1 DURATION=60s
#   USERS="1 16" WARMUP=10s. Results: bench/out/api.md, bench/out/api.json, locust CSVs.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the bench PostgreSQL database}"
PORT=${PORT:-8001}
WORKERS=${WORKERS:-4}
WORKER_CLASS=${WORKER_CLASS:-sync}
THREADS=${THREADS:-1}
DURATION=${DURATION:-60s}
USERS=${USERS:-"1 16"}
WARMUP=${WARMUP:-10s}
PY=.venv/bin/python
mkdir -p bench/out

export JEUGDKETEN_DEMO=true DEBUG=false ALLOWED_HOSTS=127.0.0.1 CONN_MAX_AGE=60 LOG_LEVEL=WARNING
export DATABASE_URL

$PY bench/fixture.py

APP=jeugdketen.wsgi:application
.venv/bin/gunicorn "$APP" --no-control-socket \
  --bind "127.0.0.1:$PORT" --workers "$WORKERS" --worker-class "$WORKER_CLASS" --threads "$THREADS" \
  --log-level warning --pid bench/out/gunicorn.pid >bench/out/gunicorn.log 2>&1 &
GUNICORN=$!
trap 'kill "$GUNICORN" 2>/dev/null; wait "$GUNICORN" 2>/dev/null || true' EXIT INT TERM

TOKEN=$($PY -c 'import json;print(json.load(open("bench/out/api_fixture.json"))["token"])')
for _ in $(seq 1 60); do
  if curl -fsS -o /dev/null -H "Authorization: Token $TOKEN" "http://127.0.0.1:$PORT/api/v1/cases/?limit=1"; then
    break
  fi
  sleep 0.5
done
curl -fsS -o /dev/null -H "Authorization: Token $TOKEN" "http://127.0.0.1:$PORT/api/v1/cases/?limit=1"

export BENCH_HOST="http://127.0.0.1:$PORT"
LOCUST=".venv/bin/locust -f bench/locustfile.py --headless --only-summary --loglevel WARNING"
echo "warm-up: 4 users for $WARMUP (discarded)"
$LOCUST -u 4 -r 4 -t "$WARMUP" >/dev/null 2>&1 || true
for u in $USERS; do
  echo "== $u user(s) for $DURATION (gunicorn: $WORKERS × $WORKER_CLASS, $THREADS thread(s))"
  uptime
  $LOCUST -u "$u" -r "$u" -t "$DURATION" --csv "bench/out/api-u$u" 2>&1 | tail -n 30 || true
  uptime
done
$PY bench/api_report.py --users $USERS --config "gunicorn $WORKERS x $WORKER_CLASS, threads $THREADS, locust $DURATION per step"
