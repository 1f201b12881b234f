import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { isDue, measureOrder } from './due';

const MINUTE = 60_000;

describe('isDue', () => {
  it.each([
    [undefined, true],
    [4 * MINUTE, false],
    [4.5 * MINUTE, true],
  ])('last attempt %s ms ago: due %s', (ago, due) => {
    const now = 100 * MINUTE;
    expect(
      isDue(ago === undefined ? undefined : now - ago, now, 5 * MINUTE),
    ).toBe(due);
  });
});

describe('measureOrder', () => {
  const slo = (name: string, total: string, metricSource?: string) =>
    ({
      name,
      indicator: {
        metric: {
          type: 'ratio',
          counter: true,
          total: { query: total, metricSource },
        },
      },
    } as unknown as SloDefinition);
  const due = (
    name: string,
    total: string,
    attemptedAt?: number,
    source?: string,
  ) => ({
    slo: slo(name, total, source),
    attemptedAt,
  });

  it('takes the oldest attempt first, and neighbours in what they select among equals', () => {
    const order = measureOrder([
      due('b-latency', 'x{service="b"}', 2),
      due('a-errors', 'x{service="a"}', 2),
      due('new-b', 'x{service="b"}'),
      due('new-a', ' x{service="a"}'),
      due('oldest', 'x{service="z"}', 1),
      due('b-availability', 'x{service="b"}', 2),
      due('other-source', 'x{service="a"}', 2, 'thanos'),
      due('a-availability', 'x{service="a"}', 2),
    ]).map(d => d.slo.name);
    expect(order).toEqual([
      'new-a',
      'new-b',
      'oldest',
      'a-errors',
      'a-availability',
      'b-latency',
      'b-availability',
      'other-source',
    ]);
  });
});
