import { formatProblem } from '../problems';
import { parseYamlFile } from '../yamlSource';
import { parseInlineSlos } from './parseInlineSlos';

const entity = (slos: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
spec:
  type: service
  owner: search
  reliability:
    slos:
${slos}`;

const parse = (slos: string) => {
  const { documents, problems } = parseYamlFile(
    'catalog-info.yaml',
    entity(slos),
  );
  expect(problems).toEqual([]);
  return parseInlineSlos(documents[0]);
};

const availability = `      - name: availability
        objective: 99.9%
        window: 30d
        good: http_requests_total{job="search",code!~"5.."}
        total: http_requests_total{job="search"}
        runbook: https://runbooks.example.com/search
`;

describe('parseInlineSlos', () => {
  it('reads the common ratio case with defaults', () => {
    const { slos, problems } = parse(availability);
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        name: 'availability',
        displayName: undefined,
        description: undefined,
        indicator: {
          metric: {
            type: 'ratio',
            counter: true,
            good: {
              metricSource: undefined,
              query: 'http_requests_total{job="search",code!~"5.."}',
            },
            bad: undefined,
            total: {
              metricSource: undefined,
              query: 'http_requests_total{job="search"}',
            },
          },
        },
        objectives: [
          {
            target: 0.999,
            op: undefined,
            value: undefined,
            timeSliceTarget: undefined,
            timeSliceWindow: undefined,
          },
        ],
        timeWindow: {
          type: 'rolling',
          duration: '30d',
          durationMs: 2592000000,
        },
        budgetingMethod: 'Occurrences',
        alertPolicies: [],
        runbook: 'https://runbooks.example.com/search',
        source: { format: 'inline', file: 'catalog-info.yaml', line: 10 },
      },
    ]);
  });

  it.each([
    ['fraction objective', availability.replace('99.9%', '0.9995'), 0.9995],
    ['percentage objective', availability.replace('99.9%', '99.99%'), 0.9999],
  ])('reads a %s', (_, slos, target) => {
    expect(parse(slos).slos[0].objectives[0].target).toBe(target);
  });

  it('reads a threshold SLO on a calendar month with Timeslices', () => {
    const { slos, problems } = parse(`      - name: latency
        objective: 99%
        calendar: month
        budgeting: Timeslices
        timeSliceTarget: 0.95
        timeSliceWindow: 1m
        threshold:
          query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="search"}[5m])))
          op: lte
          value: 0.3
`);
    expect(problems).toEqual([]);
    expect(slos[0].timeWindow).toEqual({
      type: 'calendar',
      duration: '1M',
      startTime: '1970-01-01 00:00:00',
      timeZone: 'UTC',
    });
    expect(slos[0].objectives[0]).toEqual({
      target: 0.99,
      op: 'lte',
      value: 0.3,
      timeSliceTarget: 0.95,
      timeSliceWindow: '1m',
    });
    expect(slos[0].indicator.metric.type).toBe('threshold');
  });

  it.each([
    [
      'objective 100%',
      availability.replace('99.9%', '100%'),
      [
        'catalog-info.yaml:11 spec.reliability.slos[0].objective: must be < 1 (100% leaves no error budget)',
      ],
    ],
    [
      'objective 1',
      availability.replace('99.9%', '1'),
      [
        'catalog-info.yaml:11 spec.reliability.slos[0].objective: must be < 1 (100% leaves no error budget)',
      ],
    ],
    [
      'objective as words',
      availability.replace('99.9%', 'three nines'),
      [
        'catalog-info.yaml:11 spec.reliability.slos[0].objective: must be a fraction such as 0.999 or a percentage such as 99.9%',
      ],
    ],
    [
      'bad window',
      availability.replace('30d', 'monthly'),
      [
        'catalog-info.yaml:12 spec.reliability.slos[0].window: "monthly" is not a duration such as 28d or 30d',
      ],
    ],
    [
      'good and bad together',
      availability.replace(
        '        total:',
        '        bad: errors_total\n        total:',
      ),
      [
        'catalog-info.yaml:13 spec.reliability.slos[0].good: exactly one of good or bad is required',
      ],
    ],
    [
      'no total',
      availability.replace(/ {8}total:.*\n/, ''),
      ['catalog-info.yaml:10 spec.reliability.slos[0].total: is required'],
    ],
    [
      'hostile query',
      availability.replace(
        'http_requests_total{job="search"}',
        'http_requests_total{job="search"} or on() vector(1)) #',
      ),
      [
        'catalog-info.yaml:14 spec.reliability.slos[0].total: is not a valid PromQL expression (syntax error at character 52 near ")")',
      ],
    ],
    [
      'runbook not a URL',
      availability.replace('https://runbooks.example.com/search', 'see wiki'),
      ['catalog-info.yaml:15 spec.reliability.slos[0].runbook: must be a URL'],
    ],
    [
      'RatioTimeslices without slice window',
      availability.replace(
        'window: 30d',
        'window: 30d\n        budgeting: RatioTimeslices',
      ),
      [
        'catalog-info.yaml:10 spec.reliability.slos[0].timeSliceWindow: is required for RatioTimeslices',
      ],
    ],
    [
      'duplicate names',
      availability + availability,
      [
        'catalog-info.yaml:16 spec.reliability.slos[1].name: duplicate SLO name "availability"',
      ],
    ],
  ])('reports %s with its line', (_, slos, expected) => {
    const result = parse(slos);
    expect(result.problems.map(formatProblem)).toEqual(expected);
  });

  it('reports a non-list', () => {
    const { documents } = parseYamlFile(
      'catalog-info.yaml',
      entity('      name: x\n'),
    );
    expect(parseInlineSlos(documents[0]).problems.map(formatProblem)).toEqual([
      'catalog-info.yaml:9 spec.reliability.slos: must be a list of SLOs',
    ]);
  });
});
