import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ScorecardFilter,
  declaresReliability,
} from '@reliability-suite/plugin-reliability-common';

/** Kinds whose Reliability tab rolls up their parts. */
export type PartsKind = 'system' | 'domain';

/**
 * The kind of an entity made of parts (a System of its components, APIs and resources; a Domain
 * of its systems and theirs), or undefined for another kind.
 */
export function partsKindOf(
  entity: Pick<Entity, 'kind'>,
): PartsKind | undefined {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return kind === 'system' || kind === 'domain' ? kind : undefined;
}

/**
 * The scorecard filter of an entity's parts, by the catalog's partOf relations as the projector
 * stored them: a system's rows are those part of it, a domain's those part of it or of its
 * systems.
 */
export function partsFilter(entity: Entity): ScorecardFilter {
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  return partsKindOf(entity) === 'domain'
    ? { domains: [ref] }
    : { systems: [ref] };
}

/**
 * Whether an entity's Reliability tab is the rollup of its parts alone: a Domain, and a System
 * that declares no profile of its own (a System with a tier or SLOs shows its profile as well).
 */
export function showsPartsOnly(entity: Entity): boolean {
  const kind = partsKindOf(entity);
  return (
    kind === 'domain' || (kind === 'system' && !declaresReliability(entity))
  );
}
