import { PrometheusDriver, QueryResult } from 'prometheus-query';
import {
  LoadedRuleGroup,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';
import type { RecordedOccurrences } from './RecordedCounts';

/** A metric source answered with an error, garbage or nothing usable. */
export class MetricSourceError extends Error {
  name = 'MetricSourceError';
}

/** One sample of a range query. */
export interface Sample {
  /** Epoch ms. */
  t: number;
  v: number;
}

/** A Prometheus-compatible HTTP API, as the evaluator uses it. */
export interface MetricSource {
  readonly name: string;
  /** One number at a time; undefined when the query returns no series (no data). */
  instant(query: string, atMs: number): Promise<number | undefined>;
  /** One series over a range; empty when the query returns no series. */
  range(
    query: string,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<Sample[]>;
  /**
   * Events counted over `rangeMs` ending at `atMs`: what `instant(countOverRange(selector,
   * rangeMs))` answers. Sources that aggregate counts implement it; see `countEvents`.
   */
  count?(
    selector: string,
    rangeMs: number,
    atMs: number,
  ): Promise<number | undefined>;
  /**
   * An Occurrences SLO's counts from its exported recording rules, for a source that evaluates
   * them; undefined when they are not loaded for this definition (measure directly).
   */
  recordedOccurrences?(
    entityRef: string,
    slo: SloDefinition,
    atMs: number,
  ): Promise<RecordedOccurrences | undefined>;
  /** The rule groups the source has loaded (`GET /api/v1/rules`), for the alert audit. */
  loadedRules?(): Promise<LoadedRuleGroup[]>;
  /** Events counted over `rangeMs` at every step: what `range(countOverRange(…))` answers. */
  countSteps?(
    selector: string,
    rangeMs: number,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<Sample[]>;
}

/** Prometheus refuses range queries of more than 11,000 points per series. */
const MAX_POINTS_PER_QUERY = 11_000;

/** One series of a range query, with its labels and raw values. */
export interface RangeSeries {
  labels: Record<string, string>;
  values: Array<{ t: number; value: unknown }>;
}

interface RangeSeriesResult {
  metric?: { labels?: Record<string, string> };
  values?: Array<{ time: Date; value: unknown }>;
}

/** A range cut into parts of at most MAX_POINTS_PER_QUERY points: [from, to] pairs. */
function rangeChunks(
  startMs: number,
  endMs: number,
  stepMs: number,
): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  const chunkMs = stepMs * (MAX_POINTS_PER_QUERY - 1);
  for (let from = startMs; from <= endMs; from += chunkMs + stepMs)
    chunks.push([from, Math.min(endMs, from + chunkMs)]);
  return chunks;
}

/** Turns whatever the client threw (plain objects included) into a MetricSourceError. */
function toMetricSourceError(
  source: string,
  error: unknown,
): MetricSourceError {
  if (error instanceof MetricSourceError) return error;
  if (error instanceof Error)
    return new MetricSourceError(`${source}: ${error.message}`);
  if (error && typeof error === 'object') {
    const {
      errorType,
      error: message,
      status,
    } = error as Record<string, unknown>;
    if (message || errorType) {
      return new MetricSourceError(
        `${source}: ${[status, errorType, message].filter(Boolean).join(' ')}`,
      );
    }
    return new MetricSourceError(
      `${source}: unexpected answer ${JSON.stringify(error).slice(0, 200)}`,
    );
  }
  return new MetricSourceError(`${source}: ${String(error)}`);
}

function checkedValue(source: string, query: string, value: unknown): number {
  // prometheus-query parses "+Inf"/"-Inf" as NaN: both are rejected here as not a measurement.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MetricSourceError(
      `${source}: query ${query} returned ${String(
        value,
      )} (NaN or ±Inf), not a number`,
    );
  }
  return value;
}

function singleSeries<T>(
  source: string,
  query: string,
  result: QueryResult,
  type: string,
): T | undefined {
  if (!result || result.resultType !== type || !Array.isArray(result.result)) {
    throw new MetricSourceError(
      `${source}: query ${query} returned ${
        result?.resultType ?? 'no result'
      }, expected a ${type}`,
    );
  }
  if (result.result.length > 1) {
    throw new MetricSourceError(
      `${source}: query ${query} returned ${result.result.length} series, expected one`,
    );
  }
  return result.result[0] as T | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One group of `/api/v1/rules` as the audit reads it, refused when it is not one. */
function loadedRuleGroup(source: string, group: unknown): LoadedRuleGroup {
  const { name, rules } = (group ?? {}) as { name?: unknown; rules?: unknown };
  if (typeof name !== 'string' || !Array.isArray(rules))
    throw new MetricSourceError(
      `${source}: /api/v1/rules returned a group without name or rules`,
    );
  return {
    name,
    rules: rules.map(rule => {
      const r = (rule ?? {}) as Record<string, unknown>;
      const texts = (value: unknown) =>
        Object.fromEntries(
          Object.entries(value && typeof value === 'object' ? value : {}).map(
            ([key, entry]) => [key, text(entry)],
          ),
        );
      const alerting = r.type === 'alerting';
      return {
        type: alerting ? 'alerting' : 'recording',
        name: text(r.name),
        query: text(r.query),
        labels: texts(r.labels),
        ...(alerting
          ? {
              durationSeconds:
                typeof r.duration === 'number' && Number.isFinite(r.duration)
                  ? r.duration
                  : 0,
              annotations: texts(r.annotations),
            }
          : {}),
      };
    }),
  };
}

/** At most `limit` calls at once; the others wait their turn, first come first served. */
class ConcurrencyLimit {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit)
      await new Promise<void>(resolve => this.queue.push(resolve));
    this.running += 1;
    try {
      return await call();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }
}

