import {
  BURN_RATE_WINDOWS_MS,
  ErrorBudgetPolicy,
  SliMetric,
  SloDefinition,
  isRuleExportable,
  parseDurationMs,
  windowStart,
} from '@reliability-suite/plugin-reliability-common';

/** Settings of the evaluation that are not part of the SLO. */
export interface EvaluationOptions {
  policy: ErrorBudgetPolicy;
  /** Scrape interval of the metrics; `increase` needs two samples, so ranges are at least twice this. */
  scrapeIntervalMs: number;
  /** Points of the burn-down chart. */
  historyPoints: number;
  /** The SLO's entity: a source in recording-rule mode reads its records by it. */
  entityRef?: string;
}

export type RatioMetric = Extract<SliMetric, { type: 'ratio' }>;

/** Events counted over `rangeMs` ending at `at`. */
export interface CountAt {
  rangeMs: number;
  at: number;
}

/** Events (or values) over `rangeMs` at every step from `from` to `to`. */
export interface CountSteps {
  rangeMs: number;
  from: number;
  to: number;
  stepMs: number;
}

/** What is asked of the metric source to measure one SLO, decided before any query. */
export type MeasurementPlan =
  | {
      /** Request-based: good / total events over the window, weighted by traffic. */
      kind: 'occurrences';
      start: number;
      now: number;
      historyStepMs: number;
      metric: RatioMetric;
      /** The window's events; absent when the window has not begun. */
      window?: CountAt;
      /** The error ratio of every burn-rate window (`BURN_RATE_WINDOWS_MS`, in order). */
      burnWindows: CountAt[];
      /** The burn-down: events per history step. */
      perStep: CountSteps;
      /** Whether the SLO's recording rules may stand in for the window and burn counts. */
      recordsApply: boolean;
    }
  | {
      /** Time-based over a ratio SLI: each slice's events, burn rates from event ratios. */
      kind: 'ratioSlices';
      start: number;
      now: number;
      historyStepMs: number;
      sliceMs: number;
      metric: RatioMetric;
      slices: CountSteps;
      burnWindows: CountAt[];
      recordsApply: boolean;
    }
  | {
      /** Time-based over a threshold SLI: each slice's value of the query. */
      kind: 'thresholdSlices';
      start: number;
      now: number;
      historyStepMs: number;
      sliceMs: number;
      query: string;
      slices: CountSteps;
    };

const MINUTE_MS = 60_000;

/** The burn-down's step: the window over `historyPoints`, whole minutes, at least two scrapes. */
export function historyStep(
  windowMs: number,
  options: Pick<EvaluationOptions, 'historyPoints' | 'scrapeIntervalMs'>,
): number {
  const step =
    Math.ceil(windowMs / options.historyPoints / MINUTE_MS) * MINUTE_MS;
  return Math.max(step, 2 * options.scrapeIntervalMs);
}

/**
 * Whether recorded figures mean what direct counts mean: rules are exported for the SLO, and no
 * burn-rate window is shorter than the two scrapes the portal counts over at least.
 */
function recordsApply(slo: SloDefinition, options: EvaluationOptions) {
  return (
    isRuleExportable(slo) &&
    BURN_RATE_WINDOWS_MS.every(w => w >= 2 * options.scrapeIntervalMs)
  );
}

/**
 * The queries that measure an SLO at `nowMs` (pure: no I/O). Every count covers at least two
 * scrapes, since `increase` needs two samples.
 */
export function planMeasurement(
  slo: SloDefinition,
  nowMs: number,
  options: EvaluationOptions,
): MeasurementPlan {
  const start = windowStart(slo.timeWindow, nowMs);
  const metric = slo.indicator.metric;
  const historyStepMs = historyStep(nowMs - start, options);
  const countAt = (rangeMs: number): CountAt => ({
    rangeMs: Math.max(rangeMs, 2 * options.scrapeIntervalMs),
    at: nowMs,
  });
  const burnWindows = BURN_RATE_WINDOWS_MS.map(countAt);
  if (slo.budgetingMethod === 'Occurrences' && metric.type === 'ratio') {
    return {
      kind: 'occurrences',
      start,
      now: nowMs,
      historyStepMs,
      metric,
      ...(start < nowMs ? { window: countAt(nowMs - start) } : {}),
      burnWindows,
      perStep: {
        rangeMs: historyStepMs,
        from: start + historyStepMs,
        to: nowMs,
        stepMs: historyStepMs,
      },
      recordsApply: recordsApply(slo, options),
    };
  }
  const objective = slo.objectives[0];
  const sliceMs =
    parseDurationMs(objective.timeSliceWindow ?? '1m') ?? MINUTE_MS;
  const slices = (rangeMs: number): CountSteps => ({
    rangeMs,
    from: start + sliceMs,
    to: nowMs,
    stepMs: sliceMs,
  });
  if (metric.type === 'threshold') {
    return {
      kind: 'thresholdSlices',
      start,
      now: nowMs,
      historyStepMs,
      sliceMs,
      query: metric.query.query,
      slices: slices(sliceMs),
    };
  }
  return {
    kind: 'ratioSlices',
    start,
    now: nowMs,
    historyStepMs,
    sliceMs,
    metric,
    slices: slices(Math.max(sliceMs, 2 * options.scrapeIntervalMs)),
    // Only the burn-rate windows: the window's events are not this budget's.
    burnWindows,
    recordsApply: recordsApply(slo, options),
  };
}
