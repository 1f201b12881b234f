/*
 * Where the benchmark's databases live: SQLite files under BENCH_DIR, and PostgreSQL databases
 * named `bench_<pluginId>` on the server of BENCH_PG_URL (bench/run.sh starts a throw-away one).
 * Backends are configured with `backend.database` exactly like a deployment, so plugins get their
 * databases from Backstage's own database service.
 */
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

export type BenchDb =
  | { kind: 'sqlite'; directory: string }
  | { kind: 'postgres'; url: string; prefix: string };

export const BENCH_DIR = process.env.BENCH_DIR ?? '/tmp/reliability-bench';

export function sqliteDb(): BenchDb {
  return { kind: 'sqlite', directory: path.join(BENCH_DIR, 'sqlite') };
}

export function postgresDb(): BenchDb | undefined {
  const url = process.env.BENCH_PG_URL;
  return url ? { kind: 'postgres', url, prefix: 'bench_' } : undefined;
}

export function parseDbArg(argv: string[]): BenchDb {
  const i = argv.indexOf('--db');
  const kind = i >= 0 ? argv[i + 1] : 'sqlite';
  if (kind === 'sqlite') return sqliteDb();
  if (kind === 'postgres') {
    const db = postgresDb();
    if (!db)
      throw new Error(
        '--db postgres needs BENCH_PG_URL (bench/run.sh sets it)',
      );
    return db;
  }
  throw new Error(`--db must be sqlite or postgres, not ${kind}`);
}

function pgConnection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password || ''),
  };
}

/** `backend.database` of a backend using `db`. */
export function backendDatabaseConfig(db: BenchDb) {
  return db.kind === 'sqlite'
    ? { client: 'better-sqlite3', connection: { directory: db.directory } }
    : { client: 'pg', connection: pgConnection(db.url), prefix: db.prefix };
}

/** A client on the database Backstage gives `pluginId` with this configuration. */
export async function openKnex(db: BenchDb, pluginId: string): Promise<Knex> {
  if (db.kind === 'sqlite') {
    fs.mkdirSync(db.directory, { recursive: true });
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(db.directory, `${pluginId}.sqlite`) },
      useNullAsDefault: true,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: {
      ...pgConnection(db.url),
      database: `${db.prefix}${pluginId}`,
    },
    pool: { min: 0, max: 5 },
  });
}

/** Drops and recreates the database of `pluginId` (an empty file / database). */
export async function resetDatabase(db: BenchDb, pluginId: string) {
  if (db.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      fs.rmSync(path.join(db.directory, `${pluginId}.sqlite${suffix}`), {
        force: true,
      });
    }
    return;
  }
  const admin = knexFactory({
    client: 'pg',
    connection: { ...pgConnection(db.url), database: 'postgres' },
  });
  try {
    const name = `${db.prefix}${pluginId}`;
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    await admin.raw('CREATE DATABASE ??', [name]);
  } finally {
    await admin.destroy();
  }
}

/** Size on disk of the plugin's database, in bytes. */
export async function databaseSize(
  db: BenchDb,
  pluginId: string,
): Promise<number> {
  if (db.kind === 'sqlite') {
    return fs.statSync(path.join(db.directory, `${pluginId}.sqlite`)).size;
  }
  const knex = await openKnex(db, pluginId);
  try {
    const { rows } = await knex.raw(
      'SELECT pg_database_size(current_database()) AS size',
    );
    return Number(rows[0].size);
  } finally {
    await knex.destroy();
  }
}
