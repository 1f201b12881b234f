import { ReliabilityProfile, usableLinks } from '../profile/types';
import { SloStatus } from '../status';
import { SloAlertAudit, describeAlertAudit } from '../rules/auditRules';

/** What the automatic items are checked against: all of it read from the catalog and stores. */
export interface AutomaticCheckContext {
  profile: ReliabilityProfile;
  sloStatuses: SloStatus[];
  /** SLOs for which burn-rate alerting rules can be generated. */
  alertableSlos: string[];
  /**
   * What the alert audit found deployed for the entity's SLOs (`auditSloRules`); without it the
   * item checks only that rules could be generated.
   */
  alertAudits?: SloAlertAudit[];
  /** The components this entity depends on, with their tiers. */
  dependencies: Array<{ entityRef: string; tierLevel?: number }>;
}

/** An automatic item's result and why. */
export interface CheckResult {
  itemId: string;
  passed: boolean;
  reason: string;
  /**
   * The item cannot be checked yet (the entity's definitions have not been read, or its SLOs not
   * measured for the first time): neither passing nor failing. `passed` is then false.
   */
  pending?: true;
}

type Check = (context: AutomaticCheckContext) => {
  passed: boolean;
  reason: string;
  pending?: boolean;
};

/** What an SLO item answers while the entity's definitions have not been read yet. */
export const DEFINITIONS_PENDING_REASON =
  'Pending: the SLO definitions of this entity have not been read yet';

const definitionsPending = {
  passed: false,
  pending: true,
  reason: DEFINITIONS_PENDING_REASON,
} as const;

const missingOf = (context: AutomaticCheckContext, requirement: string) =>
  context.profile.missing
    .filter(m => m.requirement === requirement)
    .map(m => m.message);

/** Why an SLO has no figure to check: not evaluated yet, evaluation failing, or no data. */
function whyUnmeasured(status: SloStatus | undefined): string {
  if (!status || status.state === 'pending') return 'not evaluated';
  if (status.state === 'degraded')
    return `evaluation failing: ${status.error ?? 'no reason given'}`;
  return 'no data';
}

/**
 * The alerts item from what is deployed: each SLO's burn-rate rules as its metric source has
 * loaded them, naming what is missing or out of date.
 */
function deployedAlerts(
  profile: ReliabilityProfile,
  audits: SloAlertAudit[],
): { passed: boolean; reason: string } {
  const problems = profile.slos.flatMap(slo => {
    const audit = audits.find(a => a.sloName === slo.name);
    if (!audit) return [`${slo.name}: not audited yet`];
    return audit.status === 'deployed'
      ? []
      : [`${slo.name}: ${describeAlertAudit(audit)}`];
  });
  return problems.length
    ? { passed: false, reason: problems.join('; ') }
    : {
        passed: true,
        reason: `Burn-rate alerts deployed for all ${profile.slos.length} SLO(s)`,
      };
}

