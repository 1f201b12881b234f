import {
  BUDGET_STATUS_LABELS,
  PolicyState,
  ProfileRequirement,
  ScorecardRollupDimension,
} from '@reliability-suite/plugin-reliability-common';

/** Defined once in reliability-common, with the status itself. */
export { BUDGET_STATUS_LABELS };

export const POLICY_STATE_LABELS: Record<PolicyState, string> = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
  nodata: 'No data',
};

export const REQUIREMENT_LABELS: Record<ProfileRequirement, string> = {
  owner: 'Owner',
  onCall: 'On-call',
  slos: 'SLOs',
  runbooks: 'Runbooks',
  dashboards: 'Dashboards',
  drTargets: 'DR targets',
  drTested: 'DR tested',
};

export const DIMENSION_LABELS: Record<ScorecardRollupDimension, string> = {
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
  tier: 'Tier',
};

export const TIER_LEVELS = [0, 1, 2, 3];

/** `Tier 1`, or a dash without a tier. */
export function tierLabel(tier: number | undefined): string {
  return tier === undefined ? '—' : `Tier ${tier}`;
}
