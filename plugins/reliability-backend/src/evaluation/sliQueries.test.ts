import { countOverRange, promRange } from './sliQueries';

describe('countOverRange', () => {
  it('wraps a metric selector into a request-weighted count over the range', () => {
    expect(
      countOverRange(
        'http_requests_total{job="checkout",code!~"5.."}',
        30 * 86_400_000,
      ),
    ).toBe(
      'sum(increase(http_requests_total{job="checkout",code!~"5.."}[2592000s]))',
    );
    expect(countOverRange('  up  ', 300_000)).toBe('sum(increase(up[300s]))');
    expect(promRange(90_000)).toBe('90s');
  });

  // Injection attempts in SLI queries (OpenSLO fields and inline annotations alike): none may
  // reach Prometheus inside increase(…), because only a lone metric selector is accepted.
  it.each([
    'up) or vector(1',
    'up{job="x"} or vector(1)',
    'up;drop',
    'sum(up)',
    'up[5m]',
    'up offset 1d',
    'up @ 0',
    '{__name__=~".+"} or up',
    'up{job="x"} # comment',
    'up{job="a\\"}"} ; drop',
    'label_replace(up, "a", "b", "c", "d")',
    'up unless up',
    'vector(1)',
    '1',
    '"string"',
    'up{job="x"}) by (job',
    'up and on() absent(up)',
    '-up',
    '(up)',
    'up{job=~".*"} > 0',
    'time()',
    '',
    'up{job="x"}}',
    'up{job="x"}[5m:1m]',
    'http_requests_total{job="checkout"}[30d])) or sum(increase(up[30d]',
  ])('rejects %j', hostile => {
    expect(() => countOverRange(hostile, 60_000)).toThrow(
      `"${hostile}" must be a metric selector such as http_requests_total{job="x"} to be counted with increase()`,
    );
  });
});
