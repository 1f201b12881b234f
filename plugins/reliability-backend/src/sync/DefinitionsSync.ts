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
  readEntityDefinitions,
} from '@reliability-suite/plugin-reliability-node';
import { DefinitionsStore, StoredDefinitions } from '../store/DefinitionsStore';

/** Kinds that carry a reliability profile. */
export const PROFILE_KINDS = ['Component', 'System', 'API', 'Resource'];

const PAGE_SIZE = 200;
/** Most entities that may fail in one sync for entities gone from the catalog to be removed. */
const MAX_FAILED_FOR_REMOVAL = 100;

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

  async syncAll(): Promise<{ read: number; failed: number; removed: number }> {
    const { catalog, auth, store, logger } = this.options;
    const startedAt = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    let read = 0;
    const failed: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter: { kind: PROFILE_KINDS }, limit: PAGE_SIZE },
        { credentials },
      );
      const entities = page.items.filter(declaresReliability);
      await forEachLimit(entities, this.options.concurrency, async entity => {
        try {
          await this.syncEntity(entity, startedAt);
        } catch (error) {
          failed.push(stringifyEntityRef(entity));
          logger.error(
            `Could not store reliability definitions of ${stringifyEntityRef(
              entity,
            )}`,
            error as Error,
          );
        }
      });
      read += entities.length;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    // An entity that failed is still in the catalog: keep what it had; remove the ones gone.
    // When many fail, the store itself is in trouble: remove nothing this time.
    const removed =
      failed.length <= MAX_FAILED_FOR_REMOVAL
        ? await store.deleteNotReadSince(startedAt, failed)
        : 0;
    logger.info(
      `Read reliability definitions of ${read} entities (${failed.length} failed), removed ${removed}`,
    );
    return { read, failed: failed.length, removed };
  }

  /**
   * The stored definitions of an entity. One the scheduled sync has not reached yet (new in the
   * catalog) is read now, so a new service does not wait for the next sync.
   */
  async storedOrRead(entity: Entity): Promise<StoredDefinitions | undefined> {
    const ref = stringifyEntityRef(entity);
    const stored = await this.options.store.get(ref);
    if (stored || !declaresReliability(entity)) return stored;
    await this.syncEntity(entity);
    return this.options.store.get(ref);
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
      { keepSlos: definitions.unreadable },
    );
  }
}

async function forEachLimit<T>(
  items: T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await run(items[next++]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
}
