import { ENTITY_STATUS_CATALOG_PROCESSING_TYPE } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity, EntityStatusItem } from '@backstage/catalog-model/alpha';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
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
  readEntityDefinitions,
} from '@reliability-suite/plugin-reliability-node';

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
  ): Promise<Entity> {
    if (!declaresReliability(entity)) {
      return entity;
    }
    let problems: DefinitionProblem[];
    try {
      ({ problems } = await readEntityDefinitions(
        entity,
        `${location.type}:${location.target}`,
        this.options,
      ));
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
}
