import {
  DEFAULT_ERROR_BUDGET_POLICY,
  DeployGateDecision,
  DeployGateOverride,
} from '@reliability-suite/plugin-reliability-common';
import { NOW } from '../testSlos';

const HOUR = 3_600_000;

/** checkout in feature freeze: the gate refuses, as the API answers CI. */
export const refusedDecision: DeployGateDecision = {
  entityRef: 'component:default/checkout',
  allowed: false,
  riskLevel: 'high',
  policyState: 'red',
  reason:
    'Feature freeze: emergency fixes only (checkout-availability has -38.9% of its error budget left)',
  actions: DEFAULT_ERROR_BUDGET_POLICY.red.actions,
  maxDeploysPerDay: 0,
  slos: [
    {
      slo: 'checkout-availability',
      policyState: 'red',
      remainingFraction: -0.3889,
      remaining: -16800,
      unit: 'events',
      degraded: false,
      evaluatedAt: NOW - 5 * 60_000,
    },
  ],
  unmeasurable: [],
  warnings: [],
  evaluatedAt: NOW - 5 * 60_000,
  freshness: { measuredAt: NOW - 5 * 60_000, ageMs: 5 * 60_000, stale: false },
};

/** Ann's override of the gate, in force for another hour. */
export const annOverride: DeployGateOverride = {
  id: 4,
  reason: 'Hotfix for the payment outage INC-42',
  createdBy: 'user:default/ann',
  createdAt: NOW - HOUR,
  expiresAt: NOW + HOUR,
  active: true,
};

/** Bob's override of last week, expired. */
export const bobOverride: DeployGateOverride = {
  id: 2,
  reason: 'Rollback of release 2.3 for INC-40',
  createdBy: 'user:default/bob',
  createdAt: NOW - 7 * 24 * HOUR,
  expiresAt: NOW - 7 * 24 * HOUR + 2 * HOUR,
  active: false,
};

/** The gate with Ann's override in force: allowed, still high risk. */
export const overriddenDecision: DeployGateDecision = {
  ...refusedDecision,
  allowed: true,
  reason:
    'Emergency override by user:default/ann: Hotfix for the payment outage INC-42 (checkout-availability has -38.9% of its error budget left)',
  override: {
    reason: annOverride.reason,
    createdBy: annOverride.createdBy,
    createdAt: annOverride.createdAt,
    expiresAt: annOverride.expiresAt,
  },
};

/** A green service: allowed at low risk, one deploy limit set by the policy. */
export const allowedDecision: DeployGateDecision = {
  ...refusedDecision,
  allowed: true,
  riskLevel: 'low',
  policyState: 'green',
  reason:
    'Normal operations: proceed with deployment (checkout-availability has 82.3% of its error budget left)',
  actions: DEFAULT_ERROR_BUDGET_POLICY.green.actions,
  maxDeploysPerDay: 2,
};
