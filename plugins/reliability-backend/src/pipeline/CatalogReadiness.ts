import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CatalogService,
  locationSpecToMetadataName,
} from '@backstage/plugin-catalog-node';
import { CatalogObservation, SettleTracker } from './settle';

/** A location of `catalog.locations` and the Location entity the catalog makes of it. */
export interface ConfiguredLocation {
  /** e.g. `file:/srv/catalog/all.yaml` */
  spec: string;
  /** e.g. `location:default/generated-3f2a…` */
  entityRef: string;
}

/**
 * The locations of `catalog.locations`, named as the catalog names their Location entities (file
 * targets resolved from the working directory, as the catalog's config provider does). Empty when
 * the catalog runs elsewhere and its locations are not in this backend's config.
 */
export function configuredLocations(config: Config): ConfiguredLocation[] {
  return (config.getOptionalConfigArray('catalog.locations') ?? []).map(
    location => {
      const type = location.getString('type');
      const raw = location.getString('target');
      const target = type === 'file' ? path.resolve(raw) : raw;
      return {
        spec: `${type}:${target}`,
        entityRef: stringifyEntityRef({
          kind: 'Location',
          namespace: 'default',
          name: locationSpecToMetadataName({ type, target }),
        }),
      };
    },
  );
}

/** How the wait for the catalog ended. */
export type CatalogWaitOutcome = 'loaded' | 'timeout' | 'aborted';

/**
 * Whether the catalog has finished its first processing of all locations (see SettleTracker),
 * watched by polling it with the plugin's own credentials.
 */
export class CatalogReadiness {
  private readonly tracker: SettleTracker;
  private loadedAt?: number;
  private last?: CatalogObservation;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      locations: ConfiguredLocation[];
      /** How long the entity count must stay the same. */
      quietMs: number;
      /** Longest wait for the first cycle. */
      maxWaitMs: number;
      /** Time between two looks. Default: a fifth of quietMs, 200 ms to 2 s. */
      pollMs?: number;
    },
  ) {
    this.tracker = new SettleTracker(deps.quietMs);
  }

  /** Whether the catalog has been seen loaded. */
  get loaded(): boolean {
    return this.loadedAt !== undefined;
  }

  /**
   * Waits until the catalog has loaded, or `maxWaitMs` at most: the moment the first cycle
   * starts. Logs which way it ended.
   */
  async waitForFirstCycle(signal: AbortSignal): Promise<CatalogWaitOutcome> {
    const startedAt = Date.now();
    const outcome = await this.poll(signal, startedAt + this.deps.maxWaitMs);
    const waited = ((Date.now() - startedAt) / 1000).toFixed(1);
    if (outcome === 'loaded') {
      this.deps.logger.info(
        `Catalog loaded after ${waited} s (${
          this.last?.entities ?? 0
        } entities, unchanged for ${
          this.deps.quietMs / 1000
        } s): the first reliability cycle starts now`,
      );
    } else if (outcome === 'timeout') {
      const unread = this.unreadSpecs();
      this.deps.logger.warn(
        `Catalog not loaded after ${waited} s (${
          this.last?.entities ?? 'unknown number of'
        } entities${
          unread.length ? `; locations not read yet: ${unread.join(', ')}` : ''
        }): the first reliability cycle starts now, its snapshot marked incomplete until the catalog has loaded`,
      );
    }
    return outcome;
  }

  /** Keeps watching until the catalog has loaded (after a timed-out wait); false when aborted. */
  async waitUntilLoaded(signal: AbortSignal): Promise<boolean> {
    const outcome = await this.poll(signal, undefined);
    if (outcome === 'loaded') {
      this.deps.logger.info(
        `Catalog loaded (${
          this.last?.entities ?? 0
        } entities): a reliability cycle starts now to read it in full`,
      );
    }
    return outcome === 'loaded';
  }

  private async poll(
    signal: AbortSignal,
    deadline: number | undefined,
  ): Promise<CatalogWaitOutcome> {
    const pollMs =
      this.deps.pollMs ?? Math.min(2000, Math.max(200, this.deps.quietMs / 5));
    for (;;) {
      if (this.loaded) return 'loaded';
      if (signal.aborted) return 'aborted';
      const now = Date.now();
      const observation = await this.look();
      this.last = observation ?? this.last;
      if (this.tracker.observe(now, observation)) {
        this.loadedAt = now;
        return 'loaded';
      }
      if (deadline !== undefined && Date.now() >= deadline) return 'timeout';
      try {
        await sleep(pollMs, undefined, { signal });
      } catch {
        return 'aborted';
      }
    }
  }

  private async look(): Promise<CatalogObservation | undefined> {
    const { catalog, auth, locations } = this.deps;
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const [all, located] = await Promise.all([
        catalog.queryEntities({ limit: 1, fields: ['kind'] }, { credentials }),
        locations.length
          ? catalog.getEntitiesByRefs(
              {
                entityRefs: locations.map(l => l.entityRef),
                fields: ['kind'],
              },
              { credentials },
            )
          : { items: [] },
      ]);
      return {
        entities: all.totalItems,
        unreadLocations: locations
          .filter((_, i) => !located.items[i])
          .map(l => l.spec),
      };
    } catch (error) {
      this.deps.logger.debug(
        `Could not ask the catalog whether it has loaded: ${error}`,
      );
      return undefined;
    }
  }

  private unreadSpecs(): string[] {
    return this.last?.unreadLocations ?? [];
  }
}
