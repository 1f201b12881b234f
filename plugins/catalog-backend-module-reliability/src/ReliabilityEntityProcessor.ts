import { ENTITY_STATUS_CATALOG_PROCESSING_TYPE } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity, EntityStatusItem } from '@backstage/catalog-model/alpha';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DefinitionProblem,
  declaresReliability,
  formatProblem,
} from '@reliability-suite/plugin-reliability-common';
import {
  DefinitionReadContext,
  DefinitionReadRecord,
  definitionsUnchanged,
  readEntityDefinitions,
} from '@reliability-suite/plugin-reliability-node';

/** The processor cache's key for the problems found and the read record they came from. */
const CACHE_KEY = 'reliability-definitions';

/** What the processor keeps in the catalog's processor cache between processing runs. */
interface CachedCheck {
  record: DefinitionReadRecord;
  problems: DefinitionProblem[];
}

/** A cached check as the processor cache's JSON type (it holds only JSON values). */
const asJson = (check: CachedCheck) =>
  check as unknown as Parameters<CatalogProcessorCache['set']>[1];

/** Name of the error in status items, as the processing-errors panel shows it. */
export const RELIABILITY_ERROR_NAME = 'ReliabilityDefinitionError';

export interface ReliabilityEntityProcessorOptions
  extends DefinitionReadContext {
  /** Report problems as processing errors (blocking the entity) instead of status items. */
  blockInvalidEntities: boolean;
}

function statusItem(problem: DefinitionProblem): EntityStatusItem {
  const message = formatProblem(problem);
  return {
    type: ENTITY_STATUS_CATALOG_PROCESSING_TYPE,
    level: 'error',
    message: `${RELIABILITY_ERROR_NAME}: ${message}`,
    error: { name: RELIABILITY_ERROR_NAME, message },
  };
}

/**
 * Validates an entity's reliability profile (annotations, inline SLOs and the OpenSLO files it
 * points to) each time the catalog processes it, and reports every problem as
 * `file:line field: reason`.
 */
export class ReliabilityEntityProcessor implements CatalogProcessor {
  constructor(private readonly options: ReliabilityEntityProcessorOptions) {}

  getProcessorName(): string {
    return 'ReliabilityEntityProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache?: CatalogProcessorCache,
  ): Promise<Entity> {
    if (!declaresReliability(entity)) {
      return entity;
    }
    const locationRef = `${location.type}:${location.target}`;
    let problems: DefinitionProblem[];
    try {
      problems = await this.check(entity, locationRef, cache);
    } catch {
      // Reading reports every problem itself; should anything still throw, the entity must not
      // be withheld from the catalog, and the error (which may hold a path) is not shown.
      problems = [
        {
          file: 'catalog-info.yaml',
          field: '',
          message: 'the reliability definitions could not be read',
          unreadable: true,
        },
      ];
    }
    if (problems.length === 0) {
      return entity;
    }
    if (this.options.blockInvalidEntities) {
      for (const problem of problems) {
        emit(processingResult.inputError(location, formatProblem(problem)));
      }
      return entity;
    }
    const { status } = entity as AlphaEntity;
    const withStatus: AlphaEntity = {
      ...entity,
      status: {
        ...status,
        items: [...(status?.items ?? []), ...problems.map(statusItem)],
      },
    };
    return withStatus;
  }

  /**
   * The entity's problems. The catalog's processor cache keeps them with the read record they
   * came from, also across restarts: when the record is confirmed (same inputs, every file at the
   * same ETag) no file content is fetched and nothing is parsed again.
   */
  private async check(
    entity: Entity,
    locationRef: string,
    cache?: CatalogProcessorCache,
  ): Promise<DefinitionProblem[]> {
    const cached = (await cache?.get(CACHE_KEY)) as CachedCheck | undefined;
    if (
      cached?.record &&
      Array.isArray(cached.problems) &&
      (await definitionsUnchanged(
        entity,
        locationRef,
        cached.record,
        this.options,
      ))
    ) {
      // The catalog keeps only what is set again in each processing run.
      await cache!.set(CACHE_KEY, asJson(cached));
      return cached.problems;
    }
    const { problems, record } = await readEntityDefinitions(
      entity,
      locationRef,
      this.options,
    );
    if (record && cache) {
      await cache.set(CACHE_KEY, asJson({ record, problems }));
    }
    return problems;
  }
}
