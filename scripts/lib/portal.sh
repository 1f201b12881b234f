# Sourced: starts the demo portal (backend :7007 and app :3000 with SQLite) in the background for
# tests, waits until both answer, and stops it again.
PORTAL_LOG_DIR="$REPO_ROOT/.run/logs"

start_portal() {
  mkdir -p "$PORTAL_LOG_DIR"
  BROWSER=none run_portal_process yarn start
  wait_for_url "http://localhost:7007/api/catalog/entities?limit=1" 180 "backend"
  wait_for_url "http://localhost:3000/" 180 "app"
}

# The portal as deployed: the app's production bundle (built first) served by the backend alone
# on :7007 (app-backend), for measurements of the page as users get it.
start_built_portal() {
  mkdir -p "$PORTAL_LOG_DIR"
  ( cd "$REPO_ROOT" && yarn workspace app build > "$PORTAL_LOG_DIR/app-build.log" 2>&1 ) || {
    tail -40 "$PORTAL_LOG_DIR/app-build.log" >&2
    return 1
  }
  run_portal_process yarn workspace backend start
  wait_for_url "http://localhost:7007/" 180 "backend"
}

# run_portal_process CMD...: runs CMD in the background in a process group of its own, whose id
# goes to .run/portal.pid (written from inside: `$!` is not the group when setsid had to fork).
run_portal_process() {
  rm -f "$REPO_ROOT/.run/portal.pid"
  ( cd "$REPO_ROOT" && setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$REPO_ROOT/.run/portal.pid" "$@" > "$PORTAL_LOG_DIR/portal.log" 2>&1 & )
  for _ in $(seq 50); do
    [ -s "$REPO_ROOT/.run/portal.pid" ] && return 0
    sleep 0.1
  done
}

stop_portal() {
  local pid
  pid=$(cat "$REPO_ROOT/.run/portal.pid" 2>/dev/null) || return 0
  kill -- "-$pid" 2>/dev/null || true
  # The backend shuts down gracefully on TERM; whatever is left after 15 s is killed.
  for _ in $(seq 15); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$REPO_ROOT/.run/portal.pid"
}

# wait_for_url URL SECONDS NAME: any HTTP answer (401 included) means the server is up.
wait_for_url() {
  local url=$1 seconds=$2 name=$3 i
  for ((i = 0; i < seconds; i++)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" != "000" ]; then
      return 0
    fi
    sleep 1
  done
  echo "The $name did not start within ${seconds}s; last lines of $PORTAL_LOG_DIR/portal.log:" >&2
  tail -40 "$PORTAL_LOG_DIR/portal.log" >&2
  return 1
}
