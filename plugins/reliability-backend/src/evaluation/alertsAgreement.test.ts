import { PrometheusDriver } from 'prometheus-query';
import {
  BudgetStatus,
  BudgetingMethod,
  DEFAULT_ERROR_BUDGET_POLICY,
  SloDefinition,
  buildPrometheusRules,
  prometheusRulesYaml,
  sloBudgetStatus,
} from '@reliability-suite/plugin-reliability-common';
import {
  SeriesSpec,
  TestPrometheus,
  startPrometheus,
  toOpenMetrics,
} from '../testing/prometheus';
import { DAY_MS, MINUTE_MS, counter } from '../testing/scenarios';
import { PrometheusMetricSource } from './MetricSource';
import { evaluateSlo } from './evaluateSlo';

jest.setTimeout(180_000);

// 31 days of one-minute samples ending at `now`.
const MINUTES = 31 * 24 * 60 + 1;
const LAST = MINUTES - 1;
const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
const ENTITY = 'component:default/checkout';
const RPM = 600;

/** Good and failed requests of a service minute by minute (minute LAST is `now`). */
function traffic(
  job: string,
  perMinute: (minutesAgo: number) => { good: number; bad: number },
): SeriesSpec[] {
  return [
    {
      name: 'http_requests_total',
      labels: { job, code: '200' },
      values: counter(MINUTES, i => perMinute(LAST - i).good),
    },
    {
      name: 'http_requests_total',
      labels: { job, code: '500' },
      values: counter(MINUTES, i => perMinute(LAST - i).bad),
    },
  ];
}

const all = (bad: number) => ({ good: RPM - bad, bad });

/** Each scenario's traffic, and the status both the portal and the alerts must come to. */
const SCENARIOS: Array<[string, SeriesSpec[], BudgetStatus]> = [
  // Every request failing for the last 15 minutes: the 1 h/5 m page fires.
  ['recent', traffic('recent', ago => all(ago < 15 ? RPM : 0)), 'burning_fast'],
  // 5 % failing for the last day: the 1 d/2 h ticket fires, nothing pages.
  ['slow', traffic('slow', ago => all(ago < 1440 ? 30 : 0)), 'burning_slow'],
  // One hour of failures ten days ago: long spent, nothing fires.
  [
    'old',
    traffic('old', ago => all(ago >= 14_400 && ago < 14_460 ? RPM : 0)),
    'on_track',
  ],
  // A failed hour 13 hours ago, then no traffic for 12 hours: no window with traffic burns on
  // both its long and short side (the last day's slice is bad, but no alert measures slices).
  [
    'quiet',
    traffic('quiet', ago => {
      if (ago < 720) return { good: 0, bad: 0 };
      return all(ago >= 780 && ago < 840 ? RPM : 0);
    }),
    'on_track',
  ],
];

const METHODS: BudgetingMethod[] = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
];

function slo(job: string, method: BudgetingMethod): SloDefinition {
  return {
    name: `${job}-${method.toLowerCase()}`,
    indicator: {
      metric: {
        type: 'ratio',
        counter: true,
        good: { query: `http_requests_total{job="${job}",code!~"5.."}` },
        total: { query: `http_requests_total{job="${job}"}` },
      },
    },
    // One-hour slices that are good at 90 % or more: no scenario spends its budget, so the
    // status is the burn rates' alone.
    objectives: [
      method === 'Occurrences'
        ? { target: 0.99 }
        : { target: 0.99, timeSliceWindow: '1h', timeSliceTarget: 0.9 },
    ],
    timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY_MS },
    budgetingMethod: method,
    alertPolicies: [],
    source: { format: 'inline', file: 'catalog-info.yaml' },
  };
}

/**
 * The case reported: a Timeslices SLO of one-day slices whose last slice is bad (a failed hour
 * in 12 hours of traffic is 91.7 % good, under the slice target of 95 %), then 12 quiet hours.
 * Counting burn in slices said 10× in every window from 5 m to 1 d: burning fast, while the
 * rules fired nothing.
 */
const dailySlices: SloDefinition = {
  ...slo('quiet', 'Timeslices'),
  name: 'quiet-daily-slices',
  objectives: [{ target: 0.9, timeSliceWindow: '1d', timeSliceTarget: 0.95 }],
};

