#!/usr/bin/env bash
# Runs every test: type check, unit and integration tests of all packages (stores on SQLite and
# PostgreSQL 15), then the end-to-end tests in headless Chromium against the running portal,
# which save their screenshots to docs/images/.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
source "$REPO_ROOT/scripts/lib/system-packages.sh"
source "$REPO_ROOT/scripts/lib/postgres.sh"
source "$REPO_ROOT/scripts/lib/portal.sh"
source "$REPO_ROOT/scripts/lib/prometheus.sh"

bash "$REPO_ROOT/scripts/install-deps.sh"
ensure_debian_packages postgresql prometheus chromium curl
cd "$REPO_ROOT"
mkdir -p .run

start_postgres
trap 'stop_portal; stop_demo_prometheus; stop_postgres' EXIT

echo "== Type check"
yarn tsc

echo "== Unit and integration tests (SQLite and PostgreSQL 15, real Prometheus)"
CI=1 yarn backstage-cli repo test --maxWorkers=2

echo "== End-to-end tests in headless Chromium"
rm -rf .run/sqlite
start_demo_prometheus
start_portal
node --test e2e/*.test.mjs
