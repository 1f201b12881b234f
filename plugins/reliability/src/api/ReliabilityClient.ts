import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntitySlos,
  ReliabilityProfile,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilityApi } from './ReliabilityApi';

/** Talks to /api/reliability with the signed-in user's token. */
export class ReliabilityClient implements ReliabilityApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getProfile(entity: CompoundEntityRef): Promise<ReliabilityProfile> {
    return this.json(`profile/${entityPath(entity)}`);
  }

  getSlos(entity: CompoundEntityRef): Promise<EntitySlos> {
    return this.json(`slos/${entityPath(entity)}`);
  }

  evaluateNow(entity: CompoundEntityRef): Promise<EntitySlos> {
    return this.json(`slos/${entityPath(entity)}/evaluate`, { method: 'POST' });
  }

  async getPrometheusRules(entity: CompoundEntityRef): Promise<string> {
    return (await this.fetch(`rules/${entityPath(entity)}`)).text();
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.fetch(path, init)).json();
  }

  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('reliability');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}/${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}
