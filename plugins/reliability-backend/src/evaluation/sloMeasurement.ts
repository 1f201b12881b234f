import {
  BURN_RATE_WINDOWS_MS,
  BudgetPoint,
  BudgetingMethod,
  ErrorBudgetPolicy,
  SloDefinition,
  SloFigures,
  Slice,
  burnRate,
  errorBudget,
  policyState,
  projectedExhaustion,
  ratioTimeslicesSli,
  remainingBudget,
  sliFromCounts,
  sliceVerdict,
  timeslicesSli,
} from '@reliability-suite/plugin-reliability-common';
import { RatioMetric } from './measurementPlan';

/** Which burn rate projects exhaustion: 6 h, steady enough not to swing with every spike. */
const EXHAUSTION_BURN_WINDOW_MS = 6 * 3_600_000;

/** Good and total events over a range ending at a time; undefined total = no data. */
export interface Counts {
  good?: number;
  total?: number;
}

/** Events of one step of the burn-down. */
export interface StepCounts {
  t: number;
  total: number;
  good: number;
}

/** What a measurement found, before the figures are derived from it. */
export interface Measurement {
  /** How the budget was counted: a threshold SLI is always counted in time slices. */
  method: BudgetingMethod;
  sli?: number;
  /** What failed, counted as the SLI was (see `errorBudget`). */
  failed?: { bad: number; of: number };
  burnRates: SloFigures['burnRates'];
  history: BudgetPoint[];
}

/** Good events from what the SLI counts: good directly, or total minus bad (absent series = 0). */
export function goodEvents(
  metric: RatioMetric,
  total: number,
  good?: number,
  bad?: number,
): number {
  return metric.good ? good ?? 0 : total - (bad ?? 0);
}

/** The error ratio of a window's counts; undefined without traffic. */
export function errorRatioOf({ good, total }: Counts): number | undefined {
  return total === undefined || !(total > 0)
    ? undefined
    : (total - (good ?? 0)) / total;
}

const burnRatesOf = (
  errorRatios: ReadonlyArray<number | undefined>,
  target: number,
) =>
  BURN_RATE_WINDOWS_MS.map((windowMs, index) => ({
    windowMs,
    rate: burnRate(errorRatios[index], target),
  }));

/** Request-based: SLI = good / total events over the window; the burn-down accumulated per step. */
export function occurrencesMeasurement(
  target: number,
  window: Counts,
  errorRatios: ReadonlyArray<number | undefined>,
  perStep: ReadonlyArray<StepCounts>,
): Measurement {
  const sli =
    window.total === undefined
      ? undefined
      : sliFromCounts(window.good ?? 0, window.total);
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
    burnRates: burnRatesOf(errorRatios, target),
    history,
  };
}

/**
 * Time-based: each slice good or bad (or without data); the budget in slices. Burn rates are
 * the event error ratio of each window when the SLI has events (as the exported alert rules
 * measure them, so that the portal and Prometheus agree); a threshold SLI has no events and no
 * rules: the share of bad slices in the window.
 */
export function timeslicesMeasurement(
  slo: SloDefinition,
  range: { start: number; now: number; historyStepMs: number },
  slices: ReadonlyArray<Slice & { t: number }>,
  errorRatios: ReadonlyArray<number | undefined> | undefined,
): Measurement {
  const { start, now, historyStepMs } = range;
  const objective = slo.objectives[0];
  const rule = {
    timeSliceTarget: objective.timeSliceTarget,
    op: objective.op,
    threshold: objective.value,
  };
  const ratioSlices = slo.budgetingMethod === 'RatioTimeslices';
  const verdicts = slices.map(slice => ({
    t: slice.t,
    verdict: sliceVerdict(slice, rule),
  }));
  const sliOf = (from: number) =>
    ratioSlices
      ? ratioTimeslicesSli(slices.filter(s => s.t > from))
      : timeslicesSli(verdicts.filter(v => v.t > from).map(v => v.verdict));
  const target = objective.target;
  const sli = sliOf(start);
  const burnRates = errorRatios
    ? burnRatesOf(errorRatios, target)
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
  const history: BudgetPoint[] = [];
  let good = 0;
  let counted = 0;
  let next = start + historyStepMs;
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
      next += historyStepMs;
    }
  }
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

/** The SLO's figures from a measurement: budget, exhaustion, policy state. */
export function sloFigures(
  slo: SloDefinition,
  range: { start: number; now: number },
  measured: Measurement,
  policy: ErrorBudgetPolicy,
): SloFigures {
  const { start, now } = range;
  const target = slo.objectives[0].target;
  const budget = errorBudget({
    method: measured.method,
    target,
    windowMs: now - start,
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
    windowEnd: now,
    budget,
    burnRates: measured.burnRates,
    projectedExhaustion: projectedExhaustion(
      remainingFraction,
      exhaustionRate,
      now - start,
      now,
    ),
    policyState: policyState(remainingFraction, policy),
    history: measured.history,
    measuredAt: now,
  };
}
