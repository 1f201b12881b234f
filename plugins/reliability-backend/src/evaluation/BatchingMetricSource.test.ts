import { PrometheusDriver } from 'prometheus-query';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';
import {
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from '../testing/prometheus';
import { DAY_MS, MINUTE_MS, serviceCounters } from '../testing/scenarios';
import {
  BATCH_LABEL,
  BatchingMetricSource,
  batchedQuery,
} from './BatchingMetricSource';
import { PrometheusMetricSource } from './MetricSource';
import { evaluateSlo } from './evaluateSlo';

jest.setTimeout(120_000);

describe('batchedQuery', () => {
  it('tags each part with its index and joins them with or', () => {
    expect(
      batchedQuery(['sum(increase(a[5m]))', 'sum(increase(b{x="y"}[1h]))']),
    ).toBe(
      `label_replace(sum(increase(a[5m])), "${BATCH_LABEL}", "0", "", "") or label_replace(sum(increase(b{x="y"}[1h])), "${BATCH_LABEL}", "1", "", "")`,
    );
  });
});

const MINUTES = 31 * 24 * 60 + 1;
const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
const outageStart = MINUTES - 1 - 10 * 24 * 60;

const slo = (job: string): SloDefinition => ({
  name: `${job}-availability`,
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: `http_requests_total{job="${job}",code!~"5.."}` },
      total: { query: `http_requests_total{job="${job}"}` },
    },
  },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY_MS },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
});

describe('BatchingMetricSource against a real Prometheus', () => {
  let prometheus: TestPrometheus;
  let single: PrometheusMetricSource;
  let queries: string[];

  beforeAll(async () => {
    prometheus = await startPrometheus(
      toOpenMetrics(
        [
          ...serviceCounters('outage', MINUTES, 1000, {
            start: outageStart,
            end: outageStart + 60,
          }),
          ...serviceCounters('idle', MINUTES, 0),
          ...serviceCounters('leaky', MINUTES, 9993).map(s =>
            s.labels.code === '500'
              ? { ...s, values: s.values.map((_, i) => 7 * (i + 1)) }
              : s,
          ),
        ],
        now,
        MINUTE_MS,
      ),
    );
    const driver = new PrometheusDriver({
      endpoint: prometheus.url,
      preferPost: true,
    });
    single = new PrometheusMetricSource('test', driver, 30);
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  /** The same source, counting the queries that reach Prometheus. */
  function counted(maxBatch: number) {
    queries = [];
    const spy = Object.create(single) as PrometheusMetricSource;
    spy.instant = (query, at) => {
      queries.push(query);
      return single.instant(query, at);
    };
    spy.instantSeries = (query, at) => {
      queries.push(query);
      return single.instantSeries(query, at);
    };
    spy.range = (query, ...rest) => {
      queries.push(query);
      return single.range(query, ...rest);
    };
    return new BatchingMetricSource(spy, maxBatch);
  }

  it('gives every SLO exactly the figures it has when measured query by query, with far fewer queries', async () => {
    const options = {
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      scrapeIntervalMs: MINUTE_MS,
      historyPoints: 120,
    };
    const jobs = ['outage', 'idle', 'leaky', 'missing'];
    const unbatched = counted(1);
    const alone = await Promise.all(
      jobs.map(job => evaluateSlo(slo(job), unbatched, now, options)),
    );
    const queriesAlone = queries.length;
    const batched = counted(50);
    const together = await Promise.all(
      jobs.map(job => evaluateSlo(slo(job), batched, now, options)),
    );
    expect(together).toEqual(alone);
    expect(together[0].budget.remainingFraction).toBeCloseTo(-0.3889, 4);
    expect(together[1].sli).toBeUndefined();
    // 18 queries an SLO alone (16 instant counts, 2 burn-down ranges). Batched: the 64 instant
    // counts of all four SLOs in two queries of at most 50, plus the range queries.
    expect(queriesAlone).toBe(4 * 18);
    expect(queries.length).toBe(2 + 4 * 2);
  });

  it('answers each part as alone: no data, several series, and a part Prometheus refuses', async () => {
    const source = counted(50);
    const at = now;
    const results = await Promise.allSettled([
      source.instant('sum(increase(http_requests_total{job="leaky"}[1h]))', at),
      source.instant(
        'sum(increase(http_requests_total{job="nowhere"}[1h]))',
        at,
      ),
      source.instant('increase(http_requests_total{job="leaky"}[1h])', at),
    ]);
    expect(
      results.map(r =>
        r.status === 'fulfilled' ? r.value : (r.reason as Error).message,
      ),
    ).toEqual([
      600_000,
      undefined,
      'test: query increase(http_requests_total{job="leaky"}[1h]) returned 2 series, expected one',
    ]);
    expect(queries).toHaveLength(1);

    const broken = await Promise.allSettled([
      source.instant('sum(increase(http_requests_total{job="leaky"}[1h]))', at),
      source.instant('sum(rate(http_requests_total[5m]) @ end())', at),
      source.instant('sum(increase(nope[1h])) / on() group_left vector(1)', at),
    ]);
    expect(broken[0]).toEqual({ status: 'fulfilled', value: 600_000 });
    // The batch itself went first; each part was then asked alone.
    expect(queries.length).toBeGreaterThan(1);
  });
});
