# Sourced: starts a throw-away PostgreSQL 15 on 127.0.0.1 (as the postgres user, never root) and
# exports the connection string Backstage's TestDatabases reads.
PG_PORT="${RELIABILITY_PG_PORT:-55432}"
PG_ROOT="${RELIABILITY_PG_DIR:-/tmp/reliability-suite-postgres-$PG_PORT}"
PG_BIN=/usr/lib/postgresql/15/bin

start_postgres() {
  ensure_debian_packages postgresql
  mkdir -p "$PG_ROOT"
  chown postgres:postgres "$PG_ROOT"
  if [ ! -f "$PG_ROOT/data/PG_VERSION" ]; then
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres --auth=trust >/dev/null
  fi
  if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" status >/dev/null 2>&1; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT -c max_connections=200 -c fsync=off" start >/dev/null
  fi
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$PG_PORT"
}

stop_postgres() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast stop >/dev/null 2>&1 || true
}