/**
 * A metric source backed by `prometheus-query` (POST, so long queries fit), sending at most
 * `maxConcurrentQueries` queries at once (Prometheus runs 20 at once by default).
 */
export class PrometheusMetricSource implements MetricSource {
  private readonly limit: ConcurrencyLimit;

  constructor(
    readonly name: string,
    private readonly driver: PrometheusDriver,
    private readonly queryTimeoutSeconds: number,
    maxConcurrentQueries = 8,
  ) {
    this.limit = new ConcurrencyLimit(maxConcurrentQueries);
  }

  /** Every series of an instant query with its labels, values unchecked (for batches). */
  async instantSeries(
    query: string,
    atMs: number,
  ): Promise<Array<{ labels: Record<string, string>; value: unknown }>> {
    const result = await this.call(() =>
      this.driver.instantQuery(
        query,
        new Date(atMs),
        `${this.queryTimeoutSeconds}s`,
      ),
    );
    if (
      !result ||
      result.resultType !== 'vector' ||
      !Array.isArray(result.result)
    )
      throw new MetricSourceError(
        `${this.name}: query ${query} returned ${
          result?.resultType ?? 'no result'
        }, expected a vector`,
      );
    return (
      result.result as Array<{
        metric?: { labels?: Record<string, string> };
        value?: { value: unknown };
      }>
    ).map(series => ({
      labels: series.metric?.labels ?? {},
      value: series.value?.value,
    }));
  }

  /** A series' value as a measurement: a finite number, or a MetricSourceError naming the query. */
  checkedValue(query: string, value: unknown): number {
    return checkedValue(this.name, query, value);
  }

  async instant(query: string, atMs: number): Promise<number | undefined> {
    const result = await this.call(() =>
      this.driver.instantQuery(
        query,
        new Date(atMs),
        `${this.queryTimeoutSeconds}s`,
      ),
    );
    const series = singleSeries<{ value: { value: unknown } }>(
      this.name,
      query,
      result,
      'vector',
    );
    return series
      ? checkedValue(this.name, query, series.value?.value)
      : undefined;
  }

  async range(
    query: string,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<Sample[]> {
    const samples: Sample[] = [];
    for (const [from, to] of rangeChunks(startMs, endMs, stepMs)) {
      const result = await this.rangeQuery(query, from, to, stepMs);
      const series = singleSeries<RangeSeriesResult>(
        this.name,
        query,
        result,
        'matrix',
      );
      for (const sample of series?.values ?? []) {
        samples.push({
          t: new Date(sample.time).getTime(),
          v: checkedValue(this.name, query, sample.value),
        });
      }
    }
    return samples;
  }

  /**
   * Every series of a range query with its labels, values unchecked (for aggregated counts).
   * Ranges of more points than Prometheus allows are asked in parts and joined per series.
   */
  async rangeSeries(
    query: string,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<RangeSeries[]> {
    const byLabels = new Map<string, RangeSeries>();
    for (const [from, to] of rangeChunks(startMs, endMs, stepMs)) {
      const result = await this.rangeQuery(query, from, to, stepMs);
      if (
        !result ||
        result.resultType !== 'matrix' ||
        !Array.isArray(result.result)
      )
        throw new MetricSourceError(
          `${this.name}: query ${query} returned ${
            result?.resultType ?? 'no result'
          }, expected a matrix`,
        );
      for (const one of result.result as RangeSeriesResult[]) {
        const labels = one.metric?.labels ?? {};
        const key = JSON.stringify(Object.entries(labels).sort());
        const series = byLabels.get(key) ?? { labels, values: [] };
        byLabels.set(key, series);
        for (const sample of one.values ?? [])
          series.values.push({
            t: new Date(sample.time).getTime(),
            value: sample.value,
          });
      }
    }
    return [...byLabels.values()];
  }

  async loadedRules(): Promise<LoadedRuleGroup[]> {
    let groups: unknown;
    try {
      groups = await this.limit.run(() => this.driver.rules());
    } catch (error) {
      throw toMetricSourceError(this.name, error);
    }
    if (!Array.isArray(groups))
      throw new MetricSourceError(
        `${this.name}: /api/v1/rules returned no rule groups`,
      );
    return groups.map(group => loadedRuleGroup(this.name, group));
  }

  private rangeQuery(query: string, from: number, to: number, stepMs: number) {
    return this.call(() =>
      this.driver.rangeQuery(
        query,
        new Date(from),
        new Date(to),
        stepMs / 1000,
        `${this.queryTimeoutSeconds}s`,
      ),
    );
  }

  private async call(run: () => Promise<QueryResult>): Promise<QueryResult> {
    try {
      return await this.limit.run(run);
    } catch (error) {
      throw toMetricSourceError(this.name, error);
    }
  }
}
