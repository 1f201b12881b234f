#!/usr/bin/env bash
# Installs what the portal needs on a fresh Debian machine: Node 22 into .tools/, then the
# workspace's packages with Yarn 4 (native modules such as better-sqlite3 compile locally).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
bash "$REPO_ROOT/scripts/install-node.sh"
cd "$REPO_ROOT"
if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then
  yarn install --immutable
else
  yarn install
fi
