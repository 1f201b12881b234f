import { parseInlineSlos } from './inline/parseInlineSlos';
import { parseOpenSloFiles } from './openslo/parseOpenSloFiles';
import { formatProblem } from './problems';
import { parseYamlFile } from './yamlSource';
import { isCalendarDate, readEntitySettings } from './profile/entitySettings';

/** What `validate`, the catalog and the entity page report for one inline SLO. */
function inlineProblems(slo: string, scrapeIntervalMs = 60_000): string[] {
  const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc
spec:
  reliability:
    slos:
      - name: s
${slo
  .trim()
  .split('\n')
  .map(line => `        ${line}`)
  .join('\n')}
`;
  const [entity] = parseYamlFile('catalog-info.yaml', text).documents;
  return parseInlineSlos(entity, { scrapeIntervalMs }).problems.map(
    formatProblem,
  );
}

const ratio = `objective: 99.9%
good: http_requests_total{code!~"5.."}
total: http_requests_total`;

describe('inline SLOs: checked where they are parsed', () => {
  it.each([
    [`${ratio}\nwindow: 30d`, []],
    [
      `${ratio}\nwindow: 999999999d`,
      [
        'catalog-info.yaml:12 spec.reliability.slos[0].window: "999999999d" is longer than 366d',
      ],
    ],
    [
      `${ratio}\nwindow: 6h`,
      [
        'catalog-info.yaml:12 spec.reliability.slos[0].window: "6h" is shorter than 1d: an error budget needs at least a day',
      ],
    ],
    [
      'objective: 90%\ngood: a_total\ntotal: b_total\nwindow: 366d',
      [
        'catalog-info.yaml:12 spec.reliability.slos[0].window: with this target, a 366d window makes every burn-rate alert need an error ratio of 122% or more, which can never happen: shorten the window or lower the target',
      ],
    ],
    [
      'objective: 99%\ngood: sum(rate(ok_total[5m]))\ntotal: req_total',
      [
        'catalog-info.yaml:10 spec.reliability.slos[0].good: must be a counter: a metric selector such as http_requests_total{code=~"5.."}, or sum(…) or sum by (labels) (…) of one, counted with increase() over the window',
      ],
    ],
    [
      'objective: 99%\ngood: ok_total offset -1y\ntotal: req_total',
      [
        'catalog-info.yaml:10 spec.reliability.slos[0].good: must be a counter: a metric selector such as http_requests_total{code=~"5.."}, or sum(…) or sum by (labels) (…) of one, counted with increase() over the window',
      ],
    ],
    [
      `${ratio}\nbudgeting: Timeslices\ntimeSliceTarget: 0.9\ntimeSliceWindow: 1m`,
      [
        'catalog-info.yaml:14 spec.reliability.slos[0].timeSliceWindow: "1m" is shorter than two scrape intervals (2m): events cannot be counted in it',
      ],
    ],
    [
      `${ratio}\nbudgeting: Timeslices\ntimeSliceTarget: 0.9\ntimeSliceWindow: 31d`,
      [
        'catalog-info.yaml:14 spec.reliability.slos[0].timeSliceWindow: "31d" is longer than the SLO window',
      ],
    ],
    [
      'objective: 99%\nthreshold: { query: max(up), op: gte, value: 1 }\nbudgeting: Timeslices\ntimeSliceWindow: 1m',
      [],
    ],
    [
      'objective: 99%\nthreshold: { query: max(up), op: gte, value: 1 }\nbudgeting: Timeslices\ntimeSliceWindow: 30s',
      [
        'catalog-info.yaml:12 spec.reliability.slos[0].timeSliceWindow: "30s" is shorter than the scrape interval (1m): a slice could hold no sample',
      ],
    ],
    [
      'objective: 99%\nthreshold: { query: "histogram_quantile(0.99, http_requests_total)", op: lte, value: 1 }',
      [
        "catalog-info.yaml:10 spec.reliability.slos[0].threshold.query: histogram_quantile needs the rate of a histogram's buckets, e.g. histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
      ],
    ],
    [
      'objective: 99%\nthreshold: { query: "max_over_time(up[1000000d])", op: gte, value: 1 }',
      [
        'catalog-info.yaml:10 spec.reliability.slos[0].threshold.query: range 1000000d is longer than 366d',
      ],
    ],
  ])('%s', (slo, expected) => {
    expect(inlineProblems(slo)).toEqual(expected);
  });

  it('measures slices against the configured scrape interval', () => {
    expect(
      inlineProblems(
        `${ratio}\nbudgeting: Timeslices\ntimeSliceTarget: 0.9\ntimeSliceWindow: 1m`,
        15_000,
      ),
    ).toEqual([]);
  });
});

const sloFile = (window: string, extra = '') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: s
spec:
  indicator:
    metadata: { name: ok }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: ok_total } } }
        total: { metricSource: { type: Prometheus, spec: { query: req_total } } }
  timeWindow: [${window}]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.999 }]
${extra}`;

describe('OpenSLO files: checked where they are parsed', () => {
  it.each([
    ['{ duration: 30d, isRolling: true }', []],
    [
      '{ duration: 999999999d, isRolling: true }',
      [
        'slo/a.yaml:13 spec.timeWindow[0].duration: "999999999d" is longer than 366d',
      ],
    ],
    [
      "{ duration: 100Y, isRolling: false, calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC } }",
      [
        'slo/a.yaml:13 spec.timeWindow[0].duration: "100Y" is longer than a year',
      ],
    ],
    [
      "{ duration: 1Q, isRolling: false, calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC } }",
      [],
    ],
  ])('timeWindow %s', (window, expected) => {
    expect(
      parseOpenSloFiles([
        { path: 'slo/a.yaml', text: sloFile(window) },
      ]).problems.map(formatProblem),
    ).toEqual(expected);
  });

  it('refuses a counter that is not a selector', () => {
    const text = sloFile('{ duration: 30d, isRolling: true }').replace(
      'query: ok_total',
      'query: "sum(rate(ok_total[5m]))"',
    );
    expect(
      parseOpenSloFiles([{ path: 'slo/a.yaml', text }]).problems.map(
        formatProblem,
      ),
    ).toEqual([
      'slo/a.yaml:11 spec.indicator.spec.ratioMetric.good.metricSource.spec.query: must be a counter: a metric selector such as http_requests_total{code=~"5.."}, or sum(…) or sum by (labels) (…) of one, counted with increase() over the window',
    ]);
    // counter: false once let any expression through, to fail at evaluation: it is refused.
    expect(
      parseOpenSloFiles([
        {
          path: 'slo/a.yaml',
          text: text.replace('counter: true', 'counter: false'),
        },
      ]).problems.map(formatProblem),
    ).toEqual([
      'slo/a.yaml:10 spec.indicator.spec.ratioMetric.counter: counter: false is not supported: good (or bad) and total must be counters (counter: true, the default), counted with increase() over the window',
    ]);
  });
});

describe('dates are real calendar dates', () => {
  it.each([
    ['2026-09-14', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2030-02-30', false],
    ['2030-13-45', false],
    ['2030-1-5', false],
  ])('%s → %s', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });

  it('reports a dr-tested date that does not exist', () => {
    const [entity] = parseYamlFile(
      'catalog-info.yaml',
      'metadata:\n  annotations:\n    reliability-suite.io/dr-tested: 2030-02-30\n',
    ).documents;
    expect(readEntitySettings(entity).problems.map(formatProblem)).toEqual([
      'catalog-info.yaml:3 metadata.annotations.reliability-suite.io/dr-tested: "2030-02-30" is not a date such as 2026-09-14',
    ]);
  });
});
