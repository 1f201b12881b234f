import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  RELIABILITY_ANNOTATIONS,
  ReadinessEvent,
  ReadinessItem,
  ReadinessSummary,
  ReliabilityProfile,
  SloAlertAudit,
  SloStatus,
  isRuleExportable,
  parseTierLevel,
  projectReadiness,
  runAutomaticChecks,
} from '@reliability-suite/plugin-reliability-common';
import { ReadinessCheck } from '@reliability-suite/plugin-reliability-node';

/** The configured checklist and the checks of its automatic items. */
export interface Checklist {
  items: ReadonlyArray<ReadinessItem>;
  checks: Record<string, ReadinessCheck>;
}

/** What the checklist of one entity is assessed from. */
interface ReadinessInputs {
  profile: ReliabilityProfile;
  statuses: SloStatus[];
  /** The entity's dependencies that the caller can see, with their tiers. */
  dependencies: Array<{ entityRef: string; tierLevel?: number }>;
  /** Its readiness events (attestations and waivers count). */
  events: ReadinessEvent[];
  /** What the alert audit found deployed for its SLOs, if it ran. */
  alertAudits?: SloAlertAudit[];
}

/** The tier level an entity declares, if any. */
export function tierOf(entity: Entity): number | undefined {
  const value = entity.metadata.annotations?.[RELIABILITY_ANNOTATIONS.tier];
  return value === undefined ? undefined : parseTierLevel(value);
}

/** Refs of the entities it depends on. */
export function dependencyRefs(entity: Entity): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === RELATION_DEPENDS_ON)
    .map(r => r.targetRef);
}

/** Runs the automatic checks and projects attestations and waivers onto the checklist. */
export function assessReadiness(
  { profile, statuses, dependencies, events, alertAudits }: ReadinessInputs,
  { items, checks }: Checklist,
  now: number,
): ReadinessSummary {
  const automatic = runAutomaticChecks(
    items.filter(i => i.kind === 'automatic').map(i => i.id),
    {
      profile,
      sloStatuses: statuses,
      alertableSlos: profile.slos.filter(isRuleExportable).map(s => s.name),
      dependencies,
      alertAudits,
    },
    checks,
  );
  return projectReadiness(items, profile.tier?.level, automatic, events, now);
}
