import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { formatObjectives } from './format';

const latency = (query: string): SloDefinition => ({
  name: 'web-storefront-latency',
  indicator: { metric: { type: 'threshold', query: { query } } },
  objectives: [
    {
      target: 0.99,
      op: 'lte',
      value: 0.5,
      timeSliceTarget: 0.95,
      timeSliceWindow: '1m',
    },
  ],
  timeWindow: { type: 'rolling', duration: '28d', durationMs: 28 * 86_400_000 },
  budgetingMethod: 'Timeslices',
  alertPolicies: [],
  source: { format: 'openslo', file: 'slo/latency.yaml' },
});

describe('formatObjectives', () => {
  it('writes a latency threshold in the unit of its histogram, per slice of its window', () => {
    expect(
      formatObjectives(
        latency(
          'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="web-storefront"}[5m])))',
        ),
      ),
    ).toBe('99% of 1m slices with value ≤ 500 ms');
  });

  it('writes a threshold whose metric names no unit as a number', () => {
    const slo = latency('min(redis_up{job="session-store"})');
    slo.objectives = [{ target: 0.999, op: 'gte', value: 1 }];
    expect(formatObjectives(slo)).toBe('99.9% of slices with value ≥ 1');
  });

  it('writes a ratio objective as its target', () => {
    expect(
      formatObjectives({
        ...latency('x'),
        indicator: {
          metric: {
            type: 'ratio',
            counter: true,
            good: { query: 'ok_total' },
            total: { query: 'all_total' },
          },
        },
        objectives: [{ target: 0.9995 }],
      }),
    ).toBe('99.95%');
  });
});
