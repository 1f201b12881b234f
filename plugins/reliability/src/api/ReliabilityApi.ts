import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeployGateDecision,
  DeployGateOverride,
  EntityAlerts,
  EntityReadiness,
  EntitySlos,
  ReadinessEvent,
  ReliabilityProfile,
  Review,
  ReviewAction,
  ScorecardFilter,
  ScorecardPage,
  ScorecardRollup,
  ScorecardRollupDimension,
  ScorecardTrendPoint,
  TierDefinition,
  WeeklyReview,
} from '@reliability-suite/plugin-reliability-common';
import { ReviewQueueFilter } from './reviewQueueParams';
import { ScorecardQuery } from './scorecardParams';

/** A person vouching for a manual readiness item. */
export interface AttestationRequest {
  itemId: string;
  /** Links to the evidence (load-test report, rehearsal notes…); at least one. */
  evidence: string[];
  comment?: string;
  /** `YYYY-MM-DD` or an ISO timestamp. */
  expiresAt: string;
}

/** Accepting a readiness item as not met, for a while and for a reason. */
export interface WaiverRequest {
  itemId: string;
  /** At least 10 characters. */
  reason: string;
  /** `YYYY-MM-DD` or an ISO timestamp. */
  expiresAt: string;
}

/** An emergency override of the deploy gate. */
export interface DeployGateOverrideRequest {
  /** Why, at least 10 characters (an incident, a hotfix). */
  reason: string;
  /** How long it lets deploys through, 1 minute to 7 days. */
  durationMinutes: number;
}

/** Opening a launch review. */
export interface LaunchReviewRequest {
  /** Target launch date, `YYYY-MM-DD`. */
  targetDate?: string;
  /** User or group refs, e.g. `group:default/sre`; at least one. */
  reviewers: string[];
}

/** Moving a launch review on, or commenting on it. `block` and `comment` need `text`. */
export interface ReviewActionRequest {
  action: ReviewAction;
  text?: string;
}

/** The scorecard rolled up by owner, system, domain or tier. */
export interface ScorecardRollups {
  by: ScorecardRollupDimension;
  /** One group per owner (system…); the group without one has no `key`. */
  groups: ScorecardRollup[];
  /** All entities that match the filters. */
  totals: ScorecardRollup;
}

/** The filters that apply to the scorecard's trends. */
export type ScorecardTrendsFilter = Pick<ScorecardFilter, 'owners' | 'tiers'>;

export type ScorecardExportFormat = 'csv' | 'json';

/** Client of the Reliability Suite backend. */
export interface ReliabilityApi {
  getProfile(entity: CompoundEntityRef): Promise<ReliabilityProfile>;
  /** SLOs with their latest stored status. */
  getSlos(entity: CompoundEntityRef): Promise<EntitySlos>;
  /** Evaluates the entity's SLOs now (needs permission `reliability.slo.evaluate`). */
  evaluateNow(entity: CompoundEntityRef): Promise<EntitySlos>;
  /** Prometheus recording and alerting rules for the entity's SLOs, as YAML. */
  getPrometheusRules(entity: CompoundEntityRef): Promise<string>;
  /** Whether each SLO's burn-rate alerts are deployed as defined (the alert audit). */
  getAlerts(entity: CompoundEntityRef): Promise<EntityAlerts>;
  /** May the entity deploy now, and why (`GET /deploy-gate`, as CI asks it). */
  getDeployGate(entity: CompoundEntityRef): Promise<DeployGateDecision>;
  /** The entity's emergency overrides of the deploy gate, newest first. */
  getDeployGateOverrides(
    entity: CompoundEntityRef,
  ): Promise<DeployGateOverride[]>;
  /**
   * Records an emergency override (needs permission `reliability.deploygate.override`) and
   * answers the gate with it.
   */
  overrideDeployGate(
    entity: CompoundEntityRef,
    request: DeployGateOverrideRequest,
  ): Promise<DeployGateDecision>;
  /** The readiness checklist with its score, the latest launch review and the audit trail. */
  getReadiness(entity: CompoundEntityRef): Promise<EntityReadiness>;
  /** The readiness audit trail as the backend exports it. */
  getReadinessEvents(entity: CompoundEntityRef): Promise<ReadinessEvent[]>;
  attest(
    entity: CompoundEntityRef,
    request: AttestationRequest,
  ): Promise<EntityReadiness>;
  waive(
    entity: CompoundEntityRef,
    request: WaiverRequest,
  ): Promise<EntityReadiness>;
  openReview(
    entity: CompoundEntityRef,
    request: LaunchReviewRequest,
  ): Promise<EntityReadiness>;
  /** Fails with 409 when approving while required items fail, 403 when not allowed. */
  actOnReview(
    reviewId: number,
    request: ReviewActionRequest,
  ): Promise<EntityReadiness>;
  /**
   * The review queue: open launch reviews of the entities the caller may read, oldest first
   * (`GET /reviews`).
   */
  getOpenReviews(filter: ReviewQueueFilter): Promise<Review[]>;
  /** The configured tiers, lowest level first (`GET /tiers`). */
  getTiers(): Promise<TierDefinition[]>;
  /** One page of the org-wide scorecard, filtered and sorted. */
  getScorecard(query: ScorecardQuery): Promise<ScorecardPage>;
  /** Coverage and health per owner (system, domain, tier) of the entities matching the filter. */
  getScorecardRollups(
    by: ScorecardRollupDimension,
    filter: ScorecardFilter,
  ): Promise<ScorecardRollups>;
  /** One point per UTC day over the last `days` days. */
  getScorecardTrends(
    days: number,
    filter: ScorecardTrendsFilter,
  ): Promise<ScorecardTrendPoint[]>;
  /** The weekly review of an ISO week such as `2026-W48`; this week without one. */
  getWeeklyReview(week?: string): Promise<WeeklyReview>;
  /** Downloads every row of the view (its filters and sort; not only its page) as a file. */
  exportScorecard(
    format: ScorecardExportFormat,
    query: ScorecardQuery,
  ): Promise<void>;
}

export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