/** The built-in automatic checks by item id. Organisations add theirs through the extension point. */
export const BUILT_IN_CHECKS: Record<string, Check> = {
  ownership: ({ profile }) =>
    profile.owner
      ? { passed: true, reason: `Owned by ${profile.owner}` }
      : { passed: false, reason: 'No owner in the catalog' },
  'on-call': ({ profile }) =>
    profile.onCall
      ? { passed: true, reason: `Pages ${profile.onCall.label}` }
      : {
          passed: false,
          reason: 'No paging route on the entity or its owner group',
        },
  'slos-defined': ({ profile }) => {
    if (profile.pending) return definitionsPending;
    if (profile.slos.length > 0)
      return { passed: true, reason: `${profile.slos.length} SLO(s) defined` };
    return {
      passed: false,
      reason: profile.problems.length
        ? `No valid SLO (${profile.problems.length} definition problems)`
        : 'No SLO defined',
    };
  },
  'slos-measurable': ({ profile, sloStatuses }) => {
    if (profile.pending) return definitionsPending;
    if (profile.slos.length === 0)
      return { passed: false, reason: 'No SLO to measure' };
    const unmeasured = profile.slos
      .map(slo => ({
        slo,
        status: sloStatuses.find(s => s.sloName === slo.name),
      }))
      .filter(
        ({ status }) =>
          !status || status.state !== 'ok' || status.figures?.sli === undefined,
      );
    const notEvaluated = unmeasured.filter(
      ({ status }) => !status || status.state === 'pending',
    );
    if (unmeasured.length && notEvaluated.length === unmeasured.length) {
      return {
        passed: false,
        pending: true,
        reason: `Pending: not measured yet: ${notEvaluated
          .map(({ slo }) => slo.name)
          .join(', ')} (measured in the next evaluation cycle)`,
      };
    }
    const reasons = unmeasured.map(
      ({ slo, status }) => `${slo.name} (${whyUnmeasured(status)})`,
    );
    return reasons.length
      ? { passed: false, reason: `Not measurable: ${reasons.join(', ')}` }
      : { passed: true, reason: `All ${profile.slos.length} SLO(s) have data` };
  },
  dashboards: ({ profile }) => {
    const linked = usableLinks(profile.dashboards).length;
    return linked
      ? { passed: true, reason: `${linked} dashboard(s) linked` }
      : { passed: false, reason: 'No dashboard linked' };
  },
  alerts: ({ profile, alertableSlos, alertAudits }) => {
    if (profile.pending) return definitionsPending;
    if (profile.slos.length === 0)
      return { passed: false, reason: 'No SLO to alert on' };
    const audited = (alertAudits ?? []).filter(
      audit =>
        audit.status !== 'unknown' &&
        profile.slos.some(slo => slo.name === audit.sloName),
    );
    if (audited.length) return deployedAlerts(profile, audited);
    const without = profile.slos
      .filter(slo => !alertableSlos.includes(slo.name))
      .map(slo => slo.name);
    return without.length
      ? {
          passed: false,
          reason: `No burn-rate rules can be generated for: ${without.join(
            ', ',
          )}`,
        }
      : {
          passed: true,
          reason: `Burn-rate rules for all ${profile.slos.length} SLO(s)`,
        };
  },
  runbooks: context => {
    const linked = usableLinks(context.profile.runbooks);
    if (!linked.length) return { passed: false, reason: 'No runbook linked' };
    const unreviewed = missingOf(context, 'runbooksReviewed');
    if (unreviewed.length)
      return { passed: false, reason: unreviewed.join('; ') };
    const oldest = linked
      .flatMap(link => (link.lastReviewed ? [link.lastReviewed] : []))
      .sort()[0];
    return {
      passed: true,
      reason: `${linked.length} runbook(s) linked${
        oldest ? `, oldest review ${oldest}` : ''
      }`,
    };
  },
  'dr-posture': context => {
    const problems = [
      ...missingOf(context, 'drTargets'),
      ...missingOf(context, 'drTested'),
    ];
    if (problems.length) return { passed: false, reason: problems.join('; ') };
    const { dr } = context.profile;
    if (
      dr.rtoMinutes === undefined ||
      dr.rpoMinutes === undefined ||
      !dr.lastTested
    ) {
      return {
        passed: false,
        reason: 'RTO, RPO and the last DR test must all be set',
      };
    }
    return {
      passed: true,
      reason: `RTO ${dr.rtoMinutes} min, RPO ${dr.rpoMinutes} min, tested ${dr.lastTested}`,
    };
  },
  'dependency-tiers': ({ profile, dependencies }) => {
    const tier = profile.tier?.level;
    if (tier === undefined) return { passed: false, reason: 'No tier set' };
    const weaker = dependencies.filter(
      d => d.tierLevel === undefined || d.tierLevel > tier,
    );
    return weaker.length
      ? {
          passed: false,
          reason: `Depends on lower-tier components: ${weaker
            .map(
              d =>
                `${d.entityRef} (${
                  d.tierLevel === undefined ? 'no tier' : `Tier ${d.tierLevel}`
                })`,
            )
            .join(', ')}`,
        }
      : {
          passed: true,
          reason: dependencies.length
            ? `All ${dependencies.length} dependencies are Tier ${tier} or better`
            : 'No dependencies',
        };
  },
};

/**
 * Runs the checks of the given automatic items; an item without a check fails and says so. A
 * result is pending only when its check says so and it did not pass.
 */
export function runAutomaticChecks(
  itemIds: string[],
  context: AutomaticCheckContext,
  checks: Record<string, Check> = BUILT_IN_CHECKS,
): CheckResult[] {
  return itemIds.map(itemId => {
    const check = checks[itemId];
    if (!check) {
      return {
        itemId,
        passed: false,
        reason: `No check is registered for "${itemId}"`,
      };
    }
    const { passed, reason, pending } = check(context);
    return pending && !passed
      ? { itemId, passed: false, reason, pending: true }
      : { itemId, passed, reason };
  });
}
