#!/usr/bin/env bash
# Runs every test: lint (ESLint in every package) and formatting (Prettier), type check, unit and
# integration tests of all packages (stores on SQLite and PostgreSQL 15), then the end-to-end
# tests in headless Chromium against the running portal, which save their screenshots to
# docs/images/.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
source "$REPO_ROOT/scripts/lib/system-packages.sh"
source "$REPO_ROOT/scripts/lib/postgres.sh"
source "$REPO_ROOT/scripts/lib/portal.sh"
source "$REPO_ROOT/scripts/lib/prometheus.sh"

bash "$REPO_ROOT/scripts/install-deps.sh"
cd "$REPO_ROOT"

# The house checks first: a minute, where the test run below takes many.
echo "== Lint (backstage-cli repo lint: ESLint in every package, no warnings allowed)"
if ! yarn backstage-cli repo lint --max-warnings 0; then
  echo "FAILED: lint. Fix the findings above (yarn backstage-cli repo lint --fix fixes some)." >&2
  exit 1
fi
echo "== Formatting (prettier --check .)"
if ! yarn prettier --check .; then
  echo "FAILED: formatting. Run yarn prettier --write on the files listed above." >&2
  exit 1
fi

ensure_debian_packages postgresql prometheus chromium curl
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
