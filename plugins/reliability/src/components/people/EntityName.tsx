import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

function parsed(
  entityRef: string,
  defaultKind: string,
): CompoundEntityRef | undefined {
  try {
    return parseEntityRef(entityRef, {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
}

/**
 * A user or group as Backstage shows it: its display name or title (the entity presentation API),
 * linked to its catalog page. A reference that does not parse is printed as it came.
 */
export function EntityName({
  entityRef,
  defaultKind = 'user',
  hideIcon = true,
}: {
  entityRef: string;
  defaultKind?: 'user' | 'group';
  hideIcon?: boolean;
}) {
  const ref = parsed(entityRef, defaultKind);
  if (!ref) return <>{entityRef}</>;
  return (
    <EntityRefLink
      entityRef={ref}
      defaultKind={defaultKind}
      hideIcon={hideIcon}
    />
  );
}

/** Several users or groups, comma-separated, each as `EntityName` shows it. */
export function EntityNames({
  entityRefs,
  defaultKind = 'user',
}: {
  entityRefs: string[];
  defaultKind?: 'user' | 'group';
}) {
  return (
    <>
      {entityRefs.map((entityRef, i) => (
        <span key={`${i}:${entityRef}`}>
          {i > 0 && ', '}
          <EntityName entityRef={entityRef} defaultKind={defaultKind} />
        </span>
      ))}
    </>
  );
}
