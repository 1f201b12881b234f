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
import { PrometheusMetricSource } from './MetricSource';
import { EvaluationOptions, evaluateSlo } from './evaluateSlo';

jest.setTimeout(120_000);

// 31 days of one-minute samples ending at `now`.
const MINUTES = 31 * 24 * 60 + 1;
const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
const outageStart = MINUTES - 1 - 10 * 24 * 60; // ten days ago, for one hour

const options: EvaluationOptions = {
  policy: DEFAULT_ERROR_BUDGET_POLICY,
  scrapeIntervalMs: MINUTE_MS,
  historyPoints: 120,
};

function ratioSlo(
  job: string,
  budgetingMethod: SloDefinition['budgetingMethod'] = 'Occurrences',
): SloDefinition {
  return {
    name: `${job}-availability`,
    indicator: {
      metric: {
        type: 'ratio',
        counter: true,
        good: { query: `http_requests_total{job="${job}",code!~"5.."}` },
        total: { query: `http_requests_total{job="${job}"}` },
      },
    },
    objectives: [
      { target: 0.999, timeSliceTarget: 0.95, timeSliceWindow: '1m' },
    ],
    timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY_MS },
    budgetingMethod,
    alertPolicies: [],
    source: { format: 'inline', file: 'catalog-info.yaml' },
  };
}

describe('evaluateSlo against a real Prometheus with backfilled history', () => {
  let prometheus: TestPrometheus;
  let source: PrometheusMetricSource;

  beforeAll(async () => {
    const series = [
      ...serviceCounters('outage', MINUTES, 1000, {
        start: outageStart,
        end: outageStart + 60,
      }),
      ...serviceCounters(
        'restarted',
        MINUTES,
        1000,
        { start: outageStart, end: outageStart + 60 },
        MINUTES - 5 * 24 * 60,
      ),
      ...serviceCounters('idle', MINUTES, 0),
      // 7 of 10,000 requests fail every minute: error ratio 0.0007, 70 % of the budget spent.
      ...serviceCounters('leaky', MINUTES, 9993).map(s =>
        s.labels.code === '500'
          ? { ...s, values: s.values.map((_, i) => 7 * (i + 1)) }
          : s,
      ),
    ];
    prometheus = await startPrometheus(toOpenMetrics(series, now, MINUTE_MS));
    source = new PrometheusMetricSource(
      'test',
      new PrometheusDriver({ endpoint: prometheus.url, preferPost: true }),
      30,
    );
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  it('a full 1-hour outage of a 99.9 %/30 d SLO consumes 138.9 % of the budget', async () => {
    const figures = await evaluateSlo(ratioSlo('outage'), source, now, options);
    expect(figures.sli).toBeCloseTo(1 - 1 / 720, 6);
    expect(
      Number(((1 - figures.budget.remainingFraction!) * 100).toFixed(1)),
    ).toBe(138.9);
    expect(figures.budget.unit).toBe('events');
    expect(figures.budget.total).toBeCloseTo(43_200, -1);
    expect(figures.budget.consumed).toBeCloseTo(60_000, -1);
    expect(figures.budget.overspent).toBe(true);
    expect(figures.attained).toBe(false);
    expect(figures.policyState).toBe('red');
    // The outage was ten days ago: nothing burns in any lookback window now.
    expect(figures.burnRates.map(b => b.rate)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(figures.projectedExhaustion).toBeUndefined();
    expect(figures.history.length).toBeGreaterThan(100);
    expect(figures.history[0].remaining).toBe(1);
    expect(figures.history[figures.history.length - 1].remaining).toBeCloseTo(
      -0.3889,
      3,
    );
  });

  it('a counter reset mid-window changes nothing', async () => {
    const steady = await evaluateSlo(ratioSlo('outage'), source, now, options);
    const restarted = await evaluateSlo(
      ratioSlo('restarted'),
      source,
      now,
      options,
    );
    expect(restarted.sli).toBeCloseTo(steady.sli!, 6);
    expect(restarted.budget.remainingFraction).toBeCloseTo(
      steady.budget.remainingFraction!,
      4,
    );
  });

  it('a service with no traffic is no data: not 100 %, not 0 %', async () => {
    const figures = await evaluateSlo(ratioSlo('idle'), source, now, options);
    expect(figures.sli).toBeUndefined();
    expect(figures.attained).toBeUndefined();
    expect(figures.budget.remainingFraction).toBeUndefined();
    expect(figures.policyState).toBe('nodata');
    expect(figures.burnRates.every(b => b.rate === undefined)).toBe(true);
  });

  it('a steady error ratio of 0.07 % burns at 0.7× and leaves 30 % (yellow)', async () => {
    const figures = await evaluateSlo(ratioSlo('leaky'), source, now, options);
    expect(figures.budget.remainingFraction).toBeCloseTo(0.3, 3);
    expect(figures.policyState).toBe('yellow');
    for (const { rate } of figures.burnRates) expect(rate).toBeCloseTo(0.7, 2);
    // 30 % left at 0.7× of a 30-day window: 0.3 × 30 d / 0.7 ≈ 12.86 days.
    expect((figures.projectedExhaustion! - now) / DAY_MS).toBeCloseTo(
      12.857,
      1,
    );
  });

  it('Timeslices: a 1-hour outage makes 61 bad one-minute slices (43,200 points, queried in chunks)', async () => {
    // A slice is measured with increase() over max(slice, 2 × scrape interval) = 2 m, so the
    // slice right after the outage still sees one failing minute: 60 + 1 bad slices.
    const figures = await evaluateSlo(
      ratioSlo('outage', 'Timeslices'),
      source,
      now,
      options,
    );
    expect(figures.budget.unit).toBe('minutes');
    expect(figures.budget.total).toBe(43.2);
    expect(figures.budget.consumed).toBe(61);
    expect(figures.budget.remaining).toBeCloseTo(-17.8, 6);
    expect(figures.budget.remainingFraction).toBeCloseTo(1 - 61 / 43.2, 3);
    expect(figures.policyState).toBe('red');
  });

  it('RatioTimeslices averages per-slice ratios', async () => {
    const figures = await evaluateSlo(
      ratioSlo('leaky', 'RatioTimeslices'),
      source,
      now,
      options,
    );
    expect(figures.sli).toBeCloseTo(0.9993, 6);
    expect(figures.budget.remainingFraction).toBeCloseTo(0.3, 3);
  });
});