const slos = [
  ...SCENARIOS.flatMap(([job]) => METHODS.map(m => slo(job, m))),
  dailySlices,
];

describe('the portal and the exported alert rules agree, for every budgeting method', () => {
  let prometheus: TestPrometheus;
  let source: PrometheusMetricSource;

  beforeAll(async () => {
    const { rules } = buildPrometheusRules(ENTITY, slos);
    prometheus = await startPrometheus(
      toOpenMetrics(
        SCENARIOS.flatMap(([, series]) => series),
        now,
        MINUTE_MS,
      ),
      { rules: prometheusRulesYaml(rules) },
    );
    source = new PrometheusMetricSource(
      'test',
      new PrometheusDriver({ endpoint: prometheus.url, preferPost: true }),
      30,
    );
    // Every group has been evaluated once (each SLO's ratios, and its alerts after them, are one
    // group): a quiet service's ratios are recorded too, as NaN.
    for (let attempt = 0; ; attempt++) {
      const recorded = await source.instantSeries(
        'slo:sli_error:ratio_rate5m',
        Date.now(),
      );
      if (recorded.length === slos.length) break;
      if (attempt > 100) throw new Error('the rules were not evaluated');
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    // Prometheus writes the ALERTS series of the first evaluations a little later: a few more
    // rounds (one a second) before asking for them.
    await new Promise(resolve => setTimeout(resolve, 3000));
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  /** The alerts Prometheus fires now for an SLO, as the budget status they mean. */
  async function statusFromAlerts(name: string): Promise<BudgetStatus> {
    const firing = await source.instantSeries(
      `ALERTS{alertstate="firing",slo="${name}"}`,
      Date.now(),
    );
    const severities = firing.map(series => series.labels.severity);
    if (severities.includes('page')) return 'burning_fast';
    if (severities.includes('ticket')) return 'burning_slow';
    return 'on_track';
  }

  it.each(
    SCENARIOS.flatMap(([job, , expected]) =>
      METHODS.map(method => [job, method, expected] as const),
    ),
  )(
    '%s, %s: %s on the card, scorecard and review as in ALERTS',
    async (job, method, expected) => {
      const definition = slos.find(s => s.name === slo(job, method).name)!;
      const fromAlerts = await statusFromAlerts(definition.name);
      const figures = await evaluateSlo(definition, source, Date.now(), {
        policy: DEFAULT_ERROR_BUDGET_POLICY,
        scrapeIntervalMs: MINUTE_MS,
        historyPoints: 120,
        entityRef: ENTITY,
      });
      expect(figures.budget.overspent).toBe(false);
      expect(fromAlerts).toBe(expected);
      expect(sloBudgetStatus(figures)).toBe(expected);
    },
  );

  it('measures time-slice burn rates as the rules do: no traffic is no burn, not the last slice repeated', async () => {
    const figures = await evaluateSlo(dailySlices, source, Date.now(), {
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      scrapeIntervalMs: MINUTE_MS,
      historyPoints: 120,
      entityRef: ENTITY,
    });
    // No requests in the last 12 hours: windows up to 6 h have no data; the last day holds
    // 12 hours of traffic with one failed hour (36,000 of 432,000 requests: 8.3 %, 0.83× a 90 %
    // budget), the last 3 days 60 hours (1.7 %, 0.17×).
    const rates = figures.burnRates.map(b => b.rate);
    expect(rates.slice(0, 5)).toEqual(Array(5).fill(undefined));
    // To Prometheus's extrapolation at the windows' edges.
    expect(rates[5]).toBeGreaterThan(0.83);
    expect(rates[5]).toBeLessThan(0.84);
    expect(rates[6]).toBeGreaterThan(0.165);
    expect(rates[6]).toBeLessThan(0.169);
    expect(sloBudgetStatus(figures)).toBe('on_track');
    expect(await statusFromAlerts(dailySlices.name)).toBe('on_track');
    // The budget still counts slices: the last day's slice is bad, one of 30 with data.
    expect(figures.sli).toBeCloseTo(29 / 30, 12);
    expect(figures.budget).toMatchObject({
      unit: 'minutes',
      total: 4_320,
      consumed: 1_440,
      remaining: 2_880,
      overspent: false,
    });
  });
});
