/** Error-budget policy states, from the reference error-budget policy. */
export type PolicyState = 'green' | 'yellow' | 'red' | 'nodata';

/** One state of an error-budget policy with what it prescribes. */
export interface PolicyLevel {
  /** Lowest remaining budget (fraction) at which this state applies. */
  minRemaining: number;
  /** Deploys allowed per day in this state (0 = freeze except emergencies). */
  maxDeploysPerDay: number;
  /** Whether a deploy gate lets ordinary deploys through. */
  deployAllowed: boolean;
  riskLevel: 'low' | 'medium' | 'high';
  summary: string;
  actions: string[];
}

/** An error-budget policy: the three states and the notification thresholds. */
export interface ErrorBudgetPolicy {
  green: PolicyLevel;
  yellow: PolicyLevel;
  red: PolicyLevel;
  /** Remaining budget (fraction) at or below which a warning is raised. */
  warningAt: number;
  /** Remaining budget (fraction) at or below which a critical notification is raised. */
  criticalAt: number;
}

/**
 * The default policy (reference: sre-implementation-guide): green ≥ 50 % remaining, yellow
 * 10–50 %, red < 10 %; warning at 25 %, critical at 10 %.
 */
export const DEFAULT_ERROR_BUDGET_POLICY: ErrorBudgetPolicy = {
  green: {
    minRemaining: 0.5,
    maxDeploysPerDay: 2,
    deployAllowed: true,
    riskLevel: 'low',
    summary: 'Normal operations: proceed with deployment',
    actions: [
      'Normal feature development',
      '2 deployments per day allowed',
      'Experimental features permitted',
    ],
  },
  yellow: {
    minRemaining: 0.1,
    maxDeploysPerDay: 1,
    deployAllowed: true,
    riskLevel: 'medium',
    summary: 'Increased caution: staging validation required',
    actions: [
      'Increased caution on deployments',
      '1 deployment per day allowed',
      'Require staging validation',
      'No experimental features',
    ],
  },
  red: {
    minRemaining: Number.NEGATIVE_INFINITY,
    maxDeploysPerDay: 0,
    deployAllowed: false,
    riskLevel: 'high',
    summary: 'Feature freeze: emergency fixes only',
    actions: [
      'Feature freeze',
      'Emergency fixes only',
      'Focus on reliability improvements',
      'Incident review required',
      'Rollback recent changes',
    ],
  },
  warningAt: 0.25,
  criticalAt: 0.1,
};

/** The policy state for a remaining budget: green ≥ green.min, yellow ≥ yellow.min, else red. */
export function policyState(
  remaining: number | undefined,
  policy: ErrorBudgetPolicy,
): PolicyState {
  if (remaining === undefined) return 'nodata';
  if (remaining >= policy.green.minRemaining) return 'green';
  if (remaining >= policy.yellow.minRemaining) return 'yellow';
  return 'red';
}

/** The notification level a remaining budget has crossed, if any. */
export function budgetAlertLevel(
  remaining: number | undefined,
  policy: ErrorBudgetPolicy,
): 'critical' | 'warning' | undefined {
  if (remaining === undefined) return undefined;
  if (remaining <= policy.criticalAt) return 'critical';
  if (remaining <= policy.warningAt) return 'warning';
  return undefined;
}

/** The worst of several states (red > yellow > green > no data): an entity is as bad as its worst SLO. */
export function worstPolicyState(states: PolicyState[]): PolicyState {
  for (const state of ['red', 'yellow', 'green'] as const) {
    if (states.includes(state)) return state;
  }
  return 'nodata';
}
