import { InputError } from '@backstage/errors';
import { isVectorSelector } from '@reliability-suite/plugin-reliability-common';
import { MetricSource, Sample } from './MetricSource';

/** A range in PromQL, in whole seconds: 30 days → `2592000s`. Numbers only, nothing from input. */
export function promRange(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}

/**
 * Events counted over a range: `sum(increase(SELECTOR[range]))`. Request-weighted by
 * construction, and `increase` absorbs counter resets. The selector must be exactly one metric
 * selector (checked with the PromQL grammar), so wrapping it cannot change the query's meaning.
 */
export function countOverRange(selector: string, rangeMs: number): string {
  if (!isVectorSelector(selector)) {
    throw new InputError(
      `"${selector}" must be a metric selector such as http_requests_total{job="x"} to be counted with increase()`,
    );
  }
  return `sum(increase(${selector.trim()}[${promRange(rangeMs)}]))`;
}

/** Events counted by `selector` over `rangeMs` ending at `atMs` (no series = undefined). */
export function countEvents(
  source: MetricSource,
  selector: string,
  rangeMs: number,
  atMs: number,
): Promise<number | undefined> {
  const query = countOverRange(selector, rangeMs);
  return source.count
    ? source.count(selector.trim(), rangeMs, atMs)
    : source.instant(query, atMs);
}

/** Events counted by `selector` over `rangeMs` at each step from `startMs` to `endMs`. */
export function countEventSteps(
  source: MetricSource,
  selector: string,
  rangeMs: number,
  startMs: number,
  endMs: number,
  stepMs: number,
): Promise<Sample[]> {
  const query = countOverRange(selector, rangeMs);
  return source.countSteps
    ? source.countSteps(selector.trim(), rangeMs, startMs, endMs, stepMs)
    : source.range(query, startMs, endMs, stepMs);
}
