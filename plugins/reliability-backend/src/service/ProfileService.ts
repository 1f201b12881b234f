import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ReliabilityProfile,
  resolveProfile,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilitySettings } from '../config';
import { cycleIntervalMinutes } from '../cycleInterval';
import { EntityAccess } from './EntityAccess';
import { StoredDefinitionsReader } from './StoredDefinitionsReader';

/** Resolves profiles from the catalog (as the caller sees it) and the stored definitions only. */
export class ProfileService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly access: EntityAccess,
    private readonly definitions: StoredDefinitionsReader,
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

  /**
   * The profile of an entity the caller has already read, from the stored definitions only. An
   * entity whose definitions have not been read yet is `pending`: no `definitionsReadAt`, no
   * SLOs reported missing (they are not known yet), and the cycle's interval, within which they
   * are read.
   */
  async profileOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<ReliabilityProfile> {
    const [ownerGroup, { stored, pending }] = await Promise.all([
      this.ownerGroup(entity, credentials),
      this.definitions.of(entity),
    ]);
    const profile = resolveProfile({
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
    if (!pending) return profile;
    return {
      ...profile,
      missing: profile.missing.filter(item => item.requirement !== 'slos'),
      pending: true,
      cycleIntervalMinutes: cycleIntervalMinutes(this.settings),
    };
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
