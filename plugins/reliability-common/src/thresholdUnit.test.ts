import { formatThreshold, thresholdUnit } from './thresholdUnit';

const threshold = (query: string) =>
  thresholdUnit({ type: 'threshold', query: { query } });

describe('thresholdUnit', () => {
  it.each([
    [
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="web-storefront"}[5m])))',
      'seconds',
    ],
    ['max(replication_lag_seconds{db="ledger"})', 'seconds'],
    ['avg_over_time(queue_wait_milliseconds[5m])', 'milliseconds'],
    ['max(process_resident_memory_bytes)', 'bytes'],
    ['avg(node_cpu_utilisation_ratio)', 'ratio'],
    ['disk_used_percent', 'percent'],
  ])('reads %s in %s', (query, unit) => {
    expect(threshold(query)).toBe(unit);
  });

  it.each([
    ['min(redis_up{job="session-store"})', 'a name without a unit'],
    ['rate(cpu_seconds_total[5m])', 'a counter turned into a rate'],
    ['sum(rate(http_request_duration_seconds_sum[5m]))', 'a rate of a sum'],
    ['deriv(replication_lag_seconds[5m])', 'a change per second'],
    ['max(lag_seconds) + max(size_bytes)', 'names that disagree'],
    ['max(', 'no valid PromQL'],
  ])('has no unit for %s (%s)', query => {
    expect(threshold(query)).toBeUndefined();
  });

  it('has no unit for a ratio SLI', () => {
    expect(
      thresholdUnit({
        type: 'ratio',
        counter: true,
        total: { query: 'latency_seconds' },
      }),
    ).toBeUndefined();
  });
});

describe('formatThreshold', () => {
  it.each([
    [0.5, 'seconds', '500 ms'],
    [0.3, 'seconds', '300 ms'],
    [2, 'seconds', '2 s'],
    [250, 'milliseconds', '250 ms'],
    [1048576, 'bytes', '1048576 bytes'],
    [0.8, 'ratio', '80%'],
    [95, 'percent', '95%'],
    [1, undefined, '1'],
  ] as const)('writes %s %s as %s', (value, unit, text) => {
    expect(formatThreshold(value, unit)).toBe(text);
  });
});
