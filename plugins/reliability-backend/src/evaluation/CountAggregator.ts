import type { VectorMetricSource } from './BatchingMetricSource';
import { InstantSeries, batchedQuery, seriesByPart } from './batchedQuery';
import { MetricSource, Sample } from './MetricSource';
import { AggregatedCount, planCounts, seriesKey } from './countPlan';
import { countOverRange } from './sliQueries';

interface Waiting<T> {
  selector: string;
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface InstantAsk {
  atMs: number;
  rangeMs: number;
  waiting: Array<Waiting<number | undefined>>;
}

interface Aggregated {
  ask: InstantAsk;
  query: AggregatedCount;
}

interface StepsAsk {
  rangeMs: number;
  startMs: number;
  endMs: number;
  stepMs: number;
  waiting: Array<Waiting<Sample[]>>;
}

/** Limits of one aggregated query. */
export interface AggregationLimits {
  /** Most series (distinct counts) one aggregated query answers. */
  maxSeries: number;
  /** Most points (series × steps) one aggregated range query returns. */
  maxPoints: number;
  /** Most aggregated instant queries (of one query time) sent as one, tagged by `label_replace`. */
  maxBatch: number;
}

/**
 * Event counts asked in the same turn of the event loop (the windows of the SLOs evaluated
 * together) are planned by `planCounts` and sent as aggregated queries: one per range and
 * selector shape instead of one per SLO. Each count is answered exactly as alone: its series'
 * value, no data when it has none, the same error when its value is not a number; should an
 * aggregated query fail, its counts are asked alone so each error is the count's own. Counts the
 * plan leaves alone go to `alone` (a source that batches instant queries).
 */
export class CountAggregator {
  private readonly instants = new Map<string, InstantAsk>();
  private readonly steps = new Map<string, StepsAsk>();
  private scheduled = false;

  constructor(
    private readonly source: VectorMetricSource,
    private readonly alone: MetricSource,
    private readonly limits: AggregationLimits,
  ) {}

  count(
    selector: string,
    rangeMs: number,
    atMs: number,
  ): Promise<number | undefined> {
    return new Promise((resolve, reject) => {
      const key = `${atMs}|${rangeMs}`;
      const ask = this.instants.get(key) ?? { atMs, rangeMs, waiting: [] };
      ask.waiting.push({ selector, resolve, reject });
      this.instants.set(key, ask);
      this.schedule();
    });
  }

