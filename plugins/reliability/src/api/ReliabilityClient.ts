import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityReadiness,
  EntitySlos,
  ReadinessEvent,
  ReliabilityProfile,
} from '@reliability-suite/plugin-reliability-common';
import {
  AttestationRequest,
  LaunchReviewRequest,
  ReliabilityApi,
  ReviewActionRequest,
  WaiverRequest,
} from './ReliabilityApi';

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

  getReadiness(entity: CompoundEntityRef): Promise<EntityReadiness> {
    return this.json(`readiness/${entityPath(entity)}`);
  }

  getReadinessEvents(entity: CompoundEntityRef): Promise<ReadinessEvent[]> {
    return this.json(`readiness/${entityPath(entity)}/events`);
  }

  attest(
    entity: CompoundEntityRef,
    request: AttestationRequest,
  ): Promise<EntityReadiness> {
    return this.post(`readiness/${entityPath(entity)}/attestations`, request);
  }

  waive(
    entity: CompoundEntityRef,
    request: WaiverRequest,
  ): Promise<EntityReadiness> {
    return this.post(`readiness/${entityPath(entity)}/waivers`, request);
  }

  openReview(
    entity: CompoundEntityRef,
    request: LaunchReviewRequest,
  ): Promise<EntityReadiness> {
    return this.post(`readiness/${entityPath(entity)}/reviews`, request);
  }

  actOnReview(
    reviewId: number,
    request: ReviewActionRequest,
  ): Promise<EntityReadiness> {
    return this.post(`reviews/${reviewId}/actions`, request);
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return this.json(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
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
