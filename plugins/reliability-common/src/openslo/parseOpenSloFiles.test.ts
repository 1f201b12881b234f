import { formatProblem } from '../problems';
import { parseOpenSloFiles } from './parseOpenSloFiles';

const ratioSli = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-success
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        metricSourceRef: prometheus-main
        spec:
          query: http_requests_total{job="checkout",code!~"5.."}
    total:
      metricSource:
        metricSourceRef: prometheus-main
        spec:
          query: http_requests_total{job="checkout"}
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prometheus-main
spec:
  type: Prometheus
  connectionDetails:
    url: http://127.0.0.1:9090
`;

const slo = (fields: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
  annotations:
    runbook_url: https://runbooks.example.com/checkout
spec:
  service: checkout
${fields}`;

const rolling30d = `  timeWindow:
    - duration: 30d
      isRolling: true
`;

const parse = (...texts: string[]) =>
  parseOpenSloFiles(
    texts.map((text, i) => ({ path: `slo/file${i + 1}.yaml`, text })),
  );

describe('parseOpenSloFiles: valid OpenSLO v1 shapes', () => {
  it.each([
    [
      'ratio good/total by indicatorRef, rolling, Occurrences',
      slo(
        `  indicatorRef: checkout-success\n${rolling30d}  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n`,
      ),
      {
        target: 0.999,
        window: { type: 'rolling', duration: '30d', durationMs: 2592000000 },
        method: 'Occurrences',
        metric: 'ratio',
      },
    ],
    [
      'targetPercent, calendar-aligned month',
      slo(`  indicatorRef: checkout-success
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar:
        startTime: 2026-01-01 00:00:00
        timeZone: UTC
  budgetingMethod: Occurrences
  objectives:
    - targetPercent: 99.95
`),
      {
        target: 0.9995,
        window: {
          type: 'calendar',
          duration: '1M',
          startTime: '2026-01-01 00:00:00',
          timeZone: 'UTC',
        },
        method: 'Occurrences',
        metric: 'ratio',
      },
    ],
    [
      'Timeslices with timeSliceTarget and timeSliceWindow',
      slo(
        `  indicatorRef: checkout-success\n${rolling30d}  budgetingMethod: Timeslices\n  objectives:\n    - target: 0.99\n      timeSliceTarget: 0.95\n      timeSliceWindow: 2m\n`,
      ),
      {
        target: 0.99,
        window: { type: 'rolling', duration: '30d', durationMs: 2592000000 },
        method: 'Timeslices',
        metric: 'ratio',
      },
    ],
    [
      'RatioTimeslices',
      slo(
        `  indicatorRef: checkout-success\n${rolling30d}  budgetingMethod: RatioTimeslices\n  objectives:\n    - target: 0.995\n      timeSliceWindow: 5m\n`,
      ),
      {
        target: 0.995,
        window: { type: 'rolling', duration: '30d', durationMs: 2592000000 },
        method: 'RatioTimeslices',
        metric: 'ratio',
      },
    ],
    [
      'inline thresholdMetric indicator with op/value',
      slo(`  indicator:
    metadata:
      name: checkout-p99
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Timeslices
  objectives:
    - target: 0.99
      op: lte
      value: 0.3
      timeSliceTarget: 1
      timeSliceWindow: 1m
`),
      {
        target: 0.99,
        window: { type: 'rolling', duration: '28d', durationMs: 2419200000 },
        method: 'Timeslices',
        metric: 'threshold',
      },
    ],
  ])('%s', (_, sloText, expected) => {
    const { slos, problems } = parse(sloText, ratioSli);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(slos).toHaveLength(1);
    expect(slos[0].name).toBe('checkout-availability');
    expect(slos[0].objectives[0].target).toBe(expected.target);
    expect(slos[0].timeWindow).toEqual(expected.window);
    expect(slos[0].budgetingMethod).toBe(expected.method);
    expect(slos[0].indicator.metric.type).toBe(expected.metric);
    expect(slos[0].runbook).toBe('https://runbooks.example.com/checkout');
    expect(slos[0].source).toEqual({
      format: 'openslo',
      file: 'slo/file1.yaml',
      line: 1,
    });
  });

  it('resolves metricSourceRef and keeps both queries of a good/total ratio', () => {
    const { slos } = parse(
      slo(
        `  indicatorRef: checkout-success\n${rolling30d}  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n`,
      ),
      ratioSli,
    );
    expect(slos[0].indicator).toEqual({
      name: 'checkout-success',
      metric: {
        type: 'ratio',
        counter: true,
        good: {
          metricSource: 'prometheus-main',
          query: 'http_requests_total{job="checkout",code!~"5.."}',
        },
        bad: undefined,
        total: {
          metricSource: 'prometheus-main',
          query: 'http_requests_total{job="checkout"}',
        },
      },
    });
  });

  it('reads a bad/total ratio, counting sum(…) forms as their selector, and refuses raw ratios and counter: false where they are parsed', () => {
    const sli = (name: string, body: string) =>
      `apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: ${name}\nspec:\n  ratioMetric:\n${body}`;
    const querySource = (query: string) =>
      `      metricSource:\n        type: Prometheus\n        spec:\n          query: ${query}\n`;
    const bad = sli(
      'errors',
      `    bad:\n${querySource(
        'sum(errors_total{job="a"})',
      )}    total:\n${querySource('sum by (code) (requests_total{job="a"})')}`,
    );
    const raw = sli(
      'raw-errors',
      `    rawType: failure\n    raw:\n${querySource('error_ratio')}`,
    );
    const gauges = sli(
      'gauges',
      `    counter: false\n    good:\n${querySource(
        'ok_rate',
      )}    total:\n${querySource('all_rate')}`,
    );
    const sloFor = (name: string, ref: string) =>
      `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: ${name}\nspec:\n  indicatorRef: ${ref}\n${rolling30d}  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n`;
    const { slos, problems } = parse(
      `${sloFor('a', 'errors')}---\n${sloFor('b', 'raw-errors')}---\n${sloFor(
        'c',
        'gauges',
      )}`,
      `${bad}---\n${raw}---\n${gauges}`,
    );
    expect(problems.map(formatProblem)).toEqual([
      'slo/file2.yaml:25 spec.ratioMetric.raw: raw ratio SLIs are not supported: give good (or bad) and total as counters, whose increase over the window is counted',
      'slo/file2.yaml:37 spec.ratioMetric.counter: counter: false is not supported: good (or bad) and total must be counters (counter: true, the default), counted with increase() over the window',
    ]);
    expect(slos.map(s => s.indicator.metric)).toEqual([
      {
        type: 'ratio',
        counter: true,
        good: undefined,
        bad: { metricSource: undefined, query: 'errors_total{job="a"}' },
        total: { metricSource: undefined, query: 'requests_total{job="a"}' },
      },
    ]);
  });

  it('resolves alert policies by name and by alertPolicyRef', () => {
    const policy = `apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: page-fast-burn\nspec:\n  conditions:\n    - conditionRef: fast-burn\n`;
    const { slos, problems } = parse(
      slo(
        `  indicatorRef: checkout-success\n${rolling30d}  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n  alertPolicies:\n    - page-fast-burn\n    - alertPolicyRef: page-fast-burn\n`,
      ),
      `${ratioSli}---\n${policy}`,
    );
    expect(problems).toEqual([]);
    expect(slos[0].alertPolicies).toEqual(['page-fast-burn', 'page-fast-burn']);
  });
});