  countSteps(
    selector: string,
    rangeMs: number,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<Sample[]> {
    return new Promise((resolve, reject) => {
      const key = `${rangeMs}|${startMs}|${endMs}|${stepMs}`;
      const ask = this.steps.get(key) ?? {
        rangeMs,
        startMs,
        endMs,
        stepMs,
        waiting: [],
      };
      ask.waiting.push({ selector, resolve, reject });
      this.steps.set(key, ask);
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush() {
    this.scheduled = false;
    const instants = [...this.instants.values()];
    const steps = [...this.steps.values()];
    this.instants.clear();
    this.steps.clear();
    // A source that batches nothing (batchSize 1) is asked every count alone.
    const aggregate = this.limits.maxBatch > 1;
    const aggregatedAt = new Map<number, Aggregated[]>();
    for (const ask of instants) {
      if (!aggregate) {
        for (const part of ask.waiting) this.instantAlone(ask, part);
        continue;
      }
      const plan = planCounts(
        ask.waiting.map(w => w.selector),
        ask.rangeMs,
        this.limits.maxSeries,
      );
      for (const index of plan.alone)
        this.instantAlone(ask, ask.waiting[index]);
      const atTime = aggregatedAt.get(ask.atMs) ?? [];
      atTime.push(...plan.aggregated.map(query => ({ ask, query })));
      aggregatedAt.set(ask.atMs, atTime);
    }
    for (const [atMs, all] of aggregatedAt) {
      const size = Math.max(1, this.limits.maxBatch);
      for (let from = 0; from < all.length; from += size)
        void this.sendInstants(atMs, all.slice(from, from + size));
    }
    for (const ask of steps) {
      if (!aggregate) {
        for (const part of ask.waiting) this.stepsAlone(ask, part);
        continue;
      }
      const points = Math.floor((ask.endMs - ask.startMs) / ask.stepMs) + 1;
      const plan = planCounts(
        ask.waiting.map(w => w.selector),
        ask.rangeMs,
        Math.max(
          1,
          Math.min(
            this.limits.maxSeries,
            Math.floor(this.limits.maxPoints / Math.max(1, points)),
          ),
        ),
      );
      for (const index of plan.alone) this.stepsAlone(ask, ask.waiting[index]);
      for (const query of plan.aggregated) void this.sendSteps(ask, query);
    }
  }

  private instantAlone(ask: InstantAsk, part: Waiting<number | undefined>) {
    this.alone
      .instant(countOverRange(part.selector, ask.rangeMs), ask.atMs)
      .then(part.resolve, part.reject);
  }

  private stepsAlone(ask: StepsAsk, part: Waiting<Sample[]>) {
    this.alone
      .range(
        countOverRange(part.selector, ask.rangeMs),
        ask.startMs,
        ask.endMs,
        ask.stepMs,
      )
      .then(part.resolve, part.reject);
  }

  /** Aggregated queries of one query time, sent as one; should that fail, one by one. */
  private async sendInstants(atMs: number, batch: Aggregated[]) {
    const oneByOne = () =>
      batch.forEach(({ ask, query }) => void this.sendInstant(ask, query));
    if (batch.length === 1) {
      oneByOne();
      return;
    }
    let series: InstantSeries[];
    try {
      series = await this.source.instantSeries(
        batchedQuery(batch.map(({ query }) => query.query)),
        atMs,
      );
    } catch {
      oneByOne();
      return;
    }
    const byPart = seriesByPart(series, batch.length);
    if (!byPart) {
      oneByOne();
      return;
    }
    batch.forEach(({ ask, query }, index) =>
      this.answerInstant(ask, query, byPart[index]),
    );
  }

  private async sendInstant(ask: InstantAsk, query: AggregatedCount) {
    let series: InstantSeries[];
    try {
      series = await this.source.instantSeries(query.query, ask.atMs);
    } catch {
      for (const { index } of query.parts)
        this.instantAlone(ask, ask.waiting[index]);
      return;
    }
    this.answerInstant(ask, query, series);
  }

  private answerInstant(
    ask: InstantAsk,
    query: AggregatedCount,
    series: InstantSeries[],
  ) {
    const byKey = new Map(
      series.map(s => [seriesKey(query.by, s.labels), s.value]),
    );
    for (const { index, key } of query.parts) {
      const part = ask.waiting[index];
      try {
        part.resolve(
          byKey.has(key)
            ? this.source.checkedValue(
                countOverRange(part.selector, ask.rangeMs),
                byKey.get(key),
              )
            : undefined,
        );
      } catch (error) {
        part.reject(error);
      }
    }
  }

  private async sendSteps(ask: StepsAsk, query: AggregatedCount) {
    let byKey: Map<string, Array<{ t: number; value: unknown }>>;
    try {
      const series = await this.source.rangeSeries(
        query.query,
        ask.startMs,
        ask.endMs,
        ask.stepMs,
      );
      byKey = new Map(
        series.map(s => [seriesKey(query.by, s.labels), s.values]),
      );
    } catch {
      for (const { index } of query.parts)
        this.stepsAlone(ask, ask.waiting[index]);
      return;
    }
    for (const { index, key } of query.parts) {
      const part = ask.waiting[index];
      const partQuery = countOverRange(part.selector, ask.rangeMs);
      try {
        part.resolve(
          (byKey.get(key) ?? []).map(({ t, value }) => ({
            t,
            v: this.source.checkedValue(partQuery, value),
          })),
        );
      } catch (error) {
        part.reject(error);
      }
    }
  }
}
