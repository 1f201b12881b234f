import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Review } from '@reliability-suite/plugin-reliability-common';
import { OpenReviewsFilter, ReadinessStore } from '../store/ReadinessStore';
import { readableEntities } from './readableEntities';

/** The review queue's filters as `GET /reviews` takes them. */
export interface ReviewQueueFilter
  extends Omit<OpenReviewsFilter, 'reviewers'> {
  /**
   * `me`: reviews the caller may decide (naming the caller or one of the caller's groups). A
   * group ref: reviews naming the group or one of its members. A user ref: reviews naming the
   * user or one of the user's groups.
   */
  reviewer?: string;
}

/** The review queue: open launch reviews across the organisation, of entities the caller may read. */
export class ReviewQueueService {
  constructor(
    private readonly deps: {
      store: Pick<ReadinessStore, 'openReviews'>;
      catalog: CatalogService;
      permissions: PermissionsService;
      userInfo: UserInfoService;
    },
  ) {}

  async openReviews(
    filter: ReviewQueueFilter,
    credentials: BackstageCredentials,
  ): Promise<{ reviews: Review[] }> {
    const { reviewer, ...rest } = filter;
    const reviewers = reviewer
      ? await this.reviewerRefs(reviewer, credentials)
      : undefined;
    const [visibility, reviews] = await Promise.all([
      readableEntities(this.deps, credentials),
      this.deps.store.openReviews({ ...rest, reviewers }),
    ]);
    if ('all' in visibility) return { reviews };
    const visible = new Set(visibility.refs);
    return { reviews: reviews.filter(review => visible.has(review.entityRef)) };
  }

  /** The refs a review may name to be the reviewer's, read with the caller's own access. */
  private async reviewerRefs(
    reviewer: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (reviewer.toLocaleLowerCase('en-US') === 'me') {
      if ((credentials.principal as { type?: string }).type !== 'user')
        throw new InputError(
          'reviewer "me" needs a signed-in user; a service names a user or group ref',
        );
      return (await this.deps.userInfo.getUserInfo(credentials))
        .ownershipEntityRefs;
    }
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(reviewer.toLocaleLowerCase('en-US'), {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      return [reviewer];
    }
    const entity = await this.deps.catalog.getEntityByRef(ref, {
      credentials,
    });
    const relation = ref.startsWith('group:')
      ? RELATION_HAS_MEMBER
      : RELATION_MEMBER_OF;
    return [
      ref,
      ...(entity?.relations ?? [])
        .filter(r => r.type === relation)
        .map(r => r.targetRef),
    ];
  }
}
