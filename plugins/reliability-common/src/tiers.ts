/** What a tier can require of an entity's reliability profile. */
export type ProfileRequirement =
  | 'owner'
  | 'onCall'
  | 'slos'
  | 'runbooks'
  | 'runbooksReviewed'
  | 'dashboards'
  | 'drTargets'
  | 'drTested';

/** Every requirement a tier may list, in the order they are shown. */
export const PROFILE_REQUIREMENTS: ReadonlyArray<ProfileRequirement> = [
  'owner',
  'onCall',
  'slos',
  'runbooks',
  'runbooksReviewed',
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
  /** As entities name it in `reliability-suite.io/tier`: 0 (most critical) upwards. */
  level: number;
  /** Display name, e.g. `Tier 1`: the label of the tier everywhere it is shown. */
  name: string;
  description: string;
  /**
   * Critical tiers are the ones the scorecard's "critical services with SLOs / on-call" figures
   * count (Tier 0 and Tier 1 by default).
   */
  critical: boolean;
  /** Profile items an entity of this tier must have. */
  requirements: ProfileRequirement[];
  /** Default SLO target for the tier, as a fraction (0.999 = 99.9 %). */
  defaultSloTarget: number;
  dr: TierDrTargets;
  /**
   * Each runbook must have been reviewed within this many days (the review date from
   * `reliability-suite.io/runbook-reviewed`); an older one is stale. Undefined: runbooks are not
   * reviewed on a schedule. The `runbooksReviewed` requirement checks it.
   */
  runbookReviewDays?: number;
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
    critical: true,
    description:
      'Mission critical: an outage stops the business or breaks a legal obligation.',
    requirements: [...PROFILE_REQUIREMENTS],
    defaultSloTarget: 0.9995,
    dr: { maxRtoMinutes: 60, maxRpoMinutes: 5, testIntervalDays: 90 },
    runbookReviewDays: 90,
  },
  {
    level: 1,
    name: 'Tier 1',
    critical: true,
    description:
      'Business critical: customer-facing, revenue or reputation at stake.',
    requirements: [...PROFILE_REQUIREMENTS],
    defaultSloTarget: 0.999,
    dr: { maxRtoMinutes: 240, maxRpoMinutes: 60, testIntervalDays: 180 },
    runbookReviewDays: 180,
  },
  {
    level: 2,
    name: 'Tier 2',
    critical: false,
    description:
      'Important: internal or degradable features with a workaround.',
    requirements: ['owner', 'onCall', 'slos', 'runbooks', 'runbooksReviewed'],
    defaultSloTarget: 0.995,
    dr: { maxRtoMinutes: 1440, maxRpoMinutes: 1440 },
    runbookReviewDays: 365,
  },
  {
    level: 3,
    name: 'Tier 3',
    critical: false,
    description: 'Best effort: tooling, experiments, nothing customer-facing.',
    requirements: ['owner'],
    defaultSloTarget: 0.99,
    dr: {},
  },
];

/** The levels of the default tiers: what is checked against without configured tiers. */
export const DEFAULT_TIER_LEVELS: ReadonlyArray<number> = DEFAULT_TIERS.map(
  t => t.level,
);

/**
 * Reads a tier level from an annotation value: `1`, `tier-1`, `tier1` or `Tier 1` (any level
 * number; whether it is configured is `tierProblem`'s question). Returns undefined when the value
 * names no level.
 */
export function parseTierLevel(value: string): number | undefined {
  const match = /^(?:tier[\s_-]?)?([0-9]{1,4})$/i.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

/** `0, 1, 2 or 3`: levels as a message names them, lowest first. */
export function formatTierLevels(levels: ReadonlyArray<number>): string {
  const sorted = [...levels].sort((a, b) => a - b).map(String);
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} or ${sorted[sorted.length - 1]}`;
}

/**
 * Why an annotation value names no configured tier, or undefined when it names one: the same
 * message whether the value is no level at all (`gold`) or a level that is not configured (`7`).
 */
export function tierProblem(
  value: string,
  levels: ReadonlyArray<number> = DEFAULT_TIER_LEVELS,
): string | undefined {
  const level = parseTierLevel(value);
  if (level !== undefined && levels.includes(level)) return undefined;
  return `"${value}" is not a tier: use ${formatTierLevels(levels)}`;
}

/** The levels of the critical tiers, lowest first. */
export function criticalTierLevels(
  tiers: ReadonlyArray<TierDefinition>,
): number[] {
  return tiers
    .filter(t => t.critical)
    .map(t => t.level)
    .sort((a, b) => a - b);
}
