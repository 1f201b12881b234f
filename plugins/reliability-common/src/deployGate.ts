import {
  ErrorBudgetPolicy,
  PolicyState,
  worstPolicyState,
} from './math/policy';
import { DefinitionProblem, formatProblem } from './problems';
import { SloStatus } from './status';
import { Freshness, sloFreshness, worstFreshness } from './freshness';

/** What the gate does when it cannot measure an SLO: let the deploy through, or refuse it. */
export type UnmeasurableChoice = 'allow' | 'refuse';

/** Why an SLO cannot be measured. */
export type UnmeasurableCause =
  /** Its definition is invalid or its file cannot be read. */
  | 'definition'
  /** The metric source failed at the last evaluation (figures, if any, are older). */
  | 'source'
  /** The window had no traffic: no events, so no SLI. */
  | 'no-traffic'
  /** Not evaluated yet. */
  | 'pending'
  /** The figures are older than two evaluation intervals: an evaluation was missed. */
  | 'stale';

/** How the gate treats SLOs it cannot measure, for one entity (resolved from its tier). */
export interface DeployGateRules {
  /** An SLO whose definition is invalid or unreadable. Default `refuse`. */
  onDefinitionProblem: UnmeasurableChoice;
  /** A metric source outage, no traffic, or no evaluation yet. Default `allow` (with a warning). */
  onUnmeasurable: UnmeasurableChoice;
}

export const DEFAULT_DEPLOY_GATE_RULES: DeployGateRules = {
  onDefinitionProblem: 'refuse',
  onUnmeasurable: 'allow',
};

/** One thing the gate could not measure, and what it did about it. */
export interface DeployGateUnmeasurable {
  /** The SLO, or undefined for a problem that may hide SLOs (an unreadable file). */
  slo?: string;
  cause: UnmeasurableCause;
  /** What went wrong, e.g. `slo/a.yaml:3 spec.objectives[0].target: must be < 1`. */
  detail: string;
  choice: UnmeasurableChoice;
}

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
  /** What could not be measured, why, and whether it refused or allowed the deploy. */
  unmeasurable: DeployGateUnmeasurable[];
  /** Things that did not block the deploy but should be looked at. */
  warnings: string[];
  /** Oldest measurement the decision rests on, epoch ms. */
  evaluatedAt?: number;
  /**
   * How current the figures it decided on are: their oldest measurement, its age, and whether
   * any is stale (a failed evaluation, or older than two evaluation intervals).
   */
  freshness: Freshness;
  override?: {
    reason: string;
    createdBy: string;
    createdAt: number;
    expiresAt: number;
  };
}

