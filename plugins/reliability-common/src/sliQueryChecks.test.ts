import { promDurationMs, sliQueryProblem } from './sliQueryChecks';

describe('sliQueryProblem', () => {
  it.each([
    ['http_requests_total{code=~"5.."}', true, undefined],
    ['http_requests_total', true, undefined],
    [
      'sum(rate(http_requests_total[5m]))',
      true,
      'must be a counter: a metric selector such as http_requests_total{code=~"5.."}, or sum(…) or sum by (labels) (…) of one, counted with increase() over the window',
    ],
    ['sum(rate(http_requests_total[5m]))', false, undefined],
    ['sum(http_requests_total{job="x"})', true, undefined],
    ['sum by (code) (http_requests_total{job="x"})', true, undefined],
    [
      'avg(http_requests_total)',
      true,
      'must be a counter: a metric selector such as http_requests_total{code=~"5.."}, or sum(…) or sum by (labels) (…) of one, counted with increase() over the window',
    ],
    [
      'histogram_quantile(0.99, http_request_duration_seconds_bucket)',
      false,
      "histogram_quantile needs the rate of a histogram's buckets, e.g. histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
    ],
    [
      'histogram_quantile(0.99, http_requests_total)',
      false,
      "histogram_quantile needs the rate of a histogram's buckets, e.g. histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
    ],
    [
      'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))',
      false,
      undefined,
    ],
    ['histogram_quantile(0.9, job:x_bucket:rate5m)', false, undefined],
    [
      'rate(x[5m] offset -1y)',
      false,
      'offset -1y is negative: it would read the future',
    ],
    ['rate(x[5m] offset 1d)', false, undefined],
    ['rate(x[1000000d])', false, 'range 1000000d is longer than 366d'],
    [
      'max_over_time(up[1h:5m] offset 400d)',
      false,
      'offset 400d is longer than 366d',
    ],
    ['rate(x[99999999999])', false, 'range 99999999999 is longer than 366d'],
    ['rate(x[300])', false, undefined],
    [
      'x offset 1e12',
      false,
      'duration 1e12 must be written plainly, such as 5m or 1h30m',
    ],
    [
      'rate(x[inf])',
      false,
      'duration inf must be written plainly, such as 5m or 1h30m',
    ],
    [
      'x offset (-1h)',
      false,
      'duration (-1h) must be written plainly, such as 5m or 1h30m',
    ],
    [
      'x offset (0s - 1h)',
      false,
      'duration (0s - 1h) must be written plainly, such as 5m or 1h30m',
    ],
    [
      'rate(x[200d * 3])',
      false,
      'duration 200d * 3 must be written plainly, such as 5m or 1h30m',
    ],
    ['rate(x[366d])', false, undefined],
    [
      'up @ 1609746000',
      false,
      '@ fixes the query to one time, so it cannot be measured over the window',
    ],
    [
      'up or',
      false,
      'is not a valid PromQL expression (syntax error at character 6)',
    ],
    [`up{job="${'x'.repeat(4000)}"}`, false, 'must be at most 4000 characters'],
  ])('%s (counter %s) → %s', (query, counter, expected) => {
    expect(sliQueryProblem(query, { counter })).toBe(expected);
  });
});

describe('promDurationMs', () => {
  it.each([
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1y', 365 * 86_400_000],
    ['100ms', 100],
    ['5x', undefined],
    ['m5', undefined],
  ])('%s → %s', (text, ms) => {
    expect(promDurationMs(text)).toBe(ms);
  });
});
