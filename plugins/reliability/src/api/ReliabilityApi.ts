import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';

/** Client of the Reliability Suite backend. */
export interface ReliabilityApi {
  getProfile(entity: CompoundEntityRef): Promise<ReliabilityProfile>;
}

export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
