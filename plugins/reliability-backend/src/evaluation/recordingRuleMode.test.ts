import { PrometheusDriver } from 'prometheus-query';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  SloDefinition,
  SloFigures,
  buildPrometheusRules,
  prometheusRulesYaml,
} from '@reliability-suite/plugin-reliability-common';
import {
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from '../testing/prometheus';
import { DAY_MS, MINUTE_MS, serviceCounters } from '../testing/scenarios';
import { BatchingMetricSource } from './BatchingMetricSource';
import { PrometheusMetricSource } from './MetricSource';
import { countingSource } from '../testing/countingSource';
import { EvaluationOptions, evaluateSlo } from './evaluateSlo';

jest.setTimeout(180_000);

// 31 days of one-minute samples ending at `now`.
const MINUTES = 31 * 24 * 60 + 1;
const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
const outageStart = MINUTES - 1 - 10 * 24 * 60; // ten days ago, for one hour
const recentOutage = MINUTES - 1 - 20; // twenty minutes ago, for ten minutes
const ENTITY = 'component:default/checkout';

const options = (entityRef = ENTITY): EvaluationOptions => ({
  policy: DEFAULT_ERROR_BUDGET_POLICY,
  scrapeIntervalMs: MINUTE_MS,
  historyPoints: 120,
  entityRef,
});

function slo(
  name: string,
  job: string,
  form: 'good' | 'bad',
  windowDays = 30,
  target = 0.999,
): SloDefinition {
  const counted = {
    good: { query: `http_requests_total{job="${job}",code!~"5.."}` },
    bad: { query: `http_requests_total{job="${job}",code=~"5.."}` },
  };
  return {
    name,
    indicator: {
      metric: {
        type: 'ratio',
        counter: true,
        [form]: counted[form],
        total: { query: `http_requests_total{job="${job}"}` },
      },
    },
    objectives: [{ target }],
    timeWindow: {
      type: 'rolling',
      duration: `${windowDays}d`,
      durationMs: windowDays * DAY_MS,
    },
    budgetingMethod: 'Occurrences',
    alertPolicies: [],
    source: { format: 'inline', file: 'catalog-info.yaml' },
  };
}

// Loaded as exported: every kind of SLO, both SLI forms, two windows.
const exported = [
  slo('availability', 'outage', 'good'),
  slo('errors', 'outage', 'bad'),
  slo('availability-7d', 'recent', 'good', 7),
  slo('errors-7d', 'recent', 'bad', 7),
  // A service with no good series at all: every request fails.
  slo('down', 'down', 'good'),
  slo('quiet', 'idle', 'good'),
  slo('gone', 'missing', 'good'),
  // Loaded with another objective than the catalog's now.
  slo('tightened', 'outage', 'good', 30, 0.99),
];

/**
 * The same figures: the window's counts are the same queries, so everything but the burn rates
 * is identical; a burn rate is a ratio of rates in the rules and of counts in the portal, equal
 * to 12 significant digits (the portal keeps 12).
 */
function expectSameFigures(
  recorded: SloFigures,
  direct: SloFigures,
  /** Fields that depend on when the figures were asked, not on the records. */
  moment: Array<keyof SloFigures> = [],
) {
  const without = (figures: SloFigures) => {
    const rest: Partial<SloFigures> = { ...figures, burnRates: [] };
    for (const field of moment) delete rest[field];
    return rest;
  };
  expect(without(recorded)).toEqual(without(direct));
  expect(recorded.burnRates.map(b => b.windowMs)).toEqual(
    direct.burnRates.map(b => b.windowMs),
  );
  recorded.burnRates.forEach(({ rate }, index) => {
    const expected = direct.burnRates[index].rate;
    if (expected === undefined) expect(rate).toBeUndefined();
    else
      expect(Math.abs(rate! - expected)).toBeLessThanOrEqual(
        Math.abs(expected) * 1e-11,
      );
  });
}

describe('recording-rule mode against a real Prometheus evaluating the exported rules', () => {
  let prometheus: TestPrometheus;
  let single: PrometheusMetricSource;
  let queries: string[];

  beforeAll(async () => {
    // The window's counts every second too (5 minutes by default), for the test's sake.
    const { rules } = buildPrometheusRules(ENTITY, exported, {
      windowInterval: '1s',
    });
    prometheus = await startPrometheus(
      toOpenMetrics(
        [
          ...serviceCounters('outage', MINUTES, 1000, {
            start: outageStart,
            end: outageStart + 60,
          }),
          ...serviceCounters('recent', MINUTES, 600, {
            start: recentOutage,
            end: recentOutage + 10,
          }),
          ...serviceCounters('down', MINUTES, 50, {
            start: 0,
            end: MINUTES,
          }).filter(s => s.labels.code === '500'),
          ...serviceCounters('idle', MINUTES, 0),
        ],
        now,
        MINUTE_MS,
      ),
      { rules: prometheusRulesYaml(rules) },
    );
    single = new PrometheusMetricSource(
      'test',
      new PrometheusDriver({ endpoint: prometheus.url, preferPost: true }),
      30,
    );
    // Every group has been evaluated once: every SLO's objective, and the burn rates of every
    // SLO with series (all but "gone").
    for (let attempt = 0; ; attempt++) {
      const objectives = await single.instantSeries(
        'slo:objective:ratio',
        Date.now(),
      );
      const burnRates = await single.instantSeries(
        'slo:sli_error:ratio_rate5m',
        Date.now(),
      );
      if (
        objectives.length === exported.length &&
        burnRates.length === exported.length - 1
      )
        break;
      if (attempt > 100) throw new Error('the rules were not evaluated');
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  function counted(recordingRules: boolean) {
    const counting = countingSource(single);
    queries = counting.queries;
    return new BatchingMetricSource(counting.source, 50, { recordingRules });
  }

  /** When the SLO's rule group was last evaluated: its records are of that moment. */
  /**
   * When the SLO's two rule groups were last evaluated (burn rates, and the window's counts):
   * their records are of those moments, and both are the latest at the later one.
   */
  async function recordedAt(
    name: string,
  ): Promise<{ burnRates: number; window: number; both: number }> {
    const askedAt = Date.now();
    const at = async (record: string) => {
      const [series] = await single.instantSeries(
        `timestamp(${record}{slo="${name}"})`,
        askedAt,
      );
      return Math.round(Number(series.value) * 1000);
    };
    const burnRates = await at('slo:sli_error:ratio_rate5m');
    const window = await at('slo:objective:ratio');
    return { burnRates, window, both: Math.max(burnRates, window) };
  }

  it.each([
    ['availability', 1 - 60_000 / 43_200, 3, [0, 0]],
    ['errors', 1 - 60_000 / 43_200, 3, [0, 0]],
    ['availability-7d', 1 - 6_000 / 6_048, 3, [160, 180]],
    ['errors-7d', 1 - 6_000 / 6_048, 3, [160, 180]],
    ['down', -999, 9, [1000, 1000]],
  ] as const)(
    '%s: the same figures from the records as counted directly at the same moment',
    async (name, remaining, digits, [lowest, highest]) => {
      const definition = exported.find(s => s.name === name)!;
      const at = await recordedAt(name);
      const directAt = (time: number) =>
        evaluateSlo(definition, counted(false), time, options());
      const burnRatesThen = await directAt(at.burnRates);
      const windowThen = await directAt(at.window);
      const direct = await directAt(at.both);
      const directQueries = queries.length;
      const recorded = await evaluateSlo(
        definition,
        counted(true),
        at.both,
        options(),
      );
      // The window's figures as counted when its records were, the burn rates as when theirs
      // were, the burn-down (counted from raw series) as at the moment asked.
      expectSameFigures(
        { ...recorded, burnRates: [], history: [] },
        { ...windowThen, burnRates: [], history: [] },
        ['windowStart', 'windowEnd', 'measuredAt', 'projectedExhaustion'],
      );
      expectSameFigures(
        { ...burnRatesThen, burnRates: recorded.burnRates },
        burnRatesThen,
      );
      expect(recorded.history).toEqual(direct.history);
      expect(recorded.budget.remainingFraction).toBeCloseTo(remaining, digits);
      const burn1h = recorded.burnRates.find(b => b.windowMs === 3_600_000)!;
      expect(burn1h.rate).toBeGreaterThanOrEqual(lowest);
      expect(burn1h.rate).toBeLessThanOrEqual(highest);
      // Directly: the window and 7 burn-rate windows, total and good or bad (sent as one
      // label_replace batch), and the two burn-down ranges. From records: one query of the
      // records, and the same burn-down ranges.
      expect(directQueries).toBe(1 + 2);
      expect(queries).toEqual([
        expect.stringMatching(
          /^label_replace\(last_over_time\(slo:objective:ratio\{entity="component:default\/checkout"\}\[10m\]\)/,
        ),
        expect.stringMatching(/^sum\(increase\(/),
        expect.stringMatching(/^sum\(increase\(/),
      ]);
    },
  );

  it('measures directly an SLO whose rules are not loaded, or were loaded for another objective, and says "no data" from records as directly', async () => {
    const at = (await recordedAt('quiet')).both;
    const notLoaded = slo('not-loaded', 'outage', 'good');
    const tightened = slo('tightened', 'outage', 'good', 30, 0.999);
    const quiet = exported.find(s => s.name === 'quiet')!;
    const gone = exported.find(s => s.name === 'gone')!;
    const direct = await Promise.all(
      [notLoaded, tightened, quiet, gone].map(s =>
        evaluateSlo(s, counted(false), at, options()),
      ),
    );
    const source = counted(true);
    const recorded = await Promise.all(
      [notLoaded, tightened, quiet, gone].map(s =>
        evaluateSlo(s, source, at, options()),
      ),
    );
    recorded.forEach((figures, index) =>
      expectSameFigures(figures, direct[index]),
    );
    expect(recorded.map(f => f.sli)).toEqual([
      expect.any(Number),
      expect.any(Number),
      undefined,
      undefined,
    ]);
    // The records were read once for all four; the two SLOs without usable records then
    // counted directly (aggregated), the other two answered from records.
    expect(queries[0]).toMatch(
      /^label_replace\(last_over_time\(slo:objective:ratio/,
    );
    expect(
      queries.filter(q => q.startsWith('label_replace(sum by')),
    ).toHaveLength(1);
  });

  it('measures directly when the records cannot be read, as an engine refusing a long query does', async () => {
    const definition = exported.find(s => s.name === 'availability')!;
    const at = (await recordedAt('availability')).both;
    const direct = await evaluateSlo(definition, counted(false), at, options());
    const counting = countingSource(single);
    const refusing = Object.create(counting.source) as PrometheusMetricSource;
    refusing.instantSeries = (query, time) => {
      if (query.includes('slo:objective:ratio'))
        return Promise.reject(new Error('query too long'));
      return counting.source.instantSeries(query, time);
    };
    const recorded = await evaluateSlo(
      definition,
      new BatchingMetricSource(refusing, 50, { recordingRules: true }),
      at,
      options(),
    );
    expectSameFigures(recorded, direct);
    // 60 failed minutes of 43,200 (to Prometheus's extrapolation at the window's edges).
    expect(recorded.sli).toBeCloseTo(1 - 60 / 43_200, 6);
  });
});
