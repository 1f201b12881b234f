import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { ReliabilityApi } from './ReliabilityApi';

/** Talks to /api/reliability with the signed-in user's token. */
export class ReliabilityClient implements ReliabilityApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getProfile({
    kind,
    namespace,
    name,
  }: CompoundEntityRef): Promise<ReliabilityProfile> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('reliability');
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}/profile/${path}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
