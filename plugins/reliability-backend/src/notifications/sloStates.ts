import {
  ErrorBudgetPolicy,
  PolicyState,
  SloFigures,
  budgetAlertLevel,
  firingBurnRateAlerts,
} from '@reliability-suite/plugin-reliability-common';

/** How much budget an SLO has left, by the policy's notification levels. */
export type BudgetLevel = 'ok' | 'warning' | 'critical' | 'out_of_budget';

/** An SLO's budget state for notifications: its policy state and budget level. */
export interface BudgetState {
  policy: Exclude<PolicyState, 'nodata'>;
  level: BudgetLevel;
}

/** The state assumed for an SLO never notified: nothing to tell while it is fine. */
export const BASELINE_BUDGET: BudgetState = { policy: 'green', level: 'ok' };

const POLICY_RANK = { green: 0, yellow: 1, red: 2 } as const;
const LEVEL_RANK = {
  ok: 0,
  warning: 1,
  critical: 2,
  out_of_budget: 3,
} as const;

/** The budget state of measured figures; undefined without a measured budget (kept as it was). */
export function budgetState(
  figures: SloFigures | undefined,
  policy: ErrorBudgetPolicy,
): BudgetState | undefined {
  const remaining = figures?.budget.remainingFraction;
  if (!figures || remaining === undefined || figures.policyState === 'nodata')
    return undefined;
  const level: BudgetLevel = figures.budget.overspent
    ? 'out_of_budget'
    : budgetAlertLevel(remaining, policy) ?? 'ok';
  return { policy: figures.policyState, level };
}

/** As stored: `red/critical`. */
export function budgetStateString(state: BudgetState): string {
  return `${state.policy}/${state.level}`;
}

/** From the stored form; the baseline for anything else. */
export function parseBudgetState(value: string | undefined): BudgetState {
  const [policy, level] = (value ?? '').split('/');
  if (policy in POLICY_RANK && level in LEVEL_RANK)
    return { policy, level } as BudgetState;
  return BASELINE_BUDGET;
}

/** Whether `next` is worse than `previous` (the policy state first, then the level). */
export function budgetWorsened(previous: BudgetState, next: BudgetState) {
  const policy = POLICY_RANK[next.policy] - POLICY_RANK[previous.policy];
  if (policy !== 0) return policy > 0;
  return LEVEL_RANK[next.level] > LEVEL_RANK[previous.level];
}

/** The page-level burn-rate alert that fires on these figures, if any (one definition: reliability-common). */
export function fastBurn(figures: SloFigures) {
  return firingBurnRateAlerts(
    figures.burnRates,
    figures.windowEnd - figures.windowStart,
  ).find(alert => alert.severity === 'page');
}

/** `fast` while a page-level burn-rate alert fires, else `calm`; undefined without figures. */
export function burnState(
  figures: SloFigures | undefined,
): 'fast' | 'calm' | undefined {
  if (!figures || figures.sli === undefined) return undefined;
  return fastBurn(figures) ? 'fast' : 'calm';
}
