import { createPermission } from '@backstage/plugin-permission-common';

/** Record an emergency override of the deploy gate. */
export const deployGateOverridePermission = createPermission({
  name: 'reliability.deploygate.override',
  attributes: { action: 'create' },
});

/** Evaluate an entity's SLOs now instead of waiting for the schedule. */
export const sloEvaluatePermission = createPermission({
  name: 'reliability.slo.evaluate',
  attributes: { action: 'update' },
});

/** Every permission of the Reliability Suite. */
export const reliabilityPermissions = [
  deployGateOverridePermission,
  sloEvaluatePermission,
];
