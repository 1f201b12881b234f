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

/** The portal's backend (real catalog with the SLO fixtures) with its scheduler to trigger tasks. */
async function startBackend(metricSourceUrl: string) {
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory: typeof mockServices.scheduler.factory;
  };
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      reliabilityPlugin,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            metricSources: [{ name: 'main', url: metricSourceUrl }],
            scorecard: { backfillDays: 14 },
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [
              { type: 'file', target: path.join(fixtures, 'slo-catalog.yaml') },
            ],
          },
        },
      }),
    ],
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await request(server).get(
      '/api/catalog/entities/by-name/component/default/leaky-svc',
    );
    if (response.status === 200) break;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  const sync = () => scheduler.triggerTask('reliability-definitions-sync');
  const trends = async () =>
    (
      await request(server)
        .get('/api/reliability/scorecard/trends')
        .query({ days: 15, owner: 'group:default/payments' })
    ).body.days as ScorecardTrendPoint[];
  return { sync, trends };
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

  it('measures each missing day of the last two weeks at its end, once', async () => {
    const { sync, trends } = await startBackend(prometheus.url);
    const beforeSync = await queriesAnswered(prometheus.url);
    await sync();
    const afterFirstSync = await queriesAnswered(prometheus.url);
    const days = await trends();
    const expectedDays = Array.from(
      { length: 15 },
      (_, i) => today.minus({ days: 14 - i }).toISODate()!,
    );
    expect(days.map(d => d.day)).toEqual(expectedDays);
    // Both services every day; only outage-svc has data (leaky-svc's series do not exist). Its
    // budget is intact until the outage, and overspent from the end of that day on.
    expect(
      days.map(d => [d.day, d.entities, d.withSlos, d.outOfBudget, d.noData]),
    ).toEqual(expectedDays.map((day, i) => [day, 2, 2, i < 9 ? 0 : 1, 1]));
    expect(days.map(d => d.attainment)).toEqual(
      expectedDays.map((_, i) => (i < 9 ? 1 : 0)),
    );

    // Nothing is missing any more: the next syncs evaluate today only, and the history stays.
    const stored = JSON.stringify(days.slice(0, 14));
    await sync();
    const afterSecondSync = await queriesAnswered(prometheus.url);
    await sync();
    const afterThirdSync = await queriesAnswered(prometheus.url);
    const oneEvaluation = afterThirdSync - afterSecondSync;
    expect(afterSecondSync - afterFirstSync).toBe(oneEvaluation);
    // The first sync: today's evaluation and one per missing day.
    expect(afterFirstSync - beforeSync).toBe(15 * oneEvaluation);
    expect(JSON.stringify((await trends()).slice(0, 14))).toBe(stored);
  });

  it('records no past day while the metric source is down', async () => {
    const { sync, trends } = await startBackend('http://127.0.0.1:1');
    await sync();
    expect((await trends()).map(d => [d.day, d.entities, d.noData])).toEqual([
      [today.toISODate(), 2, 2],
    ]);
  });
});
