import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The portal path of an entity's tab, e.g. `/catalog/default/component/checkout/reliability`. */
export function entityTabPath(
  entityRef: string,
  tab: 'reliability' | 'readiness',
): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/${tab}`;
}

/** What notifications call an entity: its title, or its name. */
export function entityLabel(entity: Entity): string {
  return entity.metadata.title || entity.metadata.name;
}

/** The entity's owners (groups or users) as entity refs, from its ownedBy relations. */
export function ownerRefs(entity: Entity): string[] {
  return [
    ...new Set(
      (entity.relations ?? [])
        .filter(relation => relation.type === RELATION_OWNED_BY)
        .map(relation => relation.targetRef),
    ),
  ];
}

/**
 * Reviewer names as entity refs (`alice` is `user:default/alice`); names that are no entity ref
 * are left out, as nobody could receive them.
 */
export function recipientRefs(names: string[]): string[] {
  return [
    ...new Set(
      names.flatMap(name => {
        try {
          return [
            stringifyEntityRef(
              parseEntityRef(name.trim(), {
                defaultKind: 'user',
                defaultNamespace: 'default',
              }),
            ),
          ];
        } catch {
          return [];
        }
      }),
    ),
  ];
}
