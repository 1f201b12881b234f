import { PolicyState } from '../math/policy';
import { ProfileRequirement } from '../tiers';
import { ReviewState } from '../readiness/review';
import type { Freshness } from '../freshness';
import { BudgetStatus } from './budgetStatus';

/** One entity on the org scorecard: precomputed by the backend, served from the store. */
export interface ScorecardRow {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** `spec.type` (`service`, `website`, `library`…); undefined without one. */
  type?: string;
  /** Tier level 0–3; undefined without a (configured) tier. */
  tier?: number;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  /** How to page whoever is on call (label); undefined when nobody can be paged. */
  onCall?: string;
  runbookCount: number;
  sloCount: number;
  /** Its SLOs that meet their target, of `slosMeasured` (see `slosMeetingTarget`). */
  slosMeetingTarget: number;
  /** Its SLOs with a measured SLI (without traffic in their window, an SLO is not measured). */
  slosMeasured: number;
  /** `slosMeetingTarget / slosMeasured` (0–1): what the scorecard sorts by; undefined without data. */
  attainment?: number;
  /** Lowest remaining error budget of its SLOs, as a fraction (negative when overspent). */
  budgetRemaining?: number;
  /** Highest 1-hour burn rate of its SLOs. */
  maxBurnRate?: number;
  budgetStatus: BudgetStatus;
  policyState: PolicyState;
  /** Required readiness items passing / required. */
  readinessScore?: number;
  /** State of the latest launch readiness review. */
  reviewState?: ReviewState;
  /** What its tier requires that is missing. */
  missing: ProfileRequirement[];
  /** When the row was computed, epoch ms. */
  updatedAt: number;
  /** When its least recently measured SLO figures were measured, epoch ms; undefined when none were. */
  measuredAt?: number;
  /** The last evaluation of one of its SLOs failed: its figures are the last good ones. */
  degraded: boolean;
  /**
   * How old its figures are when served, and whether they are stale (`freshness` of `measuredAt`
   * and `degraded`, judged when asked: the projection cannot mark itself stale when it stops).
   */
  freshness?: Freshness;
  /**
   * How many of its SLOs have burn-rate alerts missing or out of date on their metric source (the
   * alert audit); undefined when they have not been audited.
   */
  alertsNotDeployed?: number;
}

/** Filters of the scorecard; every one is optional and they combine with AND. */
export interface ScorecardFilter {
  /** Kinds in lower case (`component`, `api`…; `SCORECARD_KINDS`). */
  kinds?: string[];
  /** `spec.type`s, compared in lower case (`service`). */
  types?: string[];
  tiers?: number[];
  owners?: string[];
  systems?: string[];
  domains?: string[];
  lifecycles?: string[];
  policyStates?: PolicyState[];
  budgetStatuses?: BudgetStatus[];
  /** Entities missing this requirement. */
  missing?: ProfileRequirement;
  /** Case-insensitive text in the name, title or owner. */
  search?: string;
  /** Only entities whose figures are stale (`true`) or current (`false`) when asked. */
  stale?: boolean;
  /** Only entities with alerts not deployed or out of date (`true`), or all deployed (`false`). */
  alertsNotDeployed?: boolean;
}

/** Columns the scorecard sorts by. */
export const SCORECARD_SORT_FIELDS = [
  'name',
  'tier',
  'owner',
  'sloCount',
  'attainment',
  'budgetRemaining',
  'maxBurnRate',
  'readinessScore',
] as const;
export type ScorecardSortField = (typeof SCORECARD_SORT_FIELDS)[number];

/** One page of the scorecard. */
export interface ScorecardPage {
  rows: ScorecardRow[];
  totalCount: number;
  page: number;
  pageSize: number;
}

/** Dimensions the scorecard rolls up by. */
export const SCORECARD_ROLLUP_DIMENSIONS = [
  'owner',
  'system',
  'domain',
  'tier',
] as const;
export type ScorecardRollupDimension =
  (typeof SCORECARD_ROLLUP_DIMENSIONS)[number];

