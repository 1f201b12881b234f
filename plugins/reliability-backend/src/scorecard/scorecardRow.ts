import {
  Entity,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  PagingLinkTemplates,
  ReadinessEvent,
  Review,
  ScorecardRow,
  SloAlertAudit,
  SloStatus,
  TierDefinition,
  sloBudgetStatus,
  slosMeetingTarget,
  worstBudgetStatus,
  worstPolicyState,
} from '@reliability-suite/plugin-reliability-common';
import { StoredDefinitions } from '../store/DefinitionsStore';
import { Checklist } from '../readiness/assessReadiness';
import {
  definedSloFigures,
  entityProfile,
  entityReadiness,
  ownerRefOf,
} from '../readiness/entityAssessment';

const HOUR_MS = 3_600_000;

/** Everything the projector has loaded, by entity ref. */
export interface ScorecardSources {
  entities: Map<string, Entity>;
  definitions: Map<string, StoredDefinitions>;
  statuses: Map<string, SloStatus[]>;
  itemEvents: Map<string, ReadinessEvent[]>;
  reviews: Map<string, Review>;
  tiers: ReadonlyArray<TierDefinition>;
  paging: PagingLinkTemplates;
  checklist: Checklist;
  /** The alert audit of each entity's SLOs; without it rows say nothing about deployed alerts. */
  alertAudits?: Map<string, SloAlertAudit[]>;
}

function relationTarget(entity: Entity, type: string, kind: string) {
  return entity.relations?.find(
    r => r.type === type && r.targetRef.startsWith(`${kind}:`),
  )?.targetRef;
}

const min = (values: number[]) =>
  values.length ? Math.min(...values) : undefined;
const max = (values: number[]) =>
  values.length ? Math.max(...values) : undefined;

/**
 * One entity's scorecard row, from what is stored (no catalog or Prometheus call), and how many
 * of its SLOs miss their target (for the day's snapshot).
 */
export function scorecardRow(
  entity: Entity,
  sources: ScorecardSources,
  now: number,
): { row: ScorecardRow; breachedSlos: number } {
  const entityRef = stringifyEntityRef(entity);
  const owner = ownerRefOf(entity);
  const system = relationTarget(entity, RELATION_PART_OF, 'system');
  const systemEntity = system ? sources.entities.get(system) : undefined;
  const domain =
    relationTarget(entity, RELATION_PART_OF, 'domain') ??
    (systemEntity && relationTarget(systemEntity, RELATION_PART_OF, 'domain'));
  const related = (ref: string) => sources.entities.get(ref);
  // The same functions and inputs as the Reliability tab (ProfileService, ReadinessService).
  const profile = entityProfile({
    entity,
    related,
    definitions: sources.definitions.get(entityRef),
    tiers: sources.tiers,
    paging: sources.paging,
    now,
  });
  const { statuses, alertAudits } = definedSloFigures(
    profile,
    sources.statuses.get(entityRef) ?? [],
    sources.alertAudits?.get(entityRef),
  );
  const figures = statuses.flatMap(s => (s.figures ? [s.figures] : []));
  const { met, measured } = slosMeetingTarget(figures);
  const readiness = entityReadiness(profile, {
    entity,
    related,
    statuses,
    alertAudits,
    events: sources.itemEvents.get(entityRef) ?? [],
    checklist: sources.checklist,
    now,
  });
  const row: ScorecardRow = {
    entityRef,
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    title: entity.metadata.title,
    type: typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
    tier: profile.tier?.level,
    owner,
    system,
    domain,
    lifecycle:
      typeof entity.spec?.lifecycle === 'string'
        ? entity.spec.lifecycle
        : undefined,
    onCall: profile.onCall?.label,
    runbookCount: profile.runbooks.length,
    sloCount: profile.slos.length,
    slosMeetingTarget: met,
    slosMeasured: measured,
    attainment: measured ? met / measured : undefined,
    budgetRemaining: min(
      figures.flatMap(f =>
        f.budget.remainingFraction === undefined
          ? []
          : [f.budget.remainingFraction],
      ),
    ),
    maxBurnRate: max(
      figures.flatMap(f => {
        const rate = f.burnRates.find(b => b.windowMs === HOUR_MS)?.rate;
        return rate === undefined ? [] : [rate];
      }),
    ),
    budgetStatus: worstBudgetStatus(
      profile.slos.map(slo =>
        sloBudgetStatus(statuses.find(s => s.sloName === slo.name)?.figures),
      ),
    ),
    policyState: worstPolicyState(figures.map(f => f.policyState)),
    readinessScore: readiness.score,
    reviewState: sources.reviews.get(entityRef)?.state,
    missing: [...new Set(profile.missing.map(m => m.requirement))],
    updatedAt: now,
    // What `worstFreshness` of its SLOs rests on: their oldest figures, and a failed evaluation.
    measuredAt: min(figures.map(f => f.measuredAt)),
    degraded: statuses.some(s => s.state === 'degraded'),
    ...(alertAudits.length
      ? {
          alertsNotDeployed: alertAudits.filter(a =>
            ['missing', 'out-of-date', 'no-rules'].includes(a.status),
          ).length,
        }
      : {}),
  };
  return { row, breachedSlos: measured - met };
}
