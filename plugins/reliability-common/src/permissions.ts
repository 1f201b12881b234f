import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of the Reliability Suite's entity permissions: the resource is a catalog entity. */
export const RELIABILITY_ENTITY_RESOURCE_TYPE = 'reliability-entity';

/** Record an emergency override of the deploy gate. */
export const deployGateOverridePermission = createPermission({
  name: 'reliability.deploygate.override',
  attributes: { action: 'create' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Evaluate an entity's SLOs now instead of waiting for the schedule. */
export const sloEvaluatePermission = createPermission({
  name: 'reliability.slo.evaluate',
  attributes: { action: 'update' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Attest a manual readiness item (owners). */
export const readinessAttestPermission = createPermission({
  name: 'reliability.readiness.attest',
  attributes: { action: 'create' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Open, submit, reopen and comment on a launch readiness review (owners). */
export const reviewCreatePermission = createPermission({
  name: 'reliability.review.create',
  attributes: { action: 'create' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Approve or block a launch readiness review (reviewers). */
export const reviewDecidePermission = createPermission({
  name: 'reliability.review.decide',
  attributes: { action: 'update' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Waive a readiness item (SRE leads). */
export const waiverApprovePermission = createPermission({
  name: 'reliability.waiver.approve',
  attributes: { action: 'create' },
  resourceType: RELIABILITY_ENTITY_RESOURCE_TYPE,
});

/** Every permission of the Reliability Suite. */
export const reliabilityPermissions = [
  deployGateOverridePermission,
  sloEvaluatePermission,
  readinessAttestPermission,
  reviewCreatePermission,
  reviewDecidePermission,
  waiverApprovePermission,
];
