import { planCounts, seriesKey } from './countPlan';

const HOUR = 3_600_000;

describe('planCounts', () => {
  it('aggregates selectors that differ only in = values, one query per shape', () => {
    expect(
      planCounts(
        [
          'http_requests_total{service="b",code!~"5.."}',
          'http_requests_total{service="a"}',
          'http_requests_total{code!~"5..",service="a"}',
          'http_requests_total{service="b"}',
          'http_requests_total{service="a"}',
        ],
        HOUR,
        100,
      ),
    ).toEqual({
      aggregated: [
        {
          query:
            'sum by (service) (increase(http_requests_total{code!~"5..",service=~"a|b"}[3600s]))',
          by: ['service'],
          parts: [
            { index: 0, key: '["b"]' },
            { index: 2, key: '["a"]' },
          ],
        },
        {
          query:
            'sum by (service) (increase(http_requests_total{service=~"a|b"}[3600s]))',
          by: ['service'],
          // Identical selectors read the same series.
          parts: [
            { index: 1, key: '["a"]' },
            { index: 4, key: '["a"]' },
            { index: 3, key: '["b"]' },
          ],
        },
      ],
      alone: [],
    });
  });

  it.each([
    [
      'one value: an = restriction',
      ['x{job="a",le="0.3"}', 'x{le="0.3",job="a"}'],
      'sum by (job, le) (increase(x{job="a",le="0.3"}[3600s]))',
    ],
    [
      'no = matcher: identical selectors, no grouping label',
      ['x{code=~"5.."}', 'x{code=~"5.."}'],
      'sum by () (increase(x{code=~"5.."}[3600s]))',
    ],
    [
      'values escaped for the regular expression and the string',
      ['x{job="a.b+"}', 'x{job=\'say "hi"\'}'],
      'sum by (job) (increase(x{job=~"a\\\\.b\\\\+|say \\"hi\\""}[3600s]))',
    ],
    [
      'an empty value matches series without the label',
      ['x{job=""}', 'x{job="a"}'],
      'sum by (job) (increase(x{job=~"|a"}[3600s]))',
    ],
    [
      'a label compared twice keeps its second matcher as written',
      ['x{job="a",job="b"}', 'x{job="c",job="b"}'],
      'sum by (job) (increase(x{job="b",job=~"a|c"}[3600s]))',
    ],
    [
      'the metric name as a matcher stays as written',
      ['{__name__="x",job="a"}', '{__name__="x",job="b"}'],
      'sum by (job) (increase({__name__="x",job=~"a|b"}[3600s]))',
    ],
  ])('%s', (_, selectors, query) => {
    const plan = planCounts(selectors, HOUR, 100);
    expect(plan.alone).toEqual([]);
    expect(plan.aggregated.map(a => a.query)).toEqual([query]);
  });

  it('asks alone a selector it cannot take apart, or one alone in its shape', () => {
    const plan = planCounts(
      [
        'x{job="a\\"b"}',
        'x{job="a\\"c"}',
        'y{job="a"}',
        'sum(x)',
        'x{job="a"}',
      ],
      HOUR,
      100,
    );
    // The escaped values stay in the shape as written: two shapes of one selector each.
    expect(plan).toEqual({ aggregated: [], alone: [0, 1, 2, 3, 4] });
  });

  it('splits a shape into queries of at most maxSeries distinct series', () => {
    const plan = planCounts(
      ['x{job="a"}', 'x{job="b"}', 'x{job="a"}', 'x{job="c"}'],
      HOUR,
      2,
    );
    expect(plan.aggregated.map(a => [a.query, a.parts])).toEqual([
      [
        'sum by (job) (increase(x{job=~"a|b"}[3600s]))',
        [
          { index: 0, key: '["a"]' },
          { index: 2, key: '["a"]' },
          { index: 1, key: '["b"]' },
        ],
      ],
      [
        'sum by (job) (increase(x{job="c"}[3600s]))',
        [{ index: 3, key: '["c"]' }],
      ],
    ]);
  });
});

describe('seriesKey', () => {
  it('reads the grouping labels of a series, absent as empty', () => {
    expect(seriesKey(['job', 'le'], { job: 'a', other: 'x' })).toBe('["a",""]');
  });
});
