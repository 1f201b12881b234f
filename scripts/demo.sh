#!/usr/bin/env bash
# Starts the demo portal: app on http://localhost:3000, backend on http://localhost:7007, SQLite
# in .run/sqlite, the demo organisation from examples/, and a Prometheus with 35 days of
# backfilled demo metrics on 127.0.0.1:9090. Run as root on a fresh Debian machine.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
source "$REPO_ROOT/scripts/lib/system-packages.sh"
source "$REPO_ROOT/scripts/lib/prometheus.sh"
bash "$REPO_ROOT/scripts/install-deps.sh"
ensure_debian_packages curl
cd "$REPO_ROOT"
mkdir -p .run
# Prometheus with 35 days of backfilled demo history on 127.0.0.1:9090 (stays up after Ctrl-C;
# stop it with: bash -c 'source scripts/lib/env.sh; source scripts/lib/prometheus.sh; stop_demo_prometheus').
start_demo_prometheus
echo "Starting the portal: open http://localhost:3000 and enter as guest (Ctrl-C stops it)"
BROWSER=none exec yarn start
