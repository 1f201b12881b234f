import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeployGateDecision,
  DeployGateOverride,
  EntityAlerts,
  EntityReadiness,
  EntitySlos,
  ReadinessEvent,
  ReliabilityProfile,
  Review,
  ScorecardFilter,
  ScorecardPage,
  ScorecardRollupDimension,
  ScorecardTrendPoint,
  TierDefinition,
  WeeklyReview,
} from '@reliability-suite/plugin-reliability-common';
import { downloadFile } from '../components/downloadFile';
import {
  AttestationRequest,
  DeployGateOverrideRequest,
  LaunchReviewRequest,
  ReliabilityApi,
  ReviewActionRequest,
  ScorecardExportFormat,
  ScorecardRollups,
  ScorecardTrendsFilter,
  WaiverRequest,
} from './ReliabilityApi';
import { ReviewQueueFilter, reviewQueueParams } from './reviewQueueParams';
import {
  ScorecardQuery,
  scorecardFilterParams,
  scorecardQueryParams,
} from './scorecardParams';

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

  getAlerts(entity: CompoundEntityRef): Promise<EntityAlerts> {
    return this.json(`alerts/${entityPath(entity)}`);
  }

  getDeployGate(entity: CompoundEntityRef): Promise<DeployGateDecision> {
    return this.json(withQuery('deploy-gate', entityRefParams(entity)));
  }

  async getDeployGateOverrides(
    entity: CompoundEntityRef,
  ): Promise<DeployGateOverride[]> {
    const body: { overrides: DeployGateOverride[] } = await this.json(
      withQuery('deploy-gate/overrides', entityRefParams(entity)),
    );
    return body.overrides;
  }

  overrideDeployGate(
    entity: CompoundEntityRef,
    request: DeployGateOverrideRequest,
  ): Promise<DeployGateDecision> {
    return this.post('deploy-gate/overrides', {
      entityRef: stringifyEntityRef(entity),
      ...request,
    });
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

  async getOpenReviews(filter: ReviewQueueFilter): Promise<Review[]> {
    const body: { reviews: Review[] } = await this.json(
      withQuery('reviews', reviewQueueParams(filter)),
    );
    return body.reviews;
  }

  async getTiers(): Promise<TierDefinition[]> {
    const body: { tiers: TierDefinition[] } = await this.json('tiers');
    return [...body.tiers].sort((a, b) => a.level - b.level);
  }

  getScorecard(query: ScorecardQuery): Promise<ScorecardPage> {
    return this.json(withQuery('scorecard', scorecardQueryParams(query)));
  }

  getScorecardRollups(
    by: ScorecardRollupDimension,
    filter: ScorecardFilter,
  ): Promise<ScorecardRollups> {
    const params = scorecardFilterParams(filter);
    params.set('by', by);
    return this.json(withQuery('scorecard/rollups', params));
  }

  async getScorecardTrends(
    days: number,
    filter: ScorecardTrendsFilter,
  ): Promise<ScorecardTrendPoint[]> {
    const params = scorecardFilterParams({
      owners: filter.owners,
      tiers: filter.tiers,
    });
    params.set('days', String(days));
    const trends: { days: ScorecardTrendPoint[] } = await this.json(
      withQuery('scorecard/trends', params),
    );
    return trends.days;
  }

  getWeeklyReview(week?: string): Promise<WeeklyReview> {
    const params = new URLSearchParams();
    if (week) params.set('week', week);
    return this.json(withQuery('scorecard/weekly', params));
  }

  async exportScorecard(
    format: ScorecardExportFormat,
    query: ScorecardQuery,
  ): Promise<void> {
    // Every row of the view: the page is not part of an export.
    const params = scorecardQueryParams({ ...query, page: 1 });
    params.delete('pageSize');
    params.set('format', format);
    const response = await this.fetch(withQuery('scorecard/export', params));
    const blob = await response.blob();
    downloadFile(
      blob,
      format === 'csv' ? 'text/csv' : 'application/json',
      attachmentName(response) ?? `reliability-scorecard.${format}`,
    );
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

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The file name of a `Content-Disposition: attachment; filename="…"` answer. */
function attachmentName(response: Response): string | undefined {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(disposition)?.[1];
}

/** `entityRef=component:default/checkout`, as the deploy gate's routes take the entity. */
function entityRefParams(entity: CompoundEntityRef): URLSearchParams {
  return new URLSearchParams({ entityRef: stringifyEntityRef(entity) });
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}
