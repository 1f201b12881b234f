import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  ReadinessEvent,
  ScorecardTrendPoint,
} from '@reliability-suite/plugin-reliability-common';
import { DUE_TOLERANCE } from './pipeline/due';
import {
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from './testing/prometheus';
import { ProxiedQuery, QueryProxy } from './testing/queryProxy';
import { Replica, startReplica } from './testing/replicaProcess';
import { MINUTE_MS, serviceCounters } from './testing/scenarios';

/*
 * Two replicas of the backend (child processes with the real catalog, Backstage's database
 * service and scheduler) on one PostgreSQL database and one Prometheus. Each replica reaches
 * Prometheus through a recording proxy of its own, so every query is attributed to the replica
 * that sent it; Prometheus's own request counter checks that none went around them.
 */

jest.setTimeout(300_000);

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
/** PostgreSQL is what several replicas need; scripts/test.sh always starts one. */
const describeOnPostgres = PG ? describe : describe.skip;

/** `evaluation.intervalMinutes` (and the definitions' refresh): 12 s. */
const INTERVAL_MS = 12_000;
/** `pipeline.timeoutMinutes`: a dead replica's lease on the cycle expires after 15 s. */
const TIMEOUT_MS = 15_000;
/** The scheduler looks for due tasks every 5 s: a cycle starts up to 5 s after it is due. */
const SCHEDULER_POLL_MS = 5_000;
/** The scheduler's janitor frees expired leases once a minute, on every replica. */
const JANITOR_MS = 60_000;
/** The ends of the two days before today are measured afterwards. */
const BACKFILL_DAYS = 2;

const fixtures = path.resolve(__dirname, '__fixtures__');
/** 33 days of samples: a 30-day window measured at the end of the day before yesterday. */
const MINUTES = 33 * 24 * 60 + 1;
const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
const today = DateTime.fromMillis(now, { zone: 'utc' }).startOf('day');
/** outage-svc: every request fails for one hour at noon yesterday (139 % of the budget). */
const outageStart =
  MINUTES -
  1 -
  (now - today.minus({ days: 1 }).plus({ hours: 12 }).toMillis()) / MINUTE_MS;
const days = [2, 1, 0].map(n => today.minus({ days: n }).toISODate()!);

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Waits until `check` holds; the error names what did not happen and ends the replicas' logs. */
async function waitFor(
  what: string,
  timeoutMs: number,
  check: () => boolean | Promise<boolean>,
  replicas: Replica[],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const logs = replicas.map(
        replica => `--- replica ${replica.name}:\n${replica.logTail()}`,
      );
      throw new Error(
        `Timed out after ${timeoutMs / 1000} s: ${what}\n${logs.join('\n')}`,
      );
    }
    await sleep(100);
  }
}

/** Queries Prometheus has answered so far, from its own request counter. */
async function queriesAnswered(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return metrics
    .split('\n')
    .filter(line =>
      /^prometheus_http_requests_total\{.*handler="\/api\/v1\/query(_range)?"/.test(
        line,
      ),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/**
 * Every evaluation of each SLO as the store records it (`slo_status.attempted_at`, which is the
 * evaluation's query time), read every 100 ms: far more often than an SLO may be evaluated.
 */
function watchEvaluations(db: Knex) {
  const bySlo = new Map<string, number[]>();
  const read = async () => {
    const rows = await db('slo_status').select(
      'entity_ref',
      'slo_name',
      'attempted_at',
    );
    for (const row of rows) {
      const key = `${row.entity_ref}/${row.slo_name}`;
      const at = Number(row.attempted_at);
      const seen = bySlo.get(key) ?? [];
      if (seen[seen.length - 1] !== at) seen.push(at);
      bySlo.set(key, seen);
    }
  };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await read();
      await sleep(100);
    }
  })();
  return {
    bySlo,
    /** Whether every SLO has been evaluated after `at`. */
    allAfter: (at: number) =>
      bySlo.size === 2 &&
      [...bySlo.values()].every(seen => seen[seen.length - 1] > at),
    /** Stops watching, after one last read. */
    stop: async () => {
      stopped = true;
      await loop;
      await read();
    },
  };
}

