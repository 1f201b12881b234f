import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  deployGateOverridePermission,
  readinessAttestPermission,
  reviewCreatePermission,
  reviewDecidePermission,
  sloEvaluatePermission,
  waiverApprovePermission,
} from '@reliability-suite/plugin-reliability-common';

/** One of the Reliability Suite's permissions: each is about one catalog entity. */
export type ReliabilityPermission = typeof readinessAttestPermission;

/**
 * Who may take each action under the suite's permission policy, as a viewer who may not is told.
 * The backend decides; this only explains a refusal before the form is filled.
 */
const WHO_MAY: Record<string, string> = {
  [readinessAttestPermission.name]:
    'Only owners of this entity may attest items',
  [waiverApprovePermission.name]: 'Only SRE leads may waive items',
  [reviewCreatePermission.name]:
    'Only owners of this entity may open, submit or reopen a launch review',
  [reviewDecidePermission.name]:
    'Only launch reviewers may approve or block a launch review',
  [deployGateOverridePermission.name]:
    'Only owners of this entity and SREs may override the deploy gate',
  [sloEvaluatePermission.name]:
    'Only owners of this entity and SREs may evaluate its SLOs now',
};

/** Whether the viewer may take an action on the entity of this page, and if not, why. */
export interface EntityPermission {
  allowed: boolean;
  /** Why the action is not available (still checking, refused, or the check failed). */
  deniedReason?: string;
}

/** Why a refused permission is refused, e.g. `Only SRE leads may waive items (permission reliability.waiver.approve)`. */
export function deniedReason(permission: ReliabilityPermission): string {
  const who = WHO_MAY[permission.name] ?? 'You may not do this';
  return `${who} (permission ${permission.name})`;
}

/**
 * Asks the permission framework whether the viewer has `permission` on the entity whose page this
 * is (a resource permission, decided for that entity, e.g. for its owners).
 */
export function useEntityPermission(
  permission: ReliabilityPermission,
): EntityPermission {
  const { entity } = useEntity();
  const { allowed, loading, error } = usePermission({
    permission,
    resourceRef: stringifyEntityRef(entity),
  });
  if (allowed) return { allowed };
  if (loading) {
    return { allowed, deniedReason: 'Checking your permissions…' };
  }
  if (error) {
    return {
      allowed,
      deniedReason: `Your permissions could not be checked: ${error.message}`,
    };
  }
  return { allowed, deniedReason: deniedReason(permission) };
}
