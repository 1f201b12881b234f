/** Whether an item is checked from live data or attested by a person. */
export type ReadinessItemKind = 'automatic' | 'manual';

/** One gate of the production-readiness checklist. */
export interface ReadinessItem {
  id: string;
  title: string;
  description: string;
  kind: ReadinessItemKind;
  /** Tiers (levels) for which the item is required; other tiers see it as optional. */
  requiredForTiers: number[];
}

/**
 * Default launch gates, from the reference role blueprints: ownership, on-call/paging, SLOs
 * defined and measurable, dashboards, alerts, runbooks, DR posture, capacity, rollback, security
 * review, dependency tiers.
 */
export const DEFAULT_READINESS_ITEMS: ReadonlyArray<ReadinessItem> = [
  {
    id: 'ownership',
    title: 'Ownership',
    description: 'An owning team is set in the catalog',
    kind: 'automatic',
    requiredForTiers: [0, 1, 2, 3],
  },
  {
    id: 'on-call',
    title: 'On-call and paging',
    description: 'A paging route reaches whoever is on call',
    kind: 'automatic',
    requiredForTiers: [0, 1, 2],
  },
  {
    id: 'slos-defined',
    title: 'SLOs defined',
    description: 'At least one valid SLO is defined as code',
    kind: 'automatic',
    requiredForTiers: [0, 1, 2],
  },
  {
    id: 'slos-measurable',
    title: 'SLOs measurable',
    description: 'Every SLO has data flowing from its metric source',
    kind: 'automatic',
    requiredForTiers: [0, 1],
  },
  {
    id: 'dashboards',
    title: 'Dashboards',
    description: 'A dashboard is linked',
    kind: 'automatic',
    requiredForTiers: [0, 1],
  },
  {
    id: 'alerts',
    title: 'Burn-rate alerts',
    description: 'Burn-rate alerting rules can be generated for every SLO',
    kind: 'automatic',
    requiredForTiers: [0, 1],
  },
  {
    id: 'runbooks',
    title: 'Runbooks',
    description: 'A runbook is linked',
    kind: 'automatic',
    requiredForTiers: [0, 1, 2],
  },
  {
    id: 'dr-posture',
    title: 'DR posture',
    description:
      "RTO and RPO within the tier's limits, DR tested within the tier's interval",
    kind: 'automatic',
    requiredForTiers: [0, 1],
  },
  {
    id: 'dependency-tiers',
    title: 'Dependency tiers',
    description: 'No dependency on a lower-tier component (or a waiver)',
    kind: 'automatic',
    requiredForTiers: [0, 1],
  },
  {
    id: 'capacity',
    title: 'Capacity and load test',
    description: 'A load test at expected peak passed',
    kind: 'manual',
    requiredForTiers: [0, 1],
  },
  {
    id: 'rollback',
    title: 'Rollback readiness',
    description: 'A rollback was rehearsed and is documented',
    kind: 'manual',
    requiredForTiers: [0, 1],
  },
  {
    id: 'security-review',
    title: 'Security review',
    description: 'A security review signed off the launch',
    kind: 'manual',
    requiredForTiers: [0, 1],
  },
];

/** Whether an item is required for an entity of a tier (no tier: nothing is required). */
export function isRequired(
  item: ReadinessItem,
  tierLevel: number | undefined,
): boolean {
  return tierLevel !== undefined && item.requiredForTiers.includes(tierLevel);
}
