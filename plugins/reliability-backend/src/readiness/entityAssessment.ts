import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  DefinitionProblem,
  PagingLinkTemplates,
  SloDefinition,
  ReadinessEvent,
  ReadinessSummary,
  ReliabilityProfile,
  SloAlertAudit,
  SloStatus,
  TierDefinition,
  declaresReliability,
  resolveProfile,
} from '@reliability-suite/plugin-reliability-common';
import {
  Checklist,
  assessReadiness,
  dependencyRefs,
  tierOf,
} from './assessReadiness';

/**
 * The entity's owner as the catalog resolved it (its `ownedBy` relation): a group before a user.
 */
export function ownerRefOf(entity: Entity): string | undefined {
  const owners = (entity.relations ?? []).filter(
    r => r.type === RELATION_OWNED_BY,
  );
  return (
    owners.find(r => r.targetRef.startsWith('group:')) ??
    owners.find(r => r.targetRef.startsWith('user:'))
  )?.targetRef;
}

/**
 * The entities an entity's profile and readiness are resolved with: its owner (a group lends its
 * on-call) and its dependencies (their tiers). Both the Reliability tab and the scorecard look
 * them up as the service sees the catalog, so that both show the same figures.
 */
export function relatedRefsOf(entity: Entity): string[] {
  const owner = ownerRefOf(entity);
  return [...(owner ? [owner] : []), ...dependencyRefs(entity)];
}

/** What one entity's profile is resolved from. */
export interface ProfileSources {
  entity: Entity;
  /** The related entities (`relatedRefsOf`) the catalog has, by ref. */
  related: (entityRef: string) => Entity | undefined;
  /** Its stored definitions, if read. */
  definitions?: {
    slos: SloDefinition[];
    problems: DefinitionProblem[];
    readAt?: number;
  };
  tiers: ReadonlyArray<TierDefinition>;
  paging: PagingLinkTemplates;
  now: number;
}

/**
 * The profile the tab and the scorecard show: on-call inherited from an owning group only. An
 * entity that declares reliability definitions the pipeline has not read yet is `pending`: its
 * SLOs are not known, so they are not reported missing.
 */
export function entityProfile(sources: ProfileSources): ReliabilityProfile {
  const owner = ownerRefOf(sources.entity);
  const definitions = sources.definitions;
  const profile = resolveProfile({
    entity: sources.entity,
    ownerGroup: owner?.startsWith('group:')
      ? sources.related(owner)
      : undefined,
    definitions: definitions
      ? {
          slos: definitions.slos,
          problems: definitions.problems,
          ...(definitions.readAt === undefined
            ? {}
            : { readAt: new Date(definitions.readAt).toISOString() }),
        }
      : { slos: [], problems: [] },
    tiers: sources.tiers,
    paging: sources.paging,
    now: new Date(sources.now),
  });
  if (definitions || !declaresReliability(sources.entity)) return profile;
  return {
    ...profile,
    missing: profile.missing.filter(item => item.requirement !== 'slos'),
    pending: true,
  };
}

/** What one entity's readiness is assessed from, besides its profile. */
export interface ReadinessSources {
  entity: Entity;
  related: (entityRef: string) => Entity | undefined;
  /** The stored statuses of its SLOs (those no longer defined are left out here). */
  statuses: ReadonlyArray<SloStatus>;
  /** The alert audit of its SLOs, if it ran. */
  alertAudits?: ReadonlyArray<SloAlertAudit>;
  events: ReadinessEvent[];
  checklist: Checklist;
  now: number;
}

/**
 * The statuses and audits of the SLOs the profile defines: a removed SLO's stored status or
 * audit counts nowhere, and an audit whose source could not be read says nothing.
 */
export function definedSloFigures(
  profile: ReliabilityProfile,
  statuses: ReadonlyArray<SloStatus>,
  alertAudits: ReadonlyArray<SloAlertAudit> = [],
) {
  const names = new Set(profile.slos.map(s => s.name));
  return {
    statuses: statuses.filter(s => names.has(s.sloName)),
    alertAudits: alertAudits.filter(
      a => names.has(a.sloName) && a.status !== 'unknown',
    ),
  };
}

/** The readiness the tab and the scorecard show, from the same inputs. */
export function entityReadiness(
  profile: ReliabilityProfile,
  sources: ReadinessSources,
): ReadinessSummary {
  const { statuses, alertAudits } = definedSloFigures(
    profile,
    sources.statuses,
    sources.alertAudits,
  );
  return assessReadiness(
    {
      profile,
      statuses,
      alertAudits,
      dependencies: dependencyRefs(sources.entity).flatMap(ref => {
        const dependency = sources.related(ref);
        return dependency
          ? [{ entityRef: ref, tierLevel: tierOf(dependency) }]
          : [];
      }),
      events: sources.events,
    },
    sources.checklist,
    sources.now,
  );
}
