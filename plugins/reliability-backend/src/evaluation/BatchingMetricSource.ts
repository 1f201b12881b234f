import { MetricSource, MetricSourceError, Sample } from './MetricSource';

/** One series of an instant query, with its labels and raw value. */
export interface InstantSeries {
  labels: Record<string, string>;
  value: unknown;
}

/** A metric source that can answer an instant query with every series it returns. */
export interface VectorMetricSource extends MetricSource {
  instantSeries(query: string, atMs: number): Promise<InstantSeries[]>;
  /** Checks one series' value as `instant` does (finite number), naming the query. */
  checkedValue(query: string, value: unknown): number;
}

/** The label that tells apart the parts of a batched query. */
export const BATCH_LABEL = 'reliability_suite_batch';

/**
 * The batched form of instant queries that each return at most one series: each part tagged
 * with its index by `label_replace`, joined with `or`. Pure, so it is table-tested.
 */
export function batchedQuery(queries: string[]): string {
  return queries
    .map(
      (query, index) =>
        `label_replace(${query}, "${BATCH_LABEL}", "${index}", "", "")`,
    )
    .join(' or ');
}

interface Waiting {
  query: string;
  resolve(value: number | undefined): void;
  reject(error: unknown): void;
}

/**
 * Instant queries asked at the same moment (the counts of one SLO's window and burn-rate
 * windows, and those of SLOs evaluated at once) go to the source as one query per batch of
 * `maxBatch`. Each part is answered exactly as it would be alone: its one series' value, no
 * data when it has none, and the same error when it returns several series or not a number.
 * Should a batch fail, its parts are asked one by one, so each error is the part's own.
 */
export class BatchingMetricSource implements MetricSource {
  private readonly waiting = new Map<number, Waiting[]>();
  private scheduled = false;

  constructor(
    private readonly source: VectorMetricSource,
    private readonly maxBatch: number,
  ) {}

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
    const byPart = new Map<number, InstantSeries[]>();
    for (const one of series) {
      const index = Number(one.labels[BATCH_LABEL]);
      if (!Number.isInteger(index) || index < 0 || index >= batch.length) {
        // Not an answer to this batch (an engine that ignored label_replace): ask one by one.
        await Promise.all(batch.map(part => this.alone(atMs, part)));
        return;
      }
      byPart.set(index, [...(byPart.get(index) ?? []), one]);
    }
    batch.forEach((part, index) => {
      const found = byPart.get(index) ?? [];
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
