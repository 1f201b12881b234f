#!/usr/bin/env bash
# Starts the demo portal: app on http://localhost:3000, backend on http://localhost:7007, SQLite
# in .run/sqlite, the demo organisation from examples/. Run as root on a fresh Debian machine.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
bash "$REPO_ROOT/scripts/install-deps.sh"
cd "$REPO_ROOT"
mkdir -p .run
echo "Starting the portal: open http://localhost:3000 and enter as guest (Ctrl-C stops it)"
BROWSER=none exec yarn start
