import { countedSelector } from './promql';

describe('countedSelector: the selector a counter SLI counts', () => {
  it.each([
    ['http_requests_total{job="x"}', 'http_requests_total{job="x"}'],
    ['  http_requests_total  ', 'http_requests_total'],
    ['sum(http_requests_total{job="x"})', 'http_requests_total{job="x"}'],
    [
      'sum by (code) (http_requests_total{job="x"})',
      'http_requests_total{job="x"}',
    ],
    [
      'sum(http_requests_total{job="x"}) by (code)',
      'http_requests_total{job="x"}',
    ],
    ['sum without (instance) (http_requests_total)', 'http_requests_total'],
    ['sum(rate(http_requests_total[5m]))', undefined],
    ['sum((http_requests_total))', undefined],
    ['avg(http_requests_total)', undefined],
    ['count(http_requests_total)', undefined],
    ['sum(http_requests_total) + 1', undefined],
    ['sum(http_requests_total) or vector(0)', undefined],
    ['topk(1, http_requests_total)', undefined],
    ['sum(http_requests_total[5m])', undefined],
    ['sum(', undefined],
  ])('%s → %s', (query, expected) => {
    expect(countedSelector(query)).toBe(expected);
  });
});
