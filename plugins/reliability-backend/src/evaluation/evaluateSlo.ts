import {
  BURN_RATE_WINDOWS_MS,
  BudgetPoint,
  BudgetingMethod,
  MetricQuery,
  ErrorBudgetPolicy,
  SliMetric,
  SloDefinition,
  SloFigures,
  Slice,
  burnRate,
  errorBudget,
  isRuleExportable,
  parseDurationMs,
  policyState,
  projectedExhaustion,
  ratioTimeslicesSli,
  remainingBudget,
  sliFromCounts,
  sliceVerdict,
  timeslicesSli,
  windowStart,
} from '@reliability-suite/plugin-reliability-common';
import { MetricSource, Sample } from './MetricSource';
import { countEventSteps, countEvents } from './sliQueries';

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

/** Which burn rate projects exhaustion: 6 h, steady enough not to swing with every spike. */
const EXHAUSTION_BURN_WINDOW_MS = 6 * 3_600_000;
const MINUTE_MS = 60_000;

/** Good and total events over a range ending at a time; undefined total = no data. */
interface Counts {
  good?: number;
  total?: number;
}

/**
 * Evaluates one SLO against its metric source at `nowMs`: SLI, budget, burn rates, exhaustion,
 * policy state and the burn-down history. Throws MetricSourceError when the source fails.
 */
export async function evaluateSlo(
  slo: SloDefinition,
  source: MetricSource,
  nowMs: number,
  options: EvaluationOptions,
): Promise<SloFigures> {
  const start = windowStart(slo.timeWindow, nowMs);
  const metric = slo.indicator.metric;
  const measured =
    slo.budgetingMethod === 'Occurrences' && metric.type === 'ratio'
      ? await measureOccurrences(slo, source, start, nowMs, options)
      : await measureTimeslices(slo, source, start, nowMs, options);
  const target = slo.objectives[0].target;
  const budget = errorBudget({
    method: measured.method,
    target,
    windowMs: nowMs - start,
    sli: measured.sli,
    failed: measured.failed,
  });
  const remainingFraction = budget.remainingFraction;
  const exhaustionRate = measured.burnRates.find(
    b => b.windowMs === EXHAUSTION_BURN_WINDOW_MS,
  )?.rate;
  return {
    target,
    sli: measured.sli,
    attained: measured.sli === undefined ? undefined : measured.sli >= target,
    windowStart: start,
    windowEnd: nowMs,
    budget,
    burnRates: measured.burnRates,
    projectedExhaustion: projectedExhaustion(
      remainingFraction,
      exhaustionRate,
      nowMs - start,
      nowMs,
    ),
    policyState: policyState(remainingFraction, options.policy),
    history: measured.history,
    measuredAt: nowMs,
  };
}

interface Measurement {
  /** How the budget was counted: a threshold SLI is always counted in time slices. */
  method: BudgetingMethod;
  sli?: number;
  /** What failed, counted as the SLI was (see `errorBudget`). */
  failed?: { bad: number; of: number };
  burnRates: SloFigures['burnRates'];
  history: BudgetPoint[];
}

/** Request-based: SLI = good / total events over the window, weighted by traffic. */
async function measureOccurrences(
  slo: SloDefinition,
  source: MetricSource,
  start: number,
  now: number,
  options: EvaluationOptions,
): Promise<Measurement> {
  const metric = slo.indicator.metric;
  if (metric.type !== 'ratio') throw new Error('Occurrences needs a ratio SLI');
  const target = slo.objectives[0].target;
  // The window, every burn-rate window and the burn-down's steps are asked at once, so that a
  // source aggregates them with those of the SLOs evaluated together. A failed count is
  // reported before a failed burn-down.
  const step = historyStep(now - start, options);
  const [{ window, errorRatios }, perStep] = await bothInOrder(
    occurrenceCounts(slo, metric, source, start, now, options),
    eventsPerStep(metric, source, step, start + step, now, step),
  );
  const sli =
    window.total === undefined
      ? undefined
      : sliFromCounts(window.good ?? 0, window.total);

  const burnRates = BURN_RATE_WINDOWS_MS.map((windowMs, index) => ({
    windowMs,
    rate: burnRate(errorRatios[index], target),
  }));

  // Burn-down: events per step across the window, accumulated from the window's start.
  let cumulativeTotal = 0;
  let cumulativeGood = 0;
  const history = perStep.map(({ t, total, good }) => {
    cumulativeTotal += total;
    cumulativeGood += good;
    return {
      t,
      remaining: remainingBudget(
        sliFromCounts(cumulativeGood, cumulativeTotal),
        target,
      ),
    };
  });

  return {
    method: 'Occurrences',
    sli,
    failed:
      sli === undefined || window.total === undefined
        ? undefined
        : { bad: window.total - (window.good ?? 0), of: window.total },
    burnRates,
    history,
  };
}

