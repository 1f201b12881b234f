import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntitySlos,
  ReliabilityProfile,
} from '@reliability-suite/plugin-reliability-common';

/** Client of the Reliability Suite backend. */
export interface ReliabilityApi {
  getProfile(entity: CompoundEntityRef): Promise<ReliabilityProfile>;
  /** SLOs with their latest stored status. */
  getSlos(entity: CompoundEntityRef): Promise<EntitySlos>;
  /** Evaluates the entity's SLOs now (needs permission `reliability.slo.evaluate`). */
  evaluateNow(entity: CompoundEntityRef): Promise<EntitySlos>;
  /** Prometheus recording and alerting rules for the entity's SLOs, as YAML. */
  getPrometheusRules(entity: CompoundEntityRef): Promise<string>;
}

export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
