import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Review } from '@reliability-suite/plugin-reliability-common';
import { OpenReviewsFilter, ReadinessStore } from '../store/ReadinessStore';
import { readableEntities } from './readableEntities';

/** The review queue: open launch reviews across the organisation, of entities the caller may read. */
export class ReviewQueueService {
  constructor(
    private readonly deps: {
      store: Pick<ReadinessStore, 'openReviews'>;
      catalog: CatalogService;
      permissions: PermissionsService;
    },
  ) {}

  async openReviews(
    filter: OpenReviewsFilter,
    credentials: BackstageCredentials,
  ): Promise<{ reviews: Review[] }> {
    const [visibility, reviews] = await Promise.all([
      readableEntities(this.deps, credentials),
      this.deps.store.openReviews(filter),
    ]);
    if ('all' in visibility) return { reviews };
    const visible = new Set(visibility.refs);
    return { reviews: reviews.filter(review => visible.has(review.entityRef)) };
  }
}
