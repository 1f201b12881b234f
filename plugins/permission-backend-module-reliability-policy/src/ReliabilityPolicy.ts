import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createReliabilityConditionalDecision,
  reliabilityConditions,
} from '@reliability-suite/plugin-reliability-node';
import {
  RELIABILITY_ENTITY_RESOURCE_TYPE,
  deployGateOverridePermission,
  reviewDecidePermission,
  sloEvaluatePermission,
  waiverApprovePermission,
} from '@reliability-suite/plugin-reliability-common';

/** Who decides what, and the policy for every other plugin's permissions. */
export interface ReliabilityPolicyOptions {
  /** Members approve or block reviews, and may evaluate SLOs and override any deploy gate. */
  reviewersGroup: string;
  /** Members (SRE leads) approve waivers. */
  waiverApproversGroup: string;
  /** Decides permissions that are not the Reliability Suite's; allows them when absent. */
  otherwise?: PermissionPolicy;
}

/** `reliability.permissions` with its defaults. */
export function readReliabilityPolicyGroups(
  config: Config,
): Omit<ReliabilityPolicyOptions, 'otherwise'> {
  const settings = config.getOptionalConfig('reliability.permissions');
  return {
    reviewersGroup:
      settings?.getOptionalString('reviewersGroup') ?? 'group:default/sre',
    waiverApproversGroup:
      settings?.getOptionalString('waiverApproversGroup') ??
      'group:default/sre-leads',
  };
}

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Owners attest, open and submit reviews, evaluate SLOs and override their deploy gate
 * (IS_ENTITY_OWNER, resolved against the entity); the reviewers group approves and blocks (and, as
 * SREs, may evaluate SLOs and override deploy gates); the waiver approvers group waives; nobody
 * else writes. The user's groups are the ownership refs the
 * sign-in resolver put in their token.
 */
export class ReliabilityPolicy implements PermissionPolicy {
  constructor(private readonly options: ReliabilityPolicyOptions) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!isResourcePermission(permission, RELIABILITY_ENTITY_RESOURCE_TYPE)) {
      return this.options.otherwise?.handle(request, user) ?? allow;
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    const isMember = (group: string) => (claims.includes(group) ? allow : deny);
    if (permission.name === waiverApprovePermission.name) {
      return isMember(this.options.waiverApproversGroup);
    }
    if (permission.name === reviewDecidePermission.name) {
      return isMember(this.options.reviewersGroup);
    }
    const operational = [
      sloEvaluatePermission.name,
      deployGateOverridePermission.name,
    ].includes(permission.name);
    if (operational && claims.includes(this.options.reviewersGroup)) {
      return allow;
    }
    return createReliabilityConditionalDecision(
      permission,
      reliabilityConditions.isEntityOwner({ claims }),
    );
  }
}
