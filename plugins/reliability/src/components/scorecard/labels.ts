import {
  BUDGET_STATUS_LABELS,
  PolicyState,
  ProfileRequirement,
  ScorecardRollupDimension,
  TierDefinition,
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
  runbooksReviewed: 'Runbooks reviewed',
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

/**
 * A tier's configured name (`Tier 1`, `Platinum`), `Tier 7` for a level that is not configured,
 * or a dash without a tier.
 */
export function tierLabel(
  tiers: ReadonlyArray<TierDefinition>,
  level: number | undefined,
): string {
  if (level === undefined) return '—';
  return tiers.find(t => t.level === level)?.name ?? `Tier ${level}`;
}

/**
 * What the critical figures are labelled with: the critical tiers' names, lowest level first
 * (`Tier 0/Tier 1`), or `Critical` when no tier is critical.
 */
export function criticalTiersLabel(
  tiers: ReadonlyArray<TierDefinition>,
): string {
  const names = tiers
    .filter(t => t.critical)
    .sort((a, b) => a.level - b.level)
    .map(t => t.name);
  return names.length ? names.join('/') : 'Critical';
}
