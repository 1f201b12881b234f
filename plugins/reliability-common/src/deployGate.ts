import {
  ErrorBudgetPolicy,
  PolicyState,
  worstPolicyState,
} from './math/policy';
import { SloStatus } from './status';

/** What the deploy gate tells CI about one SLO. */
export interface DeployGateSlo {
  slo: string;
  policyState: PolicyState;
  /** Remaining budget as a fraction of the whole (negative when overspent). */
  remainingFraction?: number;
  remaining?: number;
  unit?: 'events' | 'minutes';
  /** True when the last evaluation failed and the figures are the last good ones. */
  degraded: boolean;
  evaluatedAt?: number;
}

/** The deploy gate's answer: may this entity deploy now, and why. */
export interface DeployGateDecision {
  entityRef: string;
  allowed: boolean;
  riskLevel: 'low' | 'medium' | 'high';
  policyState: PolicyState;
  reason: string;
  actions: string[];
  maxDeploysPerDay?: number;
  slos: DeployGateSlo[];
  /** Oldest measurement the decision rests on, epoch ms. */
  evaluatedAt?: number;
  override?: {
    reason: string;
    createdBy: string;
    createdAt: number;
    expiresAt: number;
  };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/**
 * Decides from the stored SLO statuses and the entity's error-budget policy. The entity is as
 * bad as its worst SLO; red blocks ordinary deploys unless an emergency override is in force.
 * Without any measured SLO the gate lets deploys through at medium risk and says so.
 */
export function decideDeployGate(
  entityRef: string,
  statuses: SloStatus[],
  policy: ErrorBudgetPolicy,
  override?: DeployGateDecision['override'],
): DeployGateDecision {
  const slos: DeployGateSlo[] = statuses.map(status => ({
    slo: status.sloName,
    policyState: status.figures?.policyState ?? 'nodata',
    remainingFraction: status.figures?.budget.remainingFraction,
    remaining: status.figures?.budget.remaining,
    unit: status.figures?.budget.unit,
    degraded: status.state === 'degraded',
    evaluatedAt: status.figures?.measuredAt,
  }));
  const state = worstPolicyState(slos.map(s => s.policyState));
  const measured = slos
    .filter(s => s.evaluatedAt !== undefined)
    .map(s => s.evaluatedAt!);
  const evaluatedAt = measured.length ? Math.min(...measured) : undefined;
  if (state === 'nodata') {
    return {
      entityRef,
      allowed: true,
      riskLevel: 'medium',
      policyState: state,
      reason: slos.length
        ? 'No SLO has data yet: deploy with care'
        : 'No SLOs are defined: deploy with care',
      actions: [],
      slos,
      evaluatedAt,
      override,
    };
  }
  const level = policy[state];
  const worst = slos
    .filter(s => s.remainingFraction !== undefined)
    .sort((a, b) => a.remainingFraction! - b.remainingFraction!)[0];
  const budgetText = `${worst.slo} has ${percent(
    worst.remainingFraction!,
  )} of its error budget left`;
  const reason =
    override && !level.deployAllowed
      ? `Emergency override by ${override.createdBy}: ${override.reason} (${budgetText})`
      : `${level.summary} (${budgetText})`;
  return {
    entityRef,
    allowed: level.deployAllowed || Boolean(override),
    riskLevel: level.riskLevel,
    policyState: state,
    reason,
    actions: level.actions,
    maxDeploysPerDay: level.maxDeploysPerDay,
    slos,
    evaluatedAt,
    override,
  };
}
