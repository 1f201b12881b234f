import {
  BATCH_LABEL,
  InstantSeries,
  batchedQuery,
  seriesByPart,
} from './batchedQuery';
import { RecordedCounts, RecordedOccurrences } from './RecordedCounts';
import {
  LoadedRuleGroup,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';

export { BATCH_LABEL, batchedQuery };
export type { InstantSeries };
import { AggregationLimits, CountAggregator } from './CountAggregator';
import {
  MetricSource,
  MetricSourceError,
  RangeSeries,
  Sample,
} from './MetricSource';

/** A metric source that can answer an instant query with every series it returns. */
export interface VectorMetricSource extends MetricSource {
  instantSeries(query: string, atMs: number): Promise<InstantSeries[]>;
  rangeSeries(
    query: string,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<RangeSeries[]>;
  /** Checks one series' value as `instant` does (finite number), naming the query. */
  checkedValue(query: string, value: unknown): number;
}

interface Waiting {
  query: string;
  resolve(value: number | undefined): void;
  reject(error: unknown): void;
}

/** Default limits of an aggregated count query. */
export const DEFAULT_AGGREGATION_LIMITS: Omit<AggregationLimits, 'maxBatch'> = {
  maxSeries: 2_000,
  maxPoints: 1_000_000,
};

/**
 * Event counts (`count`, `countSteps`) asked together, such as the windows of the SLOs evaluated
 * at once, are aggregated by `CountAggregator`: one query per range and selector shape. Other
 * instant queries asked at the same moment go to the source as one query per batch of
 * `maxBatch`, each part tagged by `label_replace`. Each part is answered exactly as it would be
 * alone: its one series' value, no data when it has none, and the same error when it returns
 * several series or not a number. Should a batch fail, its parts are asked one by one, so each
 * error is the part's own. A `maxBatch` of 1 sends every query alone.
 */
export class BatchingMetricSource implements MetricSource {
  private readonly waiting = new Map<number, Waiting[]>();
  private scheduled = false;
  private readonly counts: CountAggregator;
  private readonly records?: RecordedCounts;

  constructor(
    private readonly source: VectorMetricSource,
    private readonly maxBatch: number,
    options: {
      limits?: Omit<AggregationLimits, 'maxBatch'>;
      /** The source evaluates the suite's exported recording rules: read figures from them. */
      recordingRules?: boolean;
    } = {},
  ) {
    this.counts = new CountAggregator(source, this, {
      ...(options.limits ?? DEFAULT_AGGREGATION_LIMITS),
      maxBatch,
    });
    if (options.recordingRules)
      this.records = new RecordedCounts(source, maxBatch);
  }

  recordedOccurrences(
    entityRef: string,
    slo: SloDefinition,
    atMs: number,
  ): Promise<RecordedOccurrences | undefined> {
    return this.records
      ? this.records.read(entityRef, slo, atMs)
      : Promise.resolve(undefined);
  }

  loadedRules(): Promise<LoadedRuleGroup[]> {
    return this.source.loadedRules
      ? this.source.loadedRules()
      : Promise.reject(
          new MetricSourceError(`${this.name}: cannot list its rules`),
        );
  }

  get name(): string {
    return this.source.name;
  }

  instant(query: string, atMs: number): Promise<number | undefined> {
    if (this.maxBatch <= 1) return this.source.instant(query, atMs);
    return new Promise((resolve, reject) => {
      const atTime = this.waiting.get(atMs) ?? [];
      atTime.push({ query, resolve, reject });
      this.waiting.set(atMs, atTime);
      if (!this.scheduled) {
        this.scheduled = true;
        // Gather what is asked in this turn of the event loop, then send it.
        setImmediate(() => this.flush());
      }
    });
  }

  count(
    selector: string,
    rangeMs: number,
    atMs: number,
  ): Promise<number | undefined> {
    return this.counts.count(selector, rangeMs, atMs);
  }

  countSteps(
    selector: string,
    rangeMs: number,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<Sample[]> {
    return this.counts.countSteps(selector, rangeMs, startMs, endMs, stepMs);
  }

  range(
    query: string,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<Sample[]> {
    return this.source.range(query, startMs, endMs, stepMs);
  }

  private flush() {
    this.scheduled = false;
    const waiting = [...this.waiting.entries()];
    this.waiting.clear();
    for (const [atMs, all] of waiting) {
      for (let from = 0; from < all.length; from += this.maxBatch) {
        void this.send(atMs, all.slice(from, from + this.maxBatch));
      }
    }
  }

  private async send(atMs: number, batch: Waiting[]): Promise<void> {
    if (batch.length === 1) {
      await this.alone(atMs, batch[0]);
      return;
    }
    let series: InstantSeries[];
    try {
      series = await this.source.instantSeries(
        batchedQuery(batch.map(part => part.query)),
        atMs,
      );
    } catch {
      await Promise.all(batch.map(part => this.alone(atMs, part)));
      return;
    }
    const byPart = seriesByPart(series, batch.length);
    if (!byPart) {
      await Promise.all(batch.map(part => this.alone(atMs, part)));
      return;
    }
    batch.forEach((part, index) => {
      const found = byPart[index];
      try {
        if (found.length > 1)
          throw new MetricSourceError(
            `${this.source.name}: query ${part.query} returned ${found.length} series, expected one`,
          );
        part.resolve(
          found.length
            ? this.source.checkedValue(part.query, found[0].value)
            : undefined,
        );
      } catch (error) {
        part.reject(error);
      }
    });
  }

  private async alone(atMs: number, part: Waiting): Promise<void> {
    try {
      part.resolve(await this.source.instant(part.query, atMs));
    } catch (error) {
      part.reject(error);
    }
  }
}
