import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { declaresReliability } from '@reliability-suite/plugin-reliability-common';
import { StoredDefinitions } from '../store/DefinitionsStore';

/** An entity's definitions as stored, or why there are none. */
export interface EntityDefinitionsState {
  stored?: StoredDefinitions;
  /**
   * The entity declares reliability definitions that the pipeline has not read yet (new in the
   * catalog, or the first cycle has not reached it): nothing is known about them.
   */
  pending: boolean;
}

/**
 * What the read routes know of an entity's definitions: only what the store holds. Reading the
 * entity's files is the pipeline's job (and "evaluate now"'s), never a GET's.
 */
export class StoredDefinitionsReader {
  constructor(
    private readonly store: {
      get(entityRef: string): Promise<StoredDefinitions | undefined>;
    },
  ) {}

  async of(entity: Entity): Promise<EntityDefinitionsState> {
    const stored = await this.store.get(stringifyEntityRef(entity));
    return { stored, pending: !stored && declaresReliability(entity) };
  }
}
