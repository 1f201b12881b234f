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
import { countingSource } from '../testing/countingSource';
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

const ODD_JOB = 'pay.ments+(eu)';

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
          // Regular-expression characters in a value: aggregated queries must escape them.
          ...serviceCounters(ODD_JOB, MINUTES, 500, {
            start: outageStart,
            end: outageStart + 30,
          }),
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
    const counting = countingSource(single);
    queries = counting.queries;
    return new BatchingMetricSource(counting.source, maxBatch);
  }

  it('gives every SLO exactly the figures it has when measured query by query, with far fewer queries', async () => {
    const options = {
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      scrapeIntervalMs: MINUTE_MS,
      historyPoints: 120,
    };
    const jobs = ['outage', 'idle', 'leaky', 'missing', ODD_JOB];
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
    // 30 bad minutes of 500 requests in 30 days: 15,000 of a 21,600-request budget spent.
    expect(together[4].budget.remainingFraction).toBeCloseTo(
      1 - 15_000 / 21_600,
      9,
    );
    // 18 queries an SLO alone (16 instant counts, 2 burn-down ranges). Together: per window
    // (8) and selector shape (good, total) one aggregated count for all five SLOs, the 16 sent
    // as one query, plus one aggregated burn-down range per shape.
    expect(queriesAlone).toBe(5 * 18);
    expect(queries).toEqual([
      expect.stringMatching(/^label_replace\(sum by \(job\) \(increase/),
      'sum by (job) (increase(http_requests_total{job=~"idle|leaky|missing|outage|pay\\\\.ments\\\\+\\\\(eu\\\\)"}[21600s]))',
      'sum by (job) (increase(http_requests_total{code!~"5..",job=~"idle|leaky|missing|outage|pay\\\\.ments\\\\+\\\\(eu\\\\)"}[21600s]))',
    ]);
  });

  it("joins a time-slice SLO's per-minute counts over 30 days, asked in parts, exactly as alone", async () => {
    const options = {
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      scrapeIntervalMs: MINUTE_MS,
      historyPoints: 120,
    };
    const timeslices = (job: string): SloDefinition => ({
      ...slo(job),
      budgetingMethod: 'Timeslices',
      objectives: [
        { target: 0.999, timeSliceTarget: 0.99, timeSliceWindow: '1m' },
      ],
    });
    const jobs = ['outage', 'leaky', ODD_JOB];
    const unbatched = counted(1);
    const alone = await Promise.all(
      jobs.map(job => evaluateSlo(timeslices(job), unbatched, now, options)),
    );
    const batched = counted(50);
    const together = await Promise.all(
      jobs.map(job => evaluateSlo(timeslices(job), batched, now, options)),
    );
    expect(together).toEqual(alone);
    // A 60- and a 30-minute outage: each one-minute slice counts over two scrapes (2m), so the
    // minute after an outage is bad too.
    expect(together.map(f => f.budget.consumed)).toEqual([61, 0, 31]);
    // The burn-rate windows' counts (as the exported rules measure time-slice SLOs too) in one
    // batch, and one aggregated range query per shape (43,200 points a series, which the
    // source asks in parts of at most 11,000 points and joins).
    expect(queries).toEqual([
      expect.stringMatching(
        /^label_replace\(sum by \(job\) \(increase\(http_requests_total\{job=~"leaky\|outage\|pay\\\\\.ments\\\\\+\\\\\(eu\\\\\)"\}\[300s\]\)\)/,
      ),
      'sum by (job) (increase(http_requests_total{job=~"leaky|outage|pay\\\\.ments\\\\+\\\\(eu\\\\)"}[120s]))',
      'sum by (job) (increase(http_requests_total{code!~"5..",job=~"leaky|outage|pay\\\\.ments\\\\+\\\\(eu\\\\)"}[120s]))',
    ]);
  });

  it('asks each count alone when an aggregated query fails, with the same figures', async () => {
    const options = {
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      scrapeIntervalMs: MINUTE_MS,
      historyPoints: 120,
    };
    const jobs = ['outage', 'leaky', 'missing'];
    const unbatched = counted(1);
    const alone = await Promise.all(
      jobs.map(job => evaluateSlo(slo(job), unbatched, now, options)),
    );
    const source = counted(50);
    const spy = (source as any).source as PrometheusMetricSource;
    const refused = () =>
      Promise.reject(new Error('query processing would load too many samples'));
    spy.instantSeries = (query, at) => {
      queries.push(query);
      return query.includes('sum by')
        ? refused()
        : single.instantSeries(query, at);
    };
    spy.rangeSeries = query => {
      queries.push(query);
      return refused();
    };
    const together = await Promise.all(
      jobs.map(job => evaluateSlo(slo(job), source, now, options)),
    );
    expect(together).toEqual(alone);
    // The batch of aggregated counts, each aggregated count, the aggregated burn-downs: all
    // refused; then the 48 counts alone in one label_replace batch, and every burn-down alone.
    expect(queries.filter(q => !q.includes('sum by'))).toHaveLength(1 + 3 * 2);
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
