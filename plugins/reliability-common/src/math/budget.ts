/**
 * Pure error-budget math. No I/O and no dependencies: every function takes plain numbers (times
 * in epoch milliseconds UTC, durations in milliseconds, ratios as fractions) and returns plain
 * numbers, or `undefined` for "no data". Nothing here ever returns NaN or ±Infinity.
 */

const MINUTE_MS = 60_000;

/**
 * The error budget as a fraction of events (or of time): everything the target allows to fail.
 * 99.9 % → 0.001. Targets must be in (0, 1); 1 would leave no budget at all.
 */
export function errorBudgetFraction(target: number): number {
  if (!(target > 0 && target < 1)) {
    throw new RangeError(`target must be in (0, 1), got ${target}`);
  }
  // 1 - target in decimal arithmetic: 1 - 0.999 is 0.0010000000000000009 in binary floating point.
  return roundToPrecision(1 - target);
}

/**
 * The error budget of a time-based SLO, in minutes of full outage over the window:
 * (1 - target) × window. 99.9 % over 30 days = 0.001 × 43 200 min = 43.2 min.
 */
export function errorBudgetMinutes(target: number, windowMs: number): number {
  return roundToPrecision(errorBudgetFraction(target) * (windowMs / MINUTE_MS));
}

/**
 * The error budget of a request-based SLO, in events: (1 - target) × total events.
 * No events means no data, not a budget of zero.
 */
export function errorBudgetEvents(
  target: number,
  totalEvents: number,
): number | undefined {
  if (!(totalEvents > 0)) return undefined;
  return roundToPrecision(errorBudgetFraction(target) * totalEvents);
}

/**
 * The SLI: the share of good events, good / total, request-weighted over the window (never an
 * average of ratios). Zero total events is "no data" (undefined), neither 100 % nor 0 %.
 */
export function sliFromCounts(good: number, total: number): number | undefined {
  if (!(total > 0) || !Number.isFinite(good)) return undefined;
  return clamp(good / total, 0, 1);
}

/**
 * Remaining error budget as a fraction of the whole budget: 1 - (1 - SLI) / (1 - target).
 * 1 = untouched, 0 = exactly spent, negative = overspent (e.g. -0.389 = 138.9 % consumed).
 */
export function remainingBudget(
  sli: number | undefined,
  target: number,
): number | undefined {
  if (sli === undefined) return undefined;
  return roundToPrecision(1 - (1 - sli) / errorBudgetFraction(target));
}

/** Budget consumed as a fraction of the whole budget: 1 - remaining (above 1 when overspent). */
export function consumedBudget(
  remaining: number | undefined,
): number | undefined {
  return remaining === undefined ? undefined : roundToPrecision(1 - remaining);
}

/** Whether the budget is overspent (remaining below zero). */
export function isOverspent(remaining: number | undefined): boolean {
  return remaining !== undefined && remaining < 0;
}

/**
 * Burn rate: how fast the budget is spent relative to spending it exactly over the window.
 * observed error ratio / (1 - target). 1 = the budget lasts exactly the window; 14.4 over 1 h on a
 * 30-day SLO spends 2 % of the budget in that hour. No traffic → undefined.
 */
export function burnRate(
  errorRatio: number | undefined,
  target: number,
): number | undefined {
  if (errorRatio === undefined || !Number.isFinite(errorRatio))
    return undefined;
  return roundToPrecision(errorRatio / errorBudgetFraction(target));
}

/**
 * Share of the whole budget a burn rate spends over a lookback window:
 * burn rate × lookback / SLO window. 14.4 × 1 h / 30 d = 0.02 (2 %).
 */
export function budgetSpentByBurn(
  rate: number,
  lookbackMs: number,
  sloWindowMs: number,
): number {
  return roundToPrecision((rate * lookbackMs) / sloWindowMs);
}

/**
 * The burn rate that spends `budgetShare` of the budget over `lookbackMs` of an SLO window:
 * share × SLO window / lookback. Inverse of budgetSpentByBurn; how alert thresholds are scaled
 * for windows other than 30 days (2 % over 1 h of 30 d → 14.4; of 28 d → 13.44).
 */
export function burnRateForBudgetShare(
  budgetShare: number,
  lookbackMs: number,
  sloWindowMs: number,
): number {
  return roundToPrecision((budgetShare * sloWindowMs) / lookbackMs);
}

/**
 * When the remaining budget runs out if it keeps burning at `rate`:
 * now + remaining × SLO window / rate. Undefined when nothing burns, there is no data, or the
 * budget is already spent (exhaustion is then in the past: see isOverspent).
 */
export function projectedExhaustion(
  remaining: number | undefined,
  rate: number | undefined,
  sloWindowMs: number,
  nowMs: number,
): number | undefined {
  if (
    remaining === undefined ||
    rate === undefined ||
    !(rate > 0) ||
    remaining <= 0
  )
    return undefined;
  return Math.round(nowMs + (remaining * sloWindowMs) / rate);
}

/**
 * Rounds away binary floating-point noise (to 12 decimal places, and -0 to 0) so that golden
 * values compare exactly: 1 - 0.999 is 0.0010000000000000009 before rounding.
 */
export function roundToPrecision(value: number): number {
  return Number(value.toFixed(12)) + 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