/** An emergency override of the deploy gate, as the override history serves it. */
export interface DeployGateOverride {
  id: number;
  /** Why the gate was overridden. */
  reason: string;
  /** User entity ref of who overrode it. */
  createdBy: string;
  /** Epoch ms. */
  createdAt: number;
  /** Until when it lets deploys through, epoch ms. */
  expiresAt: number;
  /** In force when the history was served (created, not yet expired). */
  active: boolean;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** The SLOs the stored statuses cannot vouch for, and why. */
function unmeasurableSlos(
  statuses: SloStatus[],
  choice: UnmeasurableChoice,
  current: (status: SloStatus) => Freshness,
): DeployGateUnmeasurable[] {
  const found: DeployGateUnmeasurable[] = [];
  for (const status of statuses) {
    const slo = status.sloName;
    const fresh = current(status);
    if (status.state === 'pending') {
      found.push({
        slo,
        cause: 'pending',
        detail: 'not evaluated yet',
        choice,
      });
    } else if (status.state === 'degraded') {
      found.push({
        slo,
        cause: 'source',
        detail: `the last evaluation failed: ${
          status.error ?? 'unknown error'
        }`,
        choice,
      });
    } else if (fresh.staleBecause === 'old') {
      found.push({
        slo,
        cause: 'stale',
        detail: `figures measured ${ageText(
          fresh.ageMs!,
        )} ago, older than two evaluation intervals`,
        choice,
      });
    } else if (status.figures && status.figures.sli === undefined) {
      found.push({
        slo,
        cause: 'no-traffic',
        detail: 'no events in the window',
        choice,
      });
    }
  }
  return found;
}

/** Problems that leave SLOs out or unknown, as unmeasurable entries. */
function definitionEntries(
  problems: DefinitionProblem[],
  choice: UnmeasurableChoice,
): DeployGateUnmeasurable[] {
  return problems
    .filter(p => p.unreadable || p.sloDefinition)
    .map(problem => ({
      cause: 'definition' as const,
      detail: formatProblem(problem),
      choice,
    }));
}

/** An age in words: `45 s`, `12 min`, `3 h`, `2 d`. */
function ageText(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 2 * 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

function describe(entry: DeployGateUnmeasurable): string {
  const what = entry.slo ? `${entry.slo}: ` : '';
  switch (entry.cause) {
    case 'stale':
      return `${what}${entry.detail}`;
    case 'definition':
      return `SLO definition cannot be measured: ${entry.detail}`;
    case 'source':
      return `${what}metric source unavailable (${entry.detail})`;
    case 'no-traffic':
      return `${what}no traffic in the window`;
    default:
      return entry.slo ? `${what}not evaluated yet` : entry.detail;
  }
}

/** Why a deploy is allowed with care when no SLO has data. */
function noDataReason(hasSlos: boolean, definitionsPending: boolean): string {
  if (hasSlos) return 'No SLO has data yet: deploy with care';
  if (definitionsPending)
    return 'SLO definitions not read yet: deploy with care';
  return 'No SLOs are defined: deploy with care';
}

/** Input of {@link decideDeployGate} beyond the statuses. */
export interface DeployGateInput {
  entityRef: string;
  statuses: SloStatus[];
  policy: ErrorBudgetPolicy;
  override?: DeployGateDecision['override'];
  /** Problems of the entity's definitions (only those that cost SLOs count). */
  problems?: DefinitionProblem[];
  /**
   * The entity's definitions have not been read yet: its SLOs are unknown, which counts as one
   * unmeasurable entry (cause `pending`) under `rules.onUnmeasurable`.
   */
  definitionsPending?: boolean;
  rules?: DeployGateRules;
  /** The moment of the decision, epoch ms (default: now). */
  now?: number;
  /** How often SLOs are evaluated (default 5 minutes): older figures than two intervals are stale. */
  evaluationIntervalMs?: number;
}

/**
 * Decides from the stored SLO statuses and the entity's error-budget policy. The entity is as
 * bad as its worst SLO; red blocks ordinary deploys unless an emergency override is in force.
 * An SLO that cannot be measured because of its definition refuses by default (a stale or
 * missing definition must not answer); one that cannot be measured because of its source or
 * traffic follows `rules.onUnmeasurable` (default: allow, with a warning). Every such choice and
 * its reason is in `unmeasurable` and in the reason text.
 */
export function decideDeployGate(input: DeployGateInput): DeployGateDecision {
  const { entityRef, statuses, policy, override } = input;
  const rules = input.rules ?? DEFAULT_DEPLOY_GATE_RULES;
  const now = input.now ?? Date.now();
  const current = (status: SloStatus) =>
    sloFreshness(status, now, input.evaluationIntervalMs ?? 5 * 60_000);
  const slos: DeployGateSlo[] = statuses.map(status => ({
    slo: status.sloName,
    policyState: status.figures?.policyState ?? 'nodata',
    remainingFraction: status.figures?.budget.remainingFraction,
    remaining: status.figures?.budget.remaining,
    unit: status.figures?.budget.unit,
    degraded: status.state === 'degraded',
    evaluatedAt: status.figures?.measuredAt,
  }));
  const unmeasurable = [
    ...(input.definitionsPending
      ? [
          {
            cause: 'pending' as const,
            detail: 'SLO definitions not read yet',
            choice: rules.onUnmeasurable,
          },
        ]
      : []),
    ...definitionEntries(input.problems ?? [], rules.onDefinitionProblem),
    ...unmeasurableSlos(statuses, rules.onUnmeasurable, current),
  ];
  const refusing = unmeasurable.filter(u => u.choice === 'refuse');
  const warnings = unmeasurable
    .filter(u => u.choice === 'allow')
    .map(u => `Allowed although ${describe(u)}`);
  const state = worstPolicyState(slos.map(s => s.policyState));
  const measured = slos
    .filter(s => s.evaluatedAt !== undefined)
    .map(s => s.evaluatedAt!);
  const evaluatedAt = measured.length ? Math.min(...measured) : undefined;
  const common = {
    entityRef,
    slos,
    unmeasurable,
    warnings,
    evaluatedAt,
    freshness: worstFreshness(statuses.map(current)),
    override,
  };

  if (refusing.length > 0) {
    const why = `${describe(refusing[0])}${
      refusing.length > 1 ? ` (and ${refusing.length - 1} more)` : ''
    }`;
    return {
      ...common,
      allowed: Boolean(override),
      riskLevel: 'high',
      policyState: state,
      reason: override
        ? `Emergency override by ${override.createdBy}: ${override.reason} (${why})`
        : `Refused: ${why}`,
      actions: [
        'Fix the SLO definition or restore measurement, then ask again',
      ],
    };
  }
  if (state === 'nodata') {
    return {
      ...common,
      allowed: true,
      riskLevel: 'medium',
      policyState: state,
      reason: noDataReason(slos.length > 0, Boolean(input.definitionsPending)),
      actions: [],
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
  // Allowed although something could not be measured: not a low-risk answer.
  const riskLevel =
    warnings.length && level.riskLevel === 'low' ? 'medium' : level.riskLevel;
  return {
    ...common,
    allowed: level.deployAllowed || Boolean(override),
    riskLevel,
    policyState: state,
    reason,
    actions: level.actions,
    maxDeploysPerDay: level.maxDeploysPerDay,
  };
}