describe('parseOpenSloFiles: each invalid case names file, line, field and reason', () => {
  const valid = `  indicatorRef: checkout-success\n${rolling30d}  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.999\n`;
  it.each([
    [
      'target 100 %',
      slo(valid.replace('0.999', '1')),
      'slo/file1.yaml:16 spec.objectives[0].target: must be < 1 (100% leaves no error budget)',
    ],
    [
      'target 0',
      slo(valid.replace('0.999', '0')),
      'slo/file1.yaml:16 spec.objectives[0].target: must be > 0',
    ],
    [
      'targetPercent 100',
      slo(valid.replace('target: 0.999', 'targetPercent: 100')),
      'slo/file1.yaml:16 spec.objectives[0].targetPercent: must be < 100 (100% leaves no error budget)',
    ],
    [
      'target as text',
      slo(valid.replace('0.999', 'high')),
      'slo/file1.yaml:16 spec.objectives[0].target: must be a number',
    ],
    [
      'no objective target',
      slo(valid.replace('target: 0.999', 'displayName: x')),
      'slo/file1.yaml:16 spec.objectives[0].target: exactly one of target or targetPercent is required',
    ],
    [
      'unknown SLI',
      slo(valid.replace('checkout-success', 'does-not-exist')),
      'slo/file1.yaml:10 spec.indicatorRef: unknown SLI "does-not-exist" (defined: checkout-success)',
    ],
    [
      'unknown budgeting method',
      slo(valid.replace('Occurrences', 'Average')),
      'slo/file1.yaml:14 spec.budgetingMethod: must be one of Occurrences, Timeslices, RatioTimeslices',
    ],
    [
      'bad rolling duration',
      slo(valid.replace('30d', 'a month')),
      'slo/file1.yaml:12 spec.timeWindow[0].duration: "a month" is not a rolling duration such as 28d or 30d',
    ],
    [
      'two time windows',
      slo(valid.replace(rolling30d, `${rolling30d}    - duration: 7d\n`)),
      'slo/file1.yaml:11 spec.timeWindow: must hold exactly one time window',
    ],
    [
      'Timeslices without window',
      slo(valid.replace('Occurrences', 'Timeslices')),
      [
        'slo/file1.yaml:16 spec.objectives[0].timeSliceWindow: is required for Timeslices',
        'slo/file1.yaml:16 spec.objectives[0].timeSliceTarget: is required for Timeslices',
      ],
    ],
    [
      'wrong apiVersion',
      slo(valid).replace('openslo/v1', 'openslo/v2'),
      'slo/file1.yaml:1 apiVersion: must be openslo/v1',
    ],
    [
      'unknown kind',
      slo(valid).replace('kind: SLO', 'kind: Service'),
      'slo/file1.yaml:2 kind: must be one of SLO, SLI, DataSource, AlertPolicy',
    ],
    [
      'upper-case name',
      slo(valid).replace('name: checkout-availability', 'name: Checkout'),
      'slo/file1.yaml:4 metadata.name: must be lowercase letters, digits and dashes, starting and ending with a letter or digit',
    ],
    [
      'missing objectives',
      slo(valid.split('  objectives:')[0]),
      'slo/file1.yaml:8 spec.objectives: is required',
    ],
    [
      'unknown alert policy',
      slo(`${valid}  alertPolicies:\n    - nobody-home\n`),
      'slo/file1.yaml:18 spec.alertPolicies[0]: unknown AlertPolicy "nobody-home"',
    ],
    [
      'malformed YAML',
      slo(valid).replace('  service: checkout', ' service: "checkout'),
      'slo/file1.yaml:17: invalid YAML: Missing closing "quote',
    ],
  ])('%s', (_, sloText, expected) => {
    const { slos, problems } = parse(sloText, ratioSli);
    expect(problems.map(formatProblem)).toEqual([expected].flat());
    expect(slos).toEqual([]);
  });

  it.each([
    [
      'injection: closing brace and "or"',
      'http_requests_total{job="x"}) or vector(1) #',
      'slo/file2.yaml:12 spec.ratioMetric.good.metricSource.spec.query: is not a valid PromQL expression (syntax error at character 29 near ") or vector(1)")',
    ],
    [
      'injection: statement separator',
      'up; drop_everything',
      'slo/file2.yaml:12 spec.ratioMetric.good.metricSource.spec.query: is not a valid PromQL expression (syntax error at character 3 near "; drop_everything")',
    ],
    [
      'empty query',
      '""',
      'slo/file2.yaml:12 spec.ratioMetric.good.metricSource.spec.query: must be a PromQL expression, got an empty string',
    ],
  ])('rejects a query that is not PromQL (%s)', (_, query, expected) => {
    const sli = ratioSli.replace(
      'http_requests_total{job="checkout",code!~"5.."}',
      query,
    );
    const { slos, problems } = parse(slo(valid), sli);
    expect(problems.map(formatProblem)).toEqual([expected]);
    expect(slos).toEqual([]);
  });

  it('rejects a non-Prometheus source type', () => {
    const { problems } = parse(
      slo(valid),
      ratioSli.replace('type: Prometheus', 'type: Datadog'),
    );
    expect(problems.map(formatProblem)).toEqual([
      'slo/file2.yaml:9 spec.ratioMetric.good.metricSource.type: unsupported metric source type "Datadog": only Prometheus-compatible sources are supported',
      'slo/file2.yaml:14 spec.ratioMetric.total.metricSource.type: unsupported metric source type "Datadog": only Prometheus-compatible sources are supported',
    ]);
  });

  it('keeps the valid SLOs of a file when another SLO is broken', () => {
    const second = slo(valid.replace('0.999', '1.5')).replace(
      'checkout-availability',
      'checkout-broken',
    );
    const { slos, problems } = parse(`${slo(valid)}---\n${second}`, ratioSli);
    expect(slos.map(s => s.name)).toEqual(['checkout-availability']);
    expect(problems.map(formatProblem)).toEqual([
      'slo/file1.yaml:33 spec.objectives[0].target: must be < 1 (100% leaves no error budget)',
    ]);
  });
});
