import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DateTime } from 'luxon';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { ScorecardTrendPoint } from '@reliability-suite/plugin-reliability-common';
import {
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from './testing/prometheus';
import { MINUTE_MS, serviceCounters } from './testing/scenarios';
import { PIPELINE_TASK_ID } from './pipeline/ReliabilityPipeline';
import reliabilityPlugin from '.';

jest.setTimeout(180_000);

const fixtures = path.resolve(__dirname, '__fixtures__');
/** 45 days of samples: a 30-day window measured 14 days ago needs 44 days of data. */
const MINUTES = 45 * 24 * 60 + 1;
const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
const today = DateTime.fromMillis(now, { zone: 'utc' }).startOf('day');
/** A one-hour outage at noon (UTC) 5 days ago: 60,000 failed requests, 139 % of the budget. */
const outageAt = today.minus({ days: 5 }).plus({ hours: 12 }).toMillis();
const outageStart = MINUTES - 1 - (now - outageAt) / MINUTE_MS;

/**
 * The portal's backend from a clean start (real catalog reading `location`, by default the SLO
 * fixtures, empty database): the pipeline's first cycle starts by itself once the catalog has
 * loaded (entity count unchanged for 1 s) or after `maxWaitMinutes`; later cycles when triggered.
 */
async function startBackend(
  metricSourceUrl: string,
  options: { location?: string; maxWaitMinutes?: number } = {},
) {
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory: typeof mockServices.scheduler.factory;
    waitForTask(id: string): Promise<void>;
  };
  /** The end of the next cycle (waited for before it starts). */
  const nextCycle = () => scheduler.waitForTask(PIPELINE_TASK_ID);
  const firstCycle = nextCycle();
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      reliabilityPlugin,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            // One query per count, so that queries counted tell evaluations counted.
            metricSources: [
              { name: 'main', url: metricSourceUrl, batchSize: 1 },
            ],
            scorecard: { backfillDays: 14 },
            pipeline: {
              startup: {
                catalogQuietSeconds: 1,
                catalogMaxWaitMinutes: options.maxWaitMinutes ?? 1,
              },
            },
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [
              {
                type: 'file',
                target:
                  options.location ?? path.join(fixtures, 'slo-catalog.yaml'),
              },
            ],
          },
        },
      }),
    ],
  });
  const trigger = () => scheduler.triggerTask(PIPELINE_TASK_ID);
  const trends = async () =>
    (
      await request(server)
        .get('/api/reliability/scorecard/trends')
        .query({ days: 15, owner: 'group:default/payments' })
    ).body.days as ScorecardTrendPoint[];
  /** "Evaluate now" of both services: one evaluation of every SLO. */
  const evaluateNow = async () => {
    for (const name of ['outage-svc', 'leaky-svc']) {
      await request(server)
        .post(`/api/reliability/slos/component/default/${name}/evaluate`)
        .expect(200);
    }
  };
  return { firstCycle, nextCycle, trigger, trends, evaluateNow };
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

describe('scorecard history filled from the metric source', () => {
  let prometheus: TestPrometheus;
  beforeAll(async () => {
    prometheus = await startPrometheus(
      toOpenMetrics(
        serviceCounters('outage', MINUTES, 1000, {
          start: outageStart,
          end: outageStart + 60,
        }),
        now,
        MINUTE_MS,
      ),
    );
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  const expectedDays = Array.from(
    { length: 15 },
    (_, i) => today.minus({ days: 14 - i }).toISODate()!,
  );
  /** Both services every day; only outage-svc has data (leaky-svc's series do not exist). Its
   * budget is intact until the outage, and overspent from the end of that day on. */
  const expectHistory = (days: ScorecardTrendPoint[]) => {
    expect(days.map(d => d.day)).toEqual(expectedDays);
    expect(
      days.map(d => [d.day, d.entities, d.withSlos, d.outOfBudget, d.noData]),
    ).toEqual(expectedDays.map((day, i) => [day, 2, 2, i < 9 ? 0 : 1, 1]));
    expect(days.map(d => d.attainment)).toEqual(
      expectedDays.map((_, i) => (i < 9 ? 1 : 0)),
    );
  };

  it('measures each missing day of the last two weeks at its end, once, in the first cycle after the catalog has loaded', async () => {
    const beforeStart = await queriesAnswered(prometheus.url);
    const { firstCycle, nextCycle, trigger, trends, evaluateNow } =
      await startBackend(prometheus.url);
    await firstCycle;
    const afterFirstCycle = await queriesAnswered(prometheus.url);
    const days = await trends();
    expectHistory(days);

    await evaluateNow();
    const oneEvaluation =
      (await queriesAnswered(prometheus.url)) - afterFirstCycle;
    expect(oneEvaluation).toBeGreaterThan(0);
    // The first cycle: today's evaluation and one per missing day.
    expect(afterFirstCycle - beforeStart).toBe(15 * oneEvaluation);

    // Nothing is missing any more, and every SLO was evaluated within the interval: the next
    // cycles measure nothing, and the history stays.
    const stored = JSON.stringify(days.slice(0, 14));
    const beforeMore = await queriesAnswered(prometheus.url);
    for (let i = 0; i < 2; i++) {
      const cycle = nextCycle();
      await trigger();
      await cycle;
    }
    expect((await queriesAnswered(prometheus.url)) - beforeMore).toBe(0);
    expect(JSON.stringify((await trends()).slice(0, 14))).toBe(stored);
  });

  it('records no past day from a catalog that has not loaded, and measures them once it has', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'late-catalog-'));
    const location = path.join(folder, 'catalog-info.yaml');
    try {
      // The catalog's only location cannot be read yet: the first cycle starts after the
      // longest wait (3 s) from a catalog that has not loaded.
      const { firstCycle, nextCycle, trends } = await startBackend(
        prometheus.url,
        { location, maxWaitMinutes: 0.05 },
      );
      await firstCycle;
      // No past day recorded; today's snapshot holds no entity (none has been read).
      expect(await trends()).toEqual([]);

      // The location becomes readable: once the catalog has loaded, a cycle starts at once,
      // reads the definitions and measures the whole history.
      const loadedCycle = nextCycle();
      await fs.copyFile(path.join(fixtures, 'slo-catalog.yaml'), location);
      await loadedCycle;
      expectHistory(await trends());
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('records no past day while the metric source is down', async () => {
    const { firstCycle, trends } = await startBackend('http://127.0.0.1:1');
    await firstCycle;
    expect((await trends()).map(d => [d.day, d.entities, d.noData])).toEqual([
      [today.toISODate(), 2, 2],
    ]);
  });
});
