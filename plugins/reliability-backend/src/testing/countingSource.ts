import { PrometheusMetricSource } from '../evaluation/MetricSource';

/**
 * The same Prometheus source, noting every query that reaches Prometheus (instant, range and
 * their every-series forms) in `queries`.
 */
export function countingSource(source: PrometheusMetricSource): {
  source: PrometheusMetricSource;
  queries: string[];
} {
  const queries: string[] = [];
  const spy = Object.create(source) as PrometheusMetricSource;
  spy.instant = (query, at) => {
    queries.push(query);
    return source.instant(query, at);
  };
  spy.instantSeries = (query, at) => {
    queries.push(query);
    return source.instantSeries(query, at);
  };
  spy.range = (query, ...rest) => {
    queries.push(query);
    return source.range(query, ...rest);
  };
  spy.rangeSeries = (query, ...rest) => {
    queries.push(query);
    return source.rangeSeries(query, ...rest);
  };
  return { source: spy, queries };
}
