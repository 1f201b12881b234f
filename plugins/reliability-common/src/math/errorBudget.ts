import {
  errorBudgetFraction,
  isOverspent,
  remainingBudget,
  roundToPrecision,
} from './budget';
import type { BudgetingMethod } from '../slo';

const MINUTE_MS = 60_000;

/** Total, consumed and left of a budget in one unit; left is negative when overspent. */
export interface BudgetAmounts {
  total: number;
  consumed: number;
  remaining: number;
}

/**
 * An SLO's error budget over its window: one definition for every view (card, scorecard, weekly
 * review, deploy gate, API), so that the amounts and the fraction can never contradict each other.
 */
export interface ErrorBudget {
  /** The budget's own unit: `events` for Occurrences, `minutes` for the time-slice methods. */
  unit: 'events' | 'minutes';
  /** Whole budget, consumed and left in `unit`; undefined without data. */
  total?: number;
  consumed?: number;
  remaining?: number;
  /** Left as a fraction of the whole budget: 1 − (1 − SLI) / (1 − target); negative when overspent. */
  remainingFraction?: number;
  overspent: boolean;
  /**
   * The budget as minutes of full outage over the window, for every method: total = (1 − target)
   * × window, consumed = (1 − SLI) × window. For Occurrences this is the time equivalent of the
   * events (a 99.9 % 28-day SLO allows 40.32 minutes); for time slices it is the budget itself.
   */
  outageMinutes?: BudgetAmounts;
}

/** What a budget is computed from: the SLI over the window and what failed in it. */
export interface ErrorBudgetInput {
  method: BudgetingMethod;
  target: number;
  /** Length of the window measured, in ms (rolling: its duration; calendar: start to now). */
  windowMs: number;
  /** The SLI over the window; undefined = no data. */
  sli: number | undefined;
  /**
   * What failed, counted as the SLI was: bad events of all events (Occurrences), bad slices of
   * the slices with data (Timeslices), or 1 − the average slice ratio of 1 (RatioTimeslices).
   */
  failed?: { bad: number; of: number };
}

/** A budget's amounts in a unit of which the whole window holds `windowUnits`. */
function amounts(
  failedShare: { bad: number; of: number },
  target: number,
  windowUnits: number,
): BudgetAmounts {
  const total = roundToPrecision(errorBudgetFraction(target) * windowUnits);
  const bad = Math.min(Math.max(failedShare.bad, 0), failedShare.of);
  const consumed = roundToPrecision((bad * windowUnits) / failedShare.of);
  return { total, consumed, remaining: roundToPrecision(total - consumed) };
}

/**
 * The error budget of an SLO, from one formula for every budgeting method: consumed ÷ total is
 * always 1 − remainingFraction, in the SLO's own unit and in minutes of full outage.
 * - Occurrences: events; total = (1 − target) × events, consumed = the bad events.
 * - Timeslices: minutes; consumed = the share of bad slices (among slices with data) × window, so
 *   slices without data neither count against the budget nor shrink it.
 * - RatioTimeslices: minutes; consumed = (1 − the average slice ratio) × window: a slice at 50 %
 *   spends half its length, not all of it.
 */
export function errorBudget(input: ErrorBudgetInput): ErrorBudget {
  const { method, target, windowMs, sli, failed } = input;
  const unit = method === 'Occurrences' ? 'events' : 'minutes';
  const remainingFraction = remainingBudget(sli, target);
  const overspent = isOverspent(remainingFraction);
  if (sli === undefined || !failed || !(failed.of > 0))
    return { unit, overspent };
  const outageMinutes = amounts(failed, target, windowMs / MINUTE_MS);
  const own =
    unit === 'minutes' ? outageMinutes : amounts(failed, target, failed.of);
  return { unit, ...own, remainingFraction, overspent, outageMinutes };
}
