import {
  BURN_RATE_WINDOWS_MS,
  OBJECTIVE_RECORD,
  WINDOW_RECORD_LOOKBACK,
  SloDefinition,
  errorRatioRecord,
  formatDurationMs,
  promqlString,
  regexLiteral,
  windowCountRecord,
} from '@reliability-suite/plugin-reliability-common';
import type { VectorMetricSource } from './BatchingMetricSource';
import { InstantSeries, batchedQuery, seriesByPart } from './batchedQuery';

/** An Occurrences SLO's counts as its exported recording rules recorded them. */
export interface RecordedOccurrences {
  /** Events over the SLO's window; total undefined = no data. */
  total?: number;
  good?: number;
  bad?: number;
  /** Error ratio over each of BURN_RATE_WINDOWS_MS; undefined = no traffic or no data. */
  errorRatios: Array<number | undefined>;
}

interface Ask {
  entityRef: string;
  slo: SloDefinition;
  resolve(value: RecordedOccurrences | undefined): void;
  reject(error: unknown): void;
}

const key = (entityRef: string, sloName: string) =>
  JSON.stringify([entityRef, sloName]);

/**
 * The query of one record for the entities asked: the burn rates as they are (recorded every
 * evaluation interval), the window's counts and objective as last recorded within
 * `WINDOW_RECORD_LOOKBACK` (their group is evaluated less often).
 */
function recordQuery(
  name: string,
  restriction: string,
  burnRate: boolean,
): string {
  const selector = `${name}{${restriction}}`;
  return burnRate
    ? selector
    : `last_over_time(${selector}[${WINDOW_RECORD_LOOKBACK}])`;
}

const BURN_RATE_RECORDS = new Set(BURN_RATE_WINDOWS_MS.map(errorRatioRecord));

/** The length of a rolling window (read only asks for those). */
const windowOf = (slo: SloDefinition) =>
  slo.timeWindow.type === 'rolling' ? slo.timeWindow.durationMs : 0;

/** The record names an SLO's figures are read from. */
function recordNames(
  slo: SloDefinition,
  windowMs: number,
): {
  total: string;
  counted: string;
  ratios: string[];
} {
  const metric = slo.indicator.metric;
  return {
    total: windowCountRecord('total', windowMs),
    counted: windowCountRecord(
      metric.type === 'ratio' && metric.bad ? 'bad' : 'good',
      windowMs,
    ),
    ratios: BURN_RATE_WINDOWS_MS.map(errorRatioRecord),
  };
}

/**
 * Reads the figures of Occurrences SLOs from the recording rules the suite exports
 * (`yarn reliability rules`, `GET /rules`), for a metric source that evaluates them: per query
 * time, one query per record name for all the SLOs asked in the same turn of the event loop,
 * sent together with `label_replace`. An SLO whose rules are not loaded there, or were written
 * for another objective or window (its `slo:objective:ratio` series is missing or differs), or
 * whose records are not all there, reads undefined: measure it directly.
 */
export class RecordedCounts {
  private readonly waiting = new Map<number, Ask[]>();
  private scheduled = false;

  constructor(
    private readonly source: VectorMetricSource,
    private readonly maxBatch: number,
  ) {}

  read(
    entityRef: string,
    slo: SloDefinition,
    atMs: number,
  ): Promise<RecordedOccurrences | undefined> {
    // Rules are exported for rolling windows only.
    if (slo.timeWindow.type !== 'rolling') return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const atTime = this.waiting.get(atMs) ?? [];
      atTime.push({ entityRef, slo, resolve, reject });
      this.waiting.set(atMs, atTime);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush() {
    this.scheduled = false;
    const waiting = [...this.waiting.entries()];
    this.waiting.clear();
    for (const [atMs, asks] of waiting) void this.send(atMs, asks);
  }

  private async send(atMs: number, asks: Ask[]) {
    const entities = [...new Set(asks.map(a => a.entityRef))].sort();
    const restriction =
      entities.length === 1
        ? `entity=${promqlString(entities[0])}`
        : `entity=~${promqlString(entities.map(regexLiteral).join('|'))}`;
    const names = [
      ...new Set([
        OBJECTIVE_RECORD,
        ...asks.flatMap(({ slo }) => {
          const { total, counted, ratios } = recordNames(slo, windowOf(slo));
          return [total, counted, ...ratios];
        }),
      ]),
    ];
    // Series by record name, then by entity and SLO.
    const found = new Map<string, Map<string, InstantSeries[]>>();
    try {
      const size = Math.max(1, this.maxBatch);
      for (let from = 0; from < names.length; from += size) {
        const part = names.slice(from, from + size);
        const series = await this.source.instantSeries(
          batchedQuery(
            part.map(name =>
              recordQuery(name, restriction, BURN_RATE_RECORDS.has(name)),
            ),
          ),
          atMs,
        );
        // Series that name no record asked (an engine that ignored label_replace) read as
        // no records: the SLOs are then measured directly.
        seriesByPart(series, part.length)?.forEach((ofName, index) => {
          const byKey = new Map<string, InstantSeries[]>();
          for (const one of ofName) {
            const k = key(one.labels.entity ?? '', one.labels.slo ?? '');
            byKey.set(k, [...(byKey.get(k) ?? []), one]);
          }
          found.set(part[index], byKey);
        });
      }
    } catch {
      // The records could not be read (e.g. a query longer than an engine accepts): the SLOs
      // are measured directly, whose own errors, if any, are then the ones reported.
      for (const ask of asks) ask.resolve(undefined);
      return;
    }
    for (const ask of asks) {
      try {
        ask.resolve(this.answer(ask, found));
      } catch (error) {
        ask.reject(error);
      }
    }
  }

  private answer(
    { entityRef, slo }: Ask,
    found: Map<string, Map<string, InstantSeries[]>>,
  ): RecordedOccurrences | undefined {
    const k = key(entityRef, slo.name);
    const one = (name: string) => {
      const series = found.get(name)?.get(k) ?? [];
      return series.length === 1 ? series[0] : undefined;
    };
    const several = (name: string) =>
      (found.get(name)?.get(k)?.length ?? 0) > 1;
    const objective = one(OBJECTIVE_RECORD);
    if (
      !objective ||
      Number(objective.value) !== slo.objectives[0].target ||
      objective.labels.window !== formatDurationMs(windowOf(slo))
    )
      return undefined;
    const names = recordNames(slo, windowOf(slo));
    // Rules loaded twice (another group, other labels): which one holds is unknown.
    if ([names.total, names.counted, ...names.ratios].some(several))
      return undefined;
    const count = (name: string) => {
      const series = one(name);
      if (!series) return undefined;
      return this.source.checkedValue(
        `${name}{${entityRef}/${slo.name}}`,
        series.value,
      );
    };
    const ratio = (name: string) => {
      const value = Number(one(name)?.value);
      return Number.isFinite(value) ? value : undefined;
    };
    const metric = slo.indicator.metric;
    const counted = count(names.counted);
    return {
      total: count(names.total),
      ...(metric.type === 'ratio' && metric.bad
        ? { bad: counted }
        : { good: counted }),
      errorRatios: names.ratios.map(ratio),
    };
  }
}