/**
 * How many services (`isService`: Components of type service) there are, and how many of them
 * have SLOs, on-call and runbooks; `critical`: those of the critical tiers.
 */
export interface ServiceCoverage {
  total: number;
  withSlos: number;
  withOnCall: number;
  withRunbooks: number;
  critical: number;
  criticalWithSlos: number;
  criticalWithOnCall: number;
}

/** Coverage and health of a group of entities (a team, a system, a domain, a tier, or all). */
export interface ScorecardRollup {
  /** The owner, system, domain or tier; undefined for entities without one. */
  key?: string;
  entities: number;
  withSlos: number;
  /** Tier-0 and Tier-1 entities, and how many of them have SLOs and on-call. */
  critical: number;
  criticalWithSlos: number;
  criticalWithOnCall: number;
  withOnCall: number;
  withRunbooks: number;
  /**
   * Entities by budget status (their worst SLO's; `sloBudgetStatus`): each entity counts in
   * exactly one of these five. Out of budget outranks the burn statuses.
   */
  outOfBudget: number;
  burningFast: number;
  burningSlow: number;
  onTrack: number;
  noData: number;
  /**
   * Entities whose figures are stale (a failed evaluation, or none for two evaluation intervals):
   * when asked for rollups, as of the day's last snapshot for trends.
   */
  stale: number;
  /** The services among its entities and their coverage: what the coverage figures count. */
  services: ServiceCoverage;
  /** SLOs of its entities meeting their target, of `slosMeasured`: "SLOs meeting target n/m". */
  slosMeetingTarget: number;
  slosMeasured: number;
  /**
   * `slosMeetingTarget / slosMeasured`; undefined when no SLO was measured (and for days
   * snapshotted before the counts were recorded).
   */
  attainment?: number;
  /** Lowest remaining error budget of any SLO of its entities (fraction); undefined without data. */
  budgetRemaining?: number;
  /** Mean readiness score. */
  readinessScore?: number;
}

/** The org's coverage and health on one day. */
export interface ScorecardTrendPoint extends Omit<ScorecardRollup, 'key'> {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
}

/** One service on the weekly reliability review's agenda. */
export interface WeeklyReviewService {
  entityRef: string;
  name: string;
  title?: string;
  tier?: number;
  owner?: string;
  /** As of the week's last snapshot. */
  budgetStatus: BudgetStatus;
  policyState: PolicyState;
  /** In feature freeze: the error-budget policy is red. */
  inFreeze: boolean;
  budgetRemaining?: number;
  /** Change of the remaining budget since the previous week's last snapshot (fraction points). */
  budgetRemainingChange?: number;
  attainment?: number;
  attainmentChange?: number;
  /** Most SLOs missing their target on any day of the week. */
  breachedSlos: number;
  /** Its figures were stale at the week's last snapshot (see `freshness`), and why. */
  stale: boolean;
  staleBecause?: 'degraded' | 'old';
  /** When its least recently measured figures of that snapshot were measured, epoch ms. */
  measuredAt?: number;
}

/** The weekly SRE sync's agenda: every service's budget status, breaches, freezes, decisions. */
export interface WeeklyReview {
  /** ISO week, e.g. `2026-W48`. */
  week: string;
  /** Monday and Sunday of the week, `YYYY-MM-DD`. */
  start: string;
  end: string;
  counts: {
    outOfBudget: number;
    burningFast: number;
    burningSlow: number;
    onTrack: number;
    noData: number;
    inFreeze: number;
    withBreaches: number;
    /** Services whose figures were stale at the week's last snapshot. */
    stale: number;
  };
  /** Worst budget status first (out of budget, then burning fastest). */
  services: WeeklyReviewService[];
  /** Launch readiness reviews approved or blocked during the week. */
  decisions: Array<{
    entityRef: string;
    reviewId?: number;
    decision: 'approved' | 'blocked';
    actor: string;
    at: number;
    reason?: string;
  }>;
}