/** Queries grouped by their evaluation time, with the replicas that sent them. */
function byEvaluationTime(
  sent: Array<{ replica: string; query: ProxiedQuery }>,
) {
  const groups = new Map<number, { replicas: Set<string>; queries: number }>();
  for (const { replica, query } of sent) {
    const group = groups.get(query.at) ?? { replicas: new Set(), queries: 0 };
    group.replicas.add(replica);
    group.queries += 1;
    groups.set(query.at, group);
  }
  return groups;
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((at, i) => at - times[i]);
}

describeOnPostgres('two replicas on one PostgreSQL and one Prometheus', () => {
  const prefix = `replicas_${process.pid}_`;
  const pgUrl = new URL(PG ?? 'postgresql://postgres@127.0.0.1');
  const connection = {
    host: pgUrl.hostname,
    port: Number(pgUrl.port || 5432),
    user: decodeURIComponent(pgUrl.username || 'postgres'),
    password: decodeURIComponent(pgUrl.password),
  };
  const admin = () =>
    knexFactory({
      client: 'pg',
      connection: { ...connection, database: 'postgres' },
    });
  let dir: string;
  let prometheus: TestPrometheus;
  let db: Knex;
  const proxies: QueryProxy[] = [];
  const replicas: Replica[] = [];
  let evaluations: ReturnType<typeof watchEvaluations> | undefined;

  const configFor = (metricSourceUrl: string) => ({
    backend: {
      database: { client: 'pg', connection, prefix },
    },
    reliability: {
      // One query per count, so that every query names the SLO it measures.
      metricSources: [{ name: 'main', url: metricSourceUrl, batchSize: 1 }],
      evaluation: { intervalMinutes: INTERVAL_MS / MINUTE_MS },
      definitions: { refreshIntervalMinutes: INTERVAL_MS / MINUTE_MS },
      scorecard: { backfillDays: BACKFILL_DAYS },
      pipeline: {
        timeoutMinutes: TIMEOUT_MS / MINUTE_MS,
        startup: { catalogQuietSeconds: 1, catalogMaxWaitMinutes: 1 },
      },
    },
    catalog: {
      processingInterval: { seconds: 1 },
      rules: [{ allow: ['Component', 'Location'] }],
      locations: [
        { type: 'file', target: path.join(fixtures, 'slo-catalog.yaml') },
      ],
    },
  });

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-replicas-'));
    prometheus = await startPrometheus(
      toOpenMetrics(
        [
          ...serviceCounters('outage', MINUTES, 1000, {
            start: outageStart,
            end: outageStart + 60,
          }),
          ...serviceCounters('leaky', MINUTES, 1000),
        ],
        now,
        MINUTE_MS,
      ),
    );
    // The databases exist before the replicas start, as in a deployment.
    const server = admin();
    try {
      for (const plugin of ['catalog', 'reliability']) {
        await server.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
          `${prefix}${plugin}`,
        ]);
        await server.raw('CREATE DATABASE ??', [`${prefix}${plugin}`]);
      }
    } finally {
      await server.destroy();
    }
    db = knexFactory({
      client: 'pg',
      connection: { ...connection, database: `${prefix}reliability` },
      pool: { min: 0, max: 2 },
    });
  });

  afterAll(async () => {
    await evaluations?.stop();
    await Promise.all(replicas.map(replica => replica.kill()));
    await Promise.all(proxies.map(proxy => proxy.stop()));
    await db?.destroy();
    await prometheus?.stop();
    const server = admin();
    try {
      for (const plugin of ['catalog', 'reliability']) {
        await server.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
          `${prefix}${plugin}`,
        ]);
      }
    } finally {
      await server.destroy();
    }
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('evaluates each SLO once per interval across both, the survivor of a crash runs the next cycle, and no snapshot or audit event is lost or doubled', async () => {
    const answeredBefore = await queriesAnswered(prometheus.url);
    const startedAt = Date.now();
    for (const name of ['a', 'b']) {
      const proxy = await QueryProxy.start(prometheus.url);
      proxies.push(proxy);
      // One after the other, as a rolling deployment starts them (each migrates its databases).
      replicas.push(await startReplica(name, configFor(proxy.url), dir));
    }
    const watched = watchEvaluations(db);
    evaluations = watched;

    // Audit events written through both replicas at once.
    const written: string[] = [];
    const attest = async (replica: Replica, comment: string) => {
      const response = await fetch(
        `${replica.api}/readiness/component/default/outage-svc/attestations`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            itemId: 'capacity',
            evidence: ['https://example.com/capacity-plan'],
            comment,
            expiresAt: today.plus({ days: 90 }).toISODate(),
          }),
        },
      );
      expect(`${comment}: ${response.status}`).toBe(`${comment}: 201`);
      written.push(comment);
    };

    // Several cycles with both replicas running: the first evaluation and three more.
    await waitFor(
      'four evaluations of every SLO',
      150_000,
      () =>
        watched.bySlo.size === 2 &&
        [...watched.bySlo.values()].every(seen => seen.length >= 4),
      replicas,
    );
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map(i =>
        attest(replicas[i % 2], `through ${replicas[i % 2].name} #${i}`),
      ),
    );

    // Kill the replica that is evaluating, in the middle of its evaluation: its next query is
    // held, never answered.
    let held: { query: ProxiedQuery; victim: Replica } | undefined;
    proxies.forEach((proxy, i) =>
      proxy.holdNextQuery().then(query => {
        held ??= { query, victim: replicas[i] };
      }),
    );
    await waitFor(
      'a replica evaluating',
      2 * INTERVAL_MS + 10_000,
      () => held !== undefined,
      replicas,
    );
    const arrived = held!;
    await arrived.victim.kill();
    const killedAt = Date.now();
    proxies.forEach(proxy => proxy.cancelHold());
    const survivor = replicas.find(replica => replica !== arrived.victim)!;
    const survivorProxy = proxies[replicas.indexOf(survivor)];
    expect(proxies.map(proxy => proxy.held.length).sort()).toEqual([0, 1]);

    // Once the dead replica's lease has expired and a janitor has freed it, the survivor runs
    // the next cycle: every SLO evaluated, the scorecard projected.
    await waitFor(
      'the survivor evaluating every SLO',
      TIMEOUT_MS + JANITOR_MS + SCHEDULER_POLL_MS + 20_000,
      () => watched.allAfter(killedAt),
      replicas,
    );
    const survivorEvaluation = Math.max(
      ...[...watched.bySlo.values()].map(seen => seen[seen.length - 1]),
    );
    await waitFor(
      'the survivor projecting the scorecard',
      20_000,
      async () => {
        const basis = await db('scorecard_snapshot_basis')
          .where({ day: days[2] })
          .first();
        return Number(basis?.recorded_at) >= survivorEvaluation;
      },
      replicas,
    );
    await Promise.all(
      [6, 7].map(i => attest(survivor, `through ${survivor.name} #${i}`)),
    );

    // What users see through the survivor: the whole history, and every audit event once.
    const trends = (await (
      await fetch(`${survivor.api}/scorecard/trends?days=3`)
    ).json()) as { days: ScorecardTrendPoint[] };
    expect(
      trends.days.map(d => [d.day, d.entities, d.withSlos, d.outOfBudget]),
    ).toEqual([
      [days[0], 2, 2, 0],
      [days[1], 2, 2, 1],
      [days[2], 2, 2, 1],
    ]);
    const events = (await (
      await fetch(
        `${survivor.api}/readiness/component/default/outage-svc/events`,
      )
    ).json()) as ReadinessEvent[];
    expect(events.map(e => [e.type, e.itemId, e.data.comment]).sort()).toEqual(
      written.map(comment => ['item.attested', 'capacity', comment]).sort(),
    );
    expect(new Set(events.map(e => e.id)).size).toBe(8);

    await survivor.stop();
    await watched.stop();

    // One snapshot row per entity and day, one basis per day: the days before today measured
    // afterwards, today live.
    expect(
      await db('scorecard_daily')
        .select('day')
        .count({ rows: '*' })
        .groupBy('day')
        .orderBy('day'),
    ).toEqual(days.map(day => ({ day, rows: '2' })));
    expect(
      (
        await db('scorecard_snapshot_basis')
          .select('day', 'measured', 'entity_count', 'slo_count')
          .orderBy('day')
      ).map(row => Object.values(row)),
    ).toEqual([
      [days[0], 'afterwards', 2, 2],
      [days[1], 'afterwards', 2, 2],
      [days[2], 'live', 2, 2],
    ]);

    // Every query went through a replica's proxy.
    const sent = proxies.flatMap((proxy, i) =>
      proxy.forwarded.map(query => ({ replica: replicas[i].name, query })),
    );
    expect((await queriesAnswered(prometheus.url)) - answeredBefore).toBe(
      sent.length,
    );
    const groups = byEvaluationTime(sent);

    // History: each day before today measured once at its last minute (23:59 UTC), by one
    // replica.
    const past = [...groups.entries()].filter(([at]) => at < startedAt);
    expect(past.map(([at]) => at).sort((x, y) => x - y)).toEqual(
      days
        .slice(1)
        .map(
          day => DateTime.fromISO(day, { zone: 'utc' }).toMillis() - MINUTE_MS,
        ),
    );
    expect(past.map(([, group]) => group.replicas.size)).toEqual([1, 1]);

    // Live evaluations: what the store recorded is exactly what Prometheus was asked, once per
    // interval, each time by one replica and with the same number of queries. Only the
    // evaluation cut short by the kill was asked and not recorded.
    const recorded = [...new Set([...watched.bySlo.values()].flat())].sort(
      (x, y) => x - y,
    );
    const live = [...groups.entries()]
      .filter(([at]) => at >= startedAt && at !== arrived.query.at)
      .sort(([x], [y]) => x - y);
    expect(live.map(([at]) => at)).toEqual(recorded);
    expect(live.map(([at, group]) => [at, group.replicas.size])).toEqual(
      recorded.map(at => [at, 1]),
    );
    expect(new Set(live.map(([, group]) => group.queries)).size).toBe(1);
    for (const seen of watched.bySlo.values()) {
      // Never twice in one interval (less the tolerance for the jitter of cycle starts).
      expect(Math.min(...gaps(seen))).toBeGreaterThanOrEqual(
        INTERVAL_MS * (1 - DUE_TOLERANCE),
      );
    }
    const beforeKill = [...watched.bySlo.values()].map(seen =>
      seen.filter(at => at < killedAt),
    );
    for (const seen of beforeKill) {
      // Never skipped for more than one cycle: a cycle that the scheduler's polling starts more
      // than the tolerance early skips the SLO; with a 5-minute interval none does.
      expect(Math.max(...gaps(seen))).toBeLessThanOrEqual(
        2 * INTERVAL_MS + SCHEDULER_POLL_MS + 5_000,
      );
    }
    // The survivor ran the cycle after the crash.
    expect(
      survivorProxy.forwarded.some(query => query.at === survivorEvaluation),
    ).toBe(true);
    expect(arrived.query.at).toBeGreaterThan(
      Math.max(...beforeKill.map(seen => seen[seen.length - 1])),
    );
  });
});
