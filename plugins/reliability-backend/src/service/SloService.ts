import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntitySlos,
  formatProblem,
  sloEvaluatePermission,
  sloFreshness,
  worstFreshness,
  worstPolicyState,
} from '@reliability-suite/plugin-reliability-common';
import { PolicySettings, policyFor } from '../config';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { DefinitionsSync } from '../sync/DefinitionsSync';
import { StatusStore } from '../store/StatusStore';
import { EntityAccess } from './EntityAccess';
import { StoredDefinitionsReader } from './StoredDefinitionsReader';

/**
 * Serves SLO status from the store only; never reads files nor waits on a metric source, except
 * "evaluate now".
 */
export class SloService {
  constructor(
    private readonly deps: {
      access: EntityAccess;
      definitions: StoredDefinitionsReader;
      sync: DefinitionsSync;
      statuses: StatusStore;
      evaluator: SloEvaluator;
      policies: PolicySettings;
      /** How often SLOs are evaluated: figures older than two intervals are stale. */
      evaluationIntervalMs: number;
    },
  ) {}

  async getEntitySlos(
    entityRef: string,
    credentials: BackstageCredentials,
    now = Date.now(),
  ): Promise<EntitySlos> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const [{ stored, pending }, statuses] = await Promise.all([
      this.deps.definitions.of(entity),
      this.deps.statuses.forEntity(ref),
    ]);
    const unreadable = (stored?.problems ?? [])
      .filter(problem => problem.unreadable)
      .map(formatProblem);
    const slos = (stored?.slos ?? []).map(definition => {
      const status = statuses.get(definition.name) ?? {
        sloName: definition.name,
        state: 'pending' as const,
      };
      return {
        definition,
        status,
        freshness: sloFreshness(status, now, this.deps.evaluationIntervalMs),
        // The entity's own file was read; its SLO files were not.
        ...(unreadable.length && definition.source.format === 'openslo'
          ? { definitionUnreadable: true }
          : {}),
      };
    });
    return {
      entityRef: ref,
      policy: policyFor(
        this.deps.policies,
        stored?.settings ?? { sloFilePatterns: [] },
      ),
      policyState: worstPolicyState(
        slos.map(s => s.status.figures?.policyState ?? 'nodata'),
      ),
      slos,
      freshness: worstFreshness(slos.map(s => s.freshness)),
      unreadable,
      ...(pending ? { pending: true } : {}),
    };
  }

  /** Evaluates the entity's SLOs now (permission `reliability.slo.evaluate`), then answers as above. */
  async evaluateNow(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntitySlos> {
    const entity = await this.deps.access.visibleEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    await this.deps.access.authorize(sloEvaluatePermission, ref, credentials);
    // The one route that may read the entity's files: when the pipeline has not read them yet.
    if ((await this.deps.definitions.of(entity)).pending) {
      await this.deps.sync.syncEntity(entity);
    }
    await this.deps.evaluator.evaluateEntity(ref);
    return this.getEntitySlos(ref, credentials);
  }
}
