import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Visibility } from '../store/ScorecardStore';
import { PROFILE_KINDS } from '../sync/DefinitionsSync';

/**
 * Which profile entities the caller may read, decided by the permission framework for catalog
 * reads, as the scorecard decides it: allowed for all (the common case) filters nothing; a
 * conditional decision asks the catalog, once, which profile entities the caller can see.
 */
export async function readableEntities(
  deps: { permissions: PermissionsService; catalog: CatalogService },
  credentials: BackstageCredentials,
): Promise<Visibility> {
  const [decision] = await deps.permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return { all: true };
  if (decision.result === AuthorizeResult.DENY) return { refs: [] };
  const { items } = await deps.catalog.getEntities(
    {
      filter: { kind: PROFILE_KINDS },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  return { refs: items.map(entity => stringifyEntityRef(entity)) };
}
