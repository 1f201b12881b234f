#!/usr/bin/env bash
# Runs the scorecard benchmarks: starts a throw-away PostgreSQL 15 of its own (port BENCH_PG_PORT,
# default 55499, so it never meets the tests' server), runs bench/scorecard.ts, stops it again.
# Unless --no-page is given, it also builds the app and starts the demo portal's backend serving it
# (:7007) for the page benchmark, and stops it at the end.
# Extra arguments go to scorecard.ts (e.g. --only sqlite, --requests 50, --no-tech-insights).
#
# `bash bench/run.sh evaluation [options]` (`yarn bench evaluation`) runs the evaluation benchmark
# instead (bench/evaluation.ts): the same PostgreSQL, plus a Prometheus of its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/env.sh
source scripts/lib/system-packages.sh

# `bash bench/run.sh alert-audit [options]`: the alert audit's own cost (bench/alertAudit.ts); no
# database and no Prometheus.
if [ "${1:-}" = alert-audit ]; then
  shift
  exec node --require @backstage/cli/config/nodeTransform.cjs --expose-gc bench/alertAudit.ts "$@"
fi

if [ -z "${BENCH_PG_URL:-}" ] && [ "${BENCH_NO_POSTGRES:-}" != 1 ]; then
  export RELIABILITY_PG_PORT="${BENCH_PG_PORT:-55499}"
  export RELIABILITY_PG_DIR="/tmp/reliability-bench-postgres-$RELIABILITY_PG_PORT"
  source scripts/lib/postgres.sh
  started_here=0
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" status >/dev/null 2>&1 || started_here=1
  start_postgres
  [ "$started_here" = 1 ] && trap stop_postgres EXIT
  export BENCH_PG_URL="postgresql://postgres@127.0.0.1:$RELIABILITY_PG_PORT"
fi

if [ "${1:-}" = evaluation ]; then
  shift
  ensure_debian_packages prometheus
  node --require @backstage/cli/config/nodeTransform.cjs bench/evaluation.ts "$@"
  exit 0
fi

# The page benchmark drives the demo portal as deployed (the app's production bundle served by the
# backend on :7007) in Chromium: bench/pageInteractive.mjs.
if [[ " $* " != *" --no-page "* ]]; then
  export REPO_ROOT="$PWD"
  source scripts/lib/portal.sh
  if [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:7007/)" != 000 ]; then
    echo "Something already listens on :7007; stop it or pass --no-page" >&2
    exit 1
  fi
  echo "Building the app and starting the demo portal for the page benchmark" >&2
  mkdir -p .run
  start_built_portal
  trap 'stop_portal; [ "${started_here:-0}" = 1 ] && stop_postgres' EXIT
  export RELIABILITY_APP_URL=http://localhost:7007
fi

node --require @backstage/cli/config/nodeTransform.cjs --expose-gc bench/scorecard.ts "$@"
