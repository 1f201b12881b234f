import { firingBurnRateAlerts } from '../math/burnRateAlerts';
import { SloFigures } from '../status';

/**
 * The weekly review's question for a service: has it spent its error budget, is it burning it
 * fast, slowly, or on track? `no_data` when none of its SLOs has been measured.
 */
export type BudgetStatus =
  | 'out_of_budget'
  | 'burning_fast'
  | 'burning_slow'
  | 'on_track'
  | 'no_data';

/** How bad each budget status is: higher is worse (sorts agendas, picks a service's status). */
export const BUDGET_STATUS_SEVERITY: Readonly<Record<BudgetStatus, number>> = {
  no_data: 0,
  on_track: 1,
  burning_slow: 2,
  burning_fast: 3,
  out_of_budget: 4,
};

/** Every budget status, worst first, e.g. for filters. */
export const BUDGET_STATUSES: ReadonlyArray<BudgetStatus> = [
  'out_of_budget',
  'burning_fast',
  'burning_slow',
  'on_track',
  'no_data',
];

/** How each budget status reads in the portal, the exports and notifications. */
export const BUDGET_STATUS_LABELS: Readonly<Record<BudgetStatus, string>> = {
  out_of_budget: 'Out of budget',
  burning_fast: 'Burning fast',
  burning_slow: 'Burning slow',
  on_track: 'On track',
  no_data: 'No data',
};

/**
 * The budget status of one SLO:
 * - `out_of_budget`: the budget of the window is spent (remaining below zero), whatever burns now;
 * - `burning_fast`: a page-level burn-rate alert fires, i.e. both its long and short windows burn
 *   above the threshold, as the exported Prometheus rules compare (for 30 days: 14.4× over 1 h
 *   and 5 m, or 6× over 6 h and 30 m; 2 % or 5 % of the whole budget spent in that hour or six
 *   hours; Google SRE Workbook, ch. 5, thresholds in `burnRateAlerts`);
 * - `burning_slow`: a ticket-level alert fires (3× over 1 d and 2 h, or 1× over 3 d and 6 h: on
 *   course to spend the budget before the window ends);
 * - `on_track`: neither; `no_data` without figures or without traffic in the window.
 */
export function sloBudgetStatus(figures: SloFigures | undefined): BudgetStatus {
  if (!figures || figures.sli === undefined) return 'no_data';
  if (figures.budget.overspent) return 'out_of_budget';
  const firing = firingBurnRateAlerts(
    figures.burnRates,
    figures.windowEnd - figures.windowStart,
  );
  if (firing.some(alert => alert.severity === 'page')) return 'burning_fast';
  if (firing.length > 0) return 'burning_slow';
  return 'on_track';
}

/** A service's status is its worst SLO's. */
export function worstBudgetStatus(statuses: BudgetStatus[]): BudgetStatus {
  return statuses.reduce<BudgetStatus>(
    (worst, status) =>
      BUDGET_STATUS_SEVERITY[status] > BUDGET_STATUS_SEVERITY[worst]
        ? status
        : worst,
    'no_data',
  );
}