/**
 * The window's counts and the error ratio of every burn-rate window: from the SLO's recording
 * rules when its source reads them (`recordingRules`) and they are loaded for this definition,
 * otherwise counted directly.
 */
async function occurrenceCounts(
  slo: SloDefinition,
  metric: RatioMetric,
  source: MetricSource,
  start: number,
  now: number,
  options: EvaluationOptions,
): Promise<{ window: Counts; errorRatios: Array<number | undefined> }> {
  const recorded =
    options.entityRef &&
    source.recordedOccurrences &&
    recordsApply(slo, options)
      ? await source.recordedOccurrences(options.entityRef, slo, now)
      : undefined;
  if (recorded) {
    return {
      window: {
        total: recorded.total,
        good:
          recorded.total === undefined
            ? undefined
            : goodEvents(metric, recorded.total, recorded.good, recorded.bad),
      },
      errorRatios: recorded.errorRatios,
    };
  }
  const counts = (rangeMs: number) =>
    eventsAt(
      metric,
      source,
      Math.max(rangeMs, 2 * options.scrapeIntervalMs),
      now,
    );
  const [window, ...burnCounts] = await allInOrder([
    start < now ? counts(now - start) : Promise.resolve<Counts>({}),
    ...BURN_RATE_WINDOWS_MS.map(windowMs => counts(windowMs)),
  ]);
  return {
    window,
    errorRatios: burnCounts.map(({ good, total }) =>
      total === undefined || !(total > 0)
        ? undefined
        : (total - (good ?? 0)) / total,
    ),
  };
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

/** Time-based: the window is cut into slices, each good or bad; budget is in minutes. */
async function measureTimeslices(
  slo: SloDefinition,
  source: MetricSource,
  start: number,
  now: number,
  options: EvaluationOptions,
): Promise<Measurement> {
  const objective = slo.objectives[0];
  const metric = slo.indicator.metric;
  const sliceMs =
    parseDurationMs(objective.timeSliceWindow ?? '1m') ?? MINUTE_MS;
  let slices: Array<Slice & { t: number }>;
  let errorRatios: Array<number | undefined> | undefined;
  if (metric.type === 'threshold') {
    const values = await source.range(
      metric.query.query,
      start + sliceMs,
      now,
      sliceMs,
    );
    slices = values.map(({ t, v }) => ({ t, value: v }));
  } else {
    const range = Math.max(sliceMs, 2 * options.scrapeIntervalMs);
    let burn: { errorRatios: Array<number | undefined> };
    [slices, burn] = await bothInOrder(
      eventsPerStep(metric, source, range, start + sliceMs, now, sliceMs),
      // Only the burn-rate windows: the window's events are not this budget's.
      occurrenceCounts(slo, metric, source, now, now, options),
    );
    errorRatios = burn.errorRatios;
  }
  const rule = {
    timeSliceTarget: objective.timeSliceTarget,
    op: objective.op,
    threshold: objective.value,
  };
  const verdicts = slices.map(slice => ({
    t: slice.t,
    verdict: sliceVerdict(slice, rule),
  }));
  const sliOf = (from: number) => {
    const inRange = verdicts.filter(v => v.t > from);
    return slo.budgetingMethod === 'RatioTimeslices'
      ? ratioTimeslicesSli(slices.filter(s => s.t > from))
      : timeslicesSli(inRange.map(v => v.verdict));
  };
  const target = objective.target;
  const sli = sliOf(start);
  // Burn rates as the exported alert rules measure them: the error ratio of the events in each
  // window (however the budget is counted), so that the portal and Prometheus agree. Threshold
  // SLIs have no events and no rules: the share of bad slices in the window.
  const burnRates = errorRatios
    ? BURN_RATE_WINDOWS_MS.map((windowMs, index) => ({
        windowMs,
        rate: burnRate(errorRatios[index], target),
      }))
    : BURN_RATE_WINDOWS_MS.map(windowMs => {
        const windowSli = sliOf(now - windowMs);
        return {
          windowMs,
          rate: burnRate(
            windowSli === undefined ? undefined : 1 - windowSli,
            target,
          ),
        };
      });
  const step = historyStep(now - start, options);
  const history: BudgetPoint[] = [];
  let good = 0;
  let counted = 0;
  let next = start + step;
  for (const { t, verdict } of verdicts) {
    if (verdict !== 'nodata') {
      counted += 1;
      if (verdict === 'good') good += 1;
    }
    if (t >= next) {
      history.push({
        t,
        remaining: remainingBudget(
          counted ? good / counted : undefined,
          target,
        ),
      });
      next += step;
    }
  }
  const ratioSlices = slo.budgetingMethod === 'RatioTimeslices';
  const withData = verdicts.filter(v => v.verdict !== 'nodata').length;
  const bad = verdicts.filter(v => v.verdict === 'bad').length;
  let failed: Measurement['failed'];
  if (sli !== undefined)
    failed = ratioSlices ? { bad: 1 - sli, of: 1 } : { bad, of: withData };
  return {
    method: ratioSlices ? 'RatioTimeslices' : 'Timeslices',
    sli,
    failed,
    burnRates,
    history,
  };
}

/**
 * Like Promise.all, but when several fail the error is the first one in the list, not the first
 * in time: a degraded SLO reports the same error whatever order the answers came in.
 */
async function allInOrder<T>(promises: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  if (failed) throw failed.reason;
  return settled.map(result => (result as PromiseFulfilledResult<T>).value);
}

/** Both answers, or the first one's error before the second's (see allInOrder). */
async function bothInOrder<A, B>(
  first: Promise<A>,
  second: Promise<B>,
): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}

