import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { ReliabilitySettings } from '../config';
import { cycleIntervalMinutes } from '../cycleInterval';
import { entityProfile, relatedRefsOf } from '../readiness/entityAssessment';
import { EntityAccess } from './EntityAccess';
import { StoredDefinitionsReader } from './StoredDefinitionsReader';

/** An entity's profile with the related entities it was resolved with. */
export interface ResolvedProfile {
  profile: ReliabilityProfile;
  /** The owner and dependencies as the service sees them, by ref (for readiness). */
  related: (entityRef: string) => Entity | undefined;
}

/**
 * Resolves profiles from the catalog and the stored definitions only, with the function the
 * scorecard's projection uses (`entityProfile`) and the related entities (owner group,
 * dependencies) as the service sees them, as the projection does: the Reliability tab and the
 * scorecard show the same on-call, tier and missing items by construction.
 */
export class ProfileService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      access: EntityAccess;
      definitions: StoredDefinitionsReader;
      settings: ReliabilitySettings;
      auth: AuthService;
    },
  ) {}

  /** The profile of an entity; NotFoundError when the caller cannot see it. */
  async getProfile(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ReliabilityProfile> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    return (await this.resolve(entity)).profile;
  }

  /**
   * The profile of an entity the caller has already read, from the stored definitions only. An
   * entity whose definitions have not been read yet is `pending`: no `definitionsReadAt`, no
   * SLOs reported missing (they are not known yet), and the cycle's interval, within which they
   * are read.
   */
  async resolve(entity: Entity): Promise<ResolvedProfile> {
    const [related, { stored, pending }] = await Promise.all([
      this.relatedEntities(entity),
      this.deps.definitions.of(entity),
    ]);
    const { settings } = this.deps;
    const profile = entityProfile({
      entity,
      related: ref => related.get(ref),
      definitions: stored,
      tiers: settings.tiers,
      paging: settings.paging,
      now: Date.now(),
    });
    return {
      profile: pending
        ? { ...profile, cycleIntervalMinutes: cycleIntervalMinutes(settings) }
        : profile,
      related: ref => related.get(ref),
    };
  }

  private async relatedEntities(entity: Entity): Promise<Map<string, Entity>> {
    const refs = relatedRefsOf(entity);
    if (!refs.length) return new Map();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return new Map(
      items.flatMap(item => (item ? [[stringifyEntityRef(item), item]] : [])),
    );
  }
}
