import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OpenReviewsFilter } from '../store/ReadinessStore';
import { ReviewQueueService } from './ReviewQueueService';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'sre', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: 'user:default/olga' },
    { type: 'hasMember', targetRef: 'user:default/sam' },
    { type: 'childOf', targetRef: 'group:default/engineering' },
  ],
};
const user: Entity = {
  apiVersion: 'backstage.io/v1',
  kind: 'User',
  metadata: { name: 'olga', namespace: 'default' },
  spec: {},
  relations: [
    { type: 'memberOf', targetRef: 'group:default/sre' },
    { type: 'memberOf', targetRef: 'group:default/sre-leads' },
  ],
};

/** The reviewer refs the store is asked for, for one `reviewer` filter of `GET /reviews`. */
async function refsAskedFor(reviewer: string | undefined) {
  const asked: OpenReviewsFilter[] = [];
  const queue = new ReviewQueueService({
    store: {
      openReviews: async filter => {
        asked.push(filter);
        return [];
      },
    },
    catalog: catalogServiceMock({ entities: [group, user] }),
    permissions: mockServices.permissions(),
    userInfo: mockServices.userInfo({
      userEntityRef: 'user:default/ivan',
      ownershipEntityRefs: ['user:default/ivan', 'group:default/payments'],
    }),
  });
  await queue.openReviews(
    { reviewer, dueBefore: '2027-01-15' },
    mockCredentials.user('user:default/ivan'),
  );
  return asked[0];
}

describe('the review queue’s reviewer filter', () => {
  it.each<[string | undefined, string[] | undefined]>([
    [undefined, undefined],
    // The caller's own reviews: the caller and the caller's groups, as deciding checks them.
    ['me', ['user:default/ivan', 'group:default/payments']],
    ['Me', ['user:default/ivan', 'group:default/payments']],
    // A group: the group and its members (not its parent).
    [
      'group:default/sre',
      ['group:default/sre', 'user:default/olga', 'user:default/sam'],
    ],
    ['sre', ['group:default/sre', 'user:default/olga', 'user:default/sam']],
    // A user: the user and the user's groups.
    [
      'user:default/Olga',
      ['user:default/olga', 'group:default/sre', 'group:default/sre-leads'],
    ],
    // Not in the catalog: the ref alone.
    ['group:default/nobody', ['group:default/nobody']],
    // No ref at all: matched as written (the store escapes it).
    ['group:', ['group:']],
  ])('reviewer=%s asks for %j', async (reviewer, reviewers) => {
    expect(await refsAskedFor(reviewer)).toEqual({
      dueBefore: '2027-01-15',
      reviewers,
    });
  });

  it('refuses reviewer=me from a service, which has no reviews of its own (400, not a crash)', async () => {
    const queue = new ReviewQueueService({
      store: { openReviews: async () => [] },
      catalog: catalogServiceMock({ entities: [] }),
      permissions: mockServices.permissions(),
      userInfo: mockServices.userInfo(),
    });
    await expect(
      queue.openReviews({ reviewer: 'me' }, mockCredentials.service()),
    ).rejects.toThrow(
      new InputError(
        'reviewer "me" needs a signed-in user; a service names a user or group ref',
      ),
    );
  });
});
