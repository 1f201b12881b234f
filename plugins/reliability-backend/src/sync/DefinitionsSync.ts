import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { declaresReliability } from '@reliability-suite/plugin-reliability-common';
import {
  DefinitionReadContext,
  definitionsUnchanged,
  readEntityDefinitions,
} from '@reliability-suite/plugin-reliability-node';
import { DefinitionsStore } from '../store/DefinitionsStore';
import { catalogPages } from '../catalog/catalogPages';

/** Kinds that carry a reliability profile. */
export const PROFILE_KINDS = ['Component', 'System', 'API', 'Resource'];

/** Entities per catalog page: their files are read `concurrency` at a time. */
const PAGE_SIZE = 200;
/** Most entities that may fail in one sync for entities gone from the catalog to be removed. */
const MAX_FAILED_FOR_REMOVAL = 100;

/** What one sync did. */
export interface SyncSummary {
  /** Entities read (each declaring reliability definitions). */
  read: number;
  /** Of those, the ones whose definitions could not be stored. */
  failed: number;
  /**
   * Of those, the ones confirmed unchanged by conditional requests (same inputs, every file at the
   * ETag it was read at), whose files were neither fetched nor parsed.
   */
  unchanged: number;
  /** Entities removed from the store: gone from the catalog. */
  removed: number;
  /** Every entity of the catalog was reached (the sync was not stopped). */
  complete: boolean;
}

interface DefinitionsSyncOptions {
  catalog: CatalogService;
  auth: AuthService;
  store: DefinitionsStore;
  logger: LoggerService;
  readContext: DefinitionReadContext;
  /** Entities read at once. */
  concurrency: number;
}

/**
 * Reads the reliability definitions of every catalog entity that declares any, page by page,
 * and stores them; entities gone from the catalog are removed from the store.
 */
export class DefinitionsSync {
  constructor(private readonly options: DefinitionsSyncOptions) {}

  /**
   * Reads every entity's definitions. When `signal` aborts, no further entity is started (those
   * being read finish) and nothing is removed: entities not reached are not gone. Returns the
   * counts and whether every entity was reached (`complete`).
   */
  async syncAll(signal?: AbortSignal): Promise<SyncSummary> {
    const { catalog, auth, store } = this.options;
    const startedAt = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    let read = 0;
    let unchanged = 0;
    const failed: string[] = [];
    for await (const entities of catalogPages(
      catalog,
      { kinds: PROFILE_KINDS, credentials, pageSize: PAGE_SIZE },
      signal,
    )) {
      const done = await this.syncPage(
        entities.filter(declaresReliability),
        startedAt,
        signal,
      );
      await store.markRead(done.confirmed, startedAt);
      read += done.read;
      unchanged += done.confirmed.length;
      failed.push(...done.failed);
    }
    const complete = !signal?.aborted;
    // An entity that failed is still in the catalog: keep what it had; remove the ones gone.
    // When many fail, the store itself is in trouble: remove nothing this time.
    const removed =
      complete && failed.length <= MAX_FAILED_FOR_REMOVAL
        ? await store.deleteNotReadSince(startedAt, failed)
        : 0;
    return { read, failed: failed.length, unchanged, removed, complete };
  }

  /**
   * Reads the entities of one page, `concurrency` at a time: an entity whose record is confirmed
   * by conditional requests is only confirmed, the others are read and stored. Returns how many
   * were reached, the refs confirmed unchanged and the refs that failed.
   */
  private async syncPage(
    entities: Entity[],
    startedAt: number,
    signal?: AbortSignal,
  ): Promise<{ read: number; confirmed: string[]; failed: string[] }> {
    const { store, logger } = this.options;
    const records = await store.readRecords(
      entities.map(entity => stringifyEntityRef(entity)),
    );
    const confirmed: string[] = [];
    const failed: string[] = [];
    let read = 0;
    await forEachLimit(
      entities,
      this.options.concurrency,
      async entity => {
        try {
          const entityRef = stringifyEntityRef(entity);
          const record = records.get(entityRef);
          const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
          if (
            record &&
            location &&
            (await definitionsUnchanged(
              entity,
              location,
              record,
              this.options.readContext,
            ))
          ) {
            confirmed.push(entityRef);
          } else {
            await this.syncEntity(entity, startedAt);
          }
        } catch (error) {
          failed.push(stringifyEntityRef(entity));
          logger.error(
            `Could not store reliability definitions of ${stringifyEntityRef(
              entity,
            )}`,
            error as Error,
          );
        }
        read += 1;
      },
      signal,
    );
    return { read, confirmed, failed };
  }

  /** Reads one entity's files and stores the result; never throws for bad files. */
  async syncEntity(entity: Entity, readAt = Date.now()): Promise<void> {
    const entityRef = stringifyEntityRef(entity);
    const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!location) {
      this.options.logger.warn(
        `${entityRef} has no ${ANNOTATION_LOCATION} annotation; skipped`,
      );
      return;
    }
    const definitions = await readEntityDefinitions(
      entity,
      location,
      this.options.readContext,
    );
    await this.options.store.save(
      {
        entityRef,
        settings: definitions.settings,
        slos: definitions.slos,
        problems: definitions.problems,
        readAt,
      },
      { keepSlos: definitions.unreadable, record: definitions.record },
    );
  }
}

/** Runs `run` over the items, `limit` at a time; starts no item once `signal` aborts. */
async function forEachLimit<T>(
  items: T[],
  limit: number,
  run: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      await run(items[next++]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
}
