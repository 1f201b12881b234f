/** What a tier can require of an entity's reliability profile. */
export type ProfileRequirement =
  | 'owner'
  | 'onCall'
  | 'slos'
  | 'runbooks'
  | 'dashboards'
  | 'drTargets'
  | 'drTested';

/** Every requirement a tier may list, in the order they are shown. */
export const PROFILE_REQUIREMENTS: ReadonlyArray<ProfileRequirement> = [
  'owner',
  'onCall',
  'slos',
  'runbooks',
  'dashboards',
  'drTargets',
  'drTested',
];

/** Disaster-recovery targets a tier sets. */
export interface TierDrTargets {
  /** Longest acceptable recovery time objective, in minutes. */
  maxRtoMinutes?: number;
  /** Longest acceptable recovery point objective, in minutes. */
  maxRpoMinutes?: number;
  /** A DR test must have happened within this many days. */
  testIntervalDays?: number;
}

/** One service tier: its name, meaning and what it requires. */
export interface TierDefinition {
  /** 0 (most critical) to 3. */
  level: number;
  name: string;
  description: string;
  /** Profile items an entity of this tier must have. */
  requirements: ProfileRequirement[];
  /** Default SLO target for the tier, as a fraction (0.999 = 99.9 %). */
  defaultSloTarget: number;
  dr: TierDrTargets;
}

/**
 * Default tiers, from the tiering model in the reference material: Tier 0/1 services need
 * documented SLOs, dashboards, runbooks, paging and a DR posture; targets tighten with criticality
 * (Tier 0: 99.95–99.99 %, Tier 1: 99.9–99.95 %).
 */
export const DEFAULT_TIERS: ReadonlyArray<TierDefinition> = [
  {
    level: 0,
    name: 'Tier 0',
    description:
      'Mission critical: an outage stops the business or breaks a legal obligation.',
    requirements: [...PROFILE_REQUIREMENTS],
    defaultSloTarget: 0.9995,
    dr: { maxRtoMinutes: 60, maxRpoMinutes: 5, testIntervalDays: 90 },
  },
  {
    level: 1,
    name: 'Tier 1',
    description:
      'Business critical: customer-facing, revenue or reputation at stake.',
    requirements: [...PROFILE_REQUIREMENTS],
    defaultSloTarget: 0.999,
    dr: { maxRtoMinutes: 240, maxRpoMinutes: 60, testIntervalDays: 180 },
  },
  {
    level: 2,
    name: 'Tier 2',
    description:
      'Important: internal or degradable features with a workaround.',
    requirements: ['owner', 'onCall', 'slos', 'runbooks'],
    defaultSloTarget: 0.995,
    dr: { maxRtoMinutes: 1440, maxRpoMinutes: 1440 },
  },
  {
    level: 3,
    name: 'Tier 3',
    description: 'Best effort: tooling, experiments, nothing customer-facing.',
    requirements: ['owner'],
    defaultSloTarget: 0.99,
    dr: {},
  },
];

/**
 * Reads a tier from an annotation value: `1`, `tier-1`, `tier1` or `Tier 1`.
 * Returns undefined when the value names no tier.
 */
export function parseTierLevel(value: string): number | undefined {
  const match = /^(?:tier[\s_-]?)?([0-9])$/i.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}
