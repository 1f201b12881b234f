import { SeriesSpec } from './prometheus';

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** Builds a counter that increases by `perMinute(i)` at each of `minutes` samples. */
export function counter(
  minutes: number,
  perMinute: (minute: number) => number,
  resetAt?: number,
): number[] {
  const values: number[] = [];
  let value = 0;
  for (let i = 0; i < minutes; i++) {
    if (i === resetAt) value = 0;
    value += perMinute(i);
    values.push(value);
  }
  return values;
}

/**
 * Request counters of a service with `requestsPerMinute` and an outage (every request fails)
 * during the minutes in [outageStart, outageEnd). Good requests have code 200, failed ones 500.
 */
export function serviceCounters(
  job: string,
  minutes: number,
  requestsPerMinute: number,
  outage?: { start: number; end: number },
  resetAt?: number,
): SeriesSpec[] {
  const failing = (i: number) =>
    outage !== undefined && i >= outage.start && i < outage.end;
  return [
    {
      name: 'http_requests_total',
      labels: { job, code: '200' },
      values: counter(
        minutes,
        i => (failing(i) ? 0 : requestsPerMinute),
        resetAt,
      ),
    },
    {
      name: 'http_requests_total',
      labels: { job, code: '500' },
      values: counter(
        minutes,
        i => (failing(i) ? requestsPerMinute : 0),
        resetAt,
      ),
    },
  ];
}
