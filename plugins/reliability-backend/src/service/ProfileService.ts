import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ReliabilityProfile,
  resolveProfile,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilitySettings } from '../config';
import { DefinitionsSync } from '../sync/DefinitionsSync';
import { EntityAccess } from './EntityAccess';

/** Resolves profiles from the catalog (as the caller sees it) and the stored definitions. */
export class ProfileService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly access: EntityAccess,
    private readonly sync: DefinitionsSync,
    private readonly settings: ReliabilitySettings,
  ) {}

  /** The profile of an entity; NotFoundError when the caller cannot see it. */
  async getProfile(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ReliabilityProfile> {
    return this.profileOf(
      await this.access.visibleEntity(entityRef, credentials),
      credentials,
    );
  }

  /** The profile of an entity the caller has already read. */
  async profileOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<ReliabilityProfile> {
    const [ownerGroup, stored] = await Promise.all([
      this.ownerGroup(entity, credentials),
      this.sync.storedOrRead(entity),
    ]);
    return resolveProfile({
      entity,
      ownerGroup,
      definitions: stored
        ? {
            slos: stored.slos,
            problems: stored.problems,
            readAt: new Date(stored.readAt).toISOString(),
          }
        : { slos: [], problems: [] },
      tiers: this.settings.tiers,
      paging: this.settings.paging,
      now: new Date(),
    });
  }

  private async ownerGroup(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string') return undefined;
    const ownerRef = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace,
    });
    return this.catalog.getEntityByRef(ownerRef, { credentials });
  }
}
