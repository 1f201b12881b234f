import { burnRateAlerts } from '../math/burnRateAlerts';
import { SloFigures } from '../status';

/**
 * The weekly review's question for a service: is it burning its error budget fast, slowly, or on
 * track? `no_data` when none of its SLOs has been measured.
 */
export type BudgetStatus =
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
};

function rateOver(figures: SloFigures, windowMs: number): number | undefined {
  return figures.burnRates.find(b => b.windowMs === windowMs)?.rate;
}

/**
 * The budget status of one SLO, from the multiwindow burn-rate alerts of its window (Google SRE
 * Workbook, ch. 5; thresholds in `burnRateAlerts`):
 * - `burning_fast`: a page-level alert condition holds, i.e. both its long and short windows burn
 *   at or above the threshold (for 30 days: 14.4× over 1 h and 5 m, or 6× over 6 h and 30 m;
 *   2 % or 5 % of the whole budget spent in that hour or six hours);
 * - `burning_slow`: a ticket-level condition holds (3× over 1 d and 2 h, or 1× over 3 d and 6 h:
 *   on course to spend the budget before the window ends);
 * - `on_track`: neither; `no_data` without figures or without traffic in the windows.
 */
export function sloBudgetStatus(figures: SloFigures | undefined): BudgetStatus {
  if (!figures || figures.sli === undefined) return 'no_data';
  const alerts = burnRateAlerts(figures.windowEnd - figures.windowStart);
  const firing = alerts.filter(alert => {
    const long = rateOver(figures, alert.longWindowMs);
    const short = rateOver(figures, alert.shortWindowMs);
    return (
      long !== undefined &&
      short !== undefined &&
      long >= alert.burnRate &&
      short >= alert.burnRate
    );
  });
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