function historyStep(windowMs: number, options: EvaluationOptions): number {
  const step =
    Math.ceil(windowMs / options.historyPoints / MINUTE_MS) * MINUTE_MS;
  return Math.max(step, 2 * options.scrapeIntervalMs);
}

type RatioMetric = Extract<SliMetric, { type: 'ratio' }>;

/** Good events from what the SLI counts: good directly, or total minus bad (absent series = 0). */
function goodEvents(
  metric: RatioMetric,
  total: number,
  good?: number,
  bad?: number,
): number {
  return metric.good ? good ?? 0 : total - (bad ?? 0);
}

/** Total and good events over `rangeMs` ending at `at`; undefined total = no series (no data). */
async function eventsAt(
  metric: RatioMetric,
  source: MetricSource,
  rangeMs: number,
  at: number,
): Promise<Counts> {
  const count = (query?: MetricQuery) =>
    query
      ? countEvents(source, query.query, rangeMs, at)
      : Promise.resolve(undefined);
  const [total, good, bad] = await allInOrder([
    count(metric.total),
    count(metric.good),
    count(metric.bad),
  ]);
  return {
    total,
    good:
      total === undefined ? undefined : goodEvents(metric, total, good, bad),
  };
}

/** Total and good events over `rangeMs` at every step from `from` to `to`. */
async function eventsPerStep(
  metric: RatioMetric,
  source: MetricSource,
  rangeMs: number,
  from: number,
  to: number,
  stepMs: number,
): Promise<Array<{ t: number; total: number; good: number }>> {
  const series = (query?: MetricQuery) =>
    query
      ? countEventSteps(source, query.query, rangeMs, from, to, stepMs)
      : Promise.resolve([]);
  const [totals, goods, bads] = await allInOrder([
    series(metric.total),
    series(metric.good),
    series(metric.bad),
  ]);
  const goodAt = byTime(goods);
  const badAt = byTime(bads);
  return totals.map(({ t, v }) => ({
    t,
    total: v,
    good: goodEvents(metric, v, goodAt.get(t), badAt.get(t)),
  }));
}

function byTime(samples: Sample[]): Map<number, number> {
  return new Map(samples.map(s => [s.t, s.v]));
}
