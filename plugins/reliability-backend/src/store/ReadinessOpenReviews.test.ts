import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  Review,
  ReviewState,
} from '@reliability-suite/plugin-reliability-common';
import { migratedClient } from './DefinitionsStore';
import { ReadinessStore } from './ReadinessStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const checkout = 'component:default/checkout';
const search = 'component:default/search';
const ledger = 'component:default/ledger';

async function storeOn(databaseId: TestDatabaseId) {
  return new ReadinessStore(
    await migratedClient(
      mockServices.database({
        knex: await databases.init(databaseId),
        migrations: { skip: false },
      }),
    ),
  );
}

const request = (
  entityRef: string,
  createdAt: number,
  fields: { targetDate?: string; reviewers?: string[] } = {},
) => ({
  entityRef,
  reviewers: ['group:default/sre'],
  createdBy: 'user:default/ann',
  createdAt,
  ...fields,
});

/** Opens a review that must open; its review. */
async function opened(
  store: ReadinessStore,
  review: Parameters<ReadinessStore['openReview']>[0],
) {
  const result = await store.openReview(review);
  if (!('opened' in result)) throw new Error(`#${result.open.id} is open`);
  return result.opened;
}

/** Moves a review to `to` (as bob); the review as stored after. */
async function move(store: ReadinessStore, review: Review, to: ReviewState) {
  expect(
    await store.transition(review, to, {
      entityRef: review.entityRef,
      type: 'review.submitted',
      actor: 'user:default/bob',
      at: review.createdAt + 1,
      reviewId: review.id,
      data: {},
    }),
  ).toBe(true);
  return (await store.review(review.id))!;
}

describe.each(databases.eachSupportedId())(
  'open launch reviews on %s',
  databaseId => {
    it('refuses a second open review of an entity and answers with the open one, writing nothing', async () => {
      const store = await storeOn(databaseId);
      const first = await opened(store, request(checkout, 1));
      expect(await store.openReview(request(checkout, 2))).toEqual({
        open: first,
      });
      const inReview = await move(store, first, 'in_review');
      expect(await store.openReview(request(checkout, 3))).toEqual({
        open: inReview,
      });
      expect((await store.events(checkout)).map(e => e.type)).toEqual([
        'review.opened',
        'review.submitted',
      ]);
    });

    it('lets exactly one of two concurrent openings open a review', async () => {
      const store = await storeOn(databaseId);
      const results = await Promise.all([
        store.openReview(request(checkout, 1)),
        store.openReview(request(checkout, 1)),
      ]);
      const wins = results.filter(r => 'opened' in r);
      expect(wins).toHaveLength(1);
      const winner = (wins[0] as { opened: Review }).opened;
      expect(results.filter(r => 'open' in r)).toEqual([{ open: winner }]);
    });

    it('opens a new review once the last one is decided, and answers the open review before a newer decided one', async () => {
      const store = await storeOn(databaseId);
      const first = await opened(store, request(checkout, 1));
      const approved = await move(
        store,
        await move(store, first, 'in_review'),
        'approved',
      );
      expect(await store.latestReview(checkout)).toEqual(approved);

      const second = await opened(store, request(checkout, 10));
      expect(await store.latestReview(checkout)).toEqual(second);
      const blocked = await move(
        store,
        await move(store, second, 'in_review'),
        'blocked',
      );
      expect(await store.latestReview(checkout)).toEqual(blocked);

      // The first review reopened: open, so it is the entity's review although #2 is newer.
      const reopened = await move(store, approved, 'in_review');
      expect(await store.latestReview(checkout)).toEqual(reopened);
      expect(await store.openReviewOf(checkout)).toEqual(reopened);
      expect((await store.latestReviews()).get(checkout)).toEqual(reopened);
    });

    it('answers the current review of every entity: open, else the latest decided', async () => {
      const store = await storeOn(databaseId);
      const a = await move(
        store,
        await move(
          store,
          await opened(store, request(checkout, 1)),
          'in_review',
        ),
        'approved',
      );
      const b = await opened(store, request(search, 2));
      const c = await move(
        store,
        await move(store, await opened(store, request(ledger, 3)), 'in_review'),
        'blocked',
      );
      const d = await move(
        store,
        await move(store, await opened(store, request(ledger, 4)), 'in_review'),
        'approved',
      );
      expect(c.id).toBeLessThan(d.id);
      expect(await store.latestReviews()).toEqual(
        new Map([
          [checkout, a],
          [search, b],
          [ledger, d],
        ]),
      );
    });

    it('lists open reviews oldest first, filtered by state, reviewer and target date', async () => {
      const store = await storeOn(databaseId);
      const draft = await opened(
        store,
        request(checkout, 1, {
          targetDate: '2027-01-15',
          reviewers: ['group:default/sre', 'user:default/Olga'],
        }),
      );
      const inReview = await move(
        store,
        await opened(
          store,
          request(search, 2, {
            targetDate: '2027-03-01',
            reviewers: ['group:default/sre_leads'],
          }),
        ),
        'in_review',
      );
      const undated = await opened(store, request(ledger, 3));
      await move(store, await move(store, undated, 'in_review'), 'approved');

      expect(await store.openReviews({})).toEqual([draft, inReview]);
      expect(await store.openReviews({ states: ['in_review'] })).toEqual([
        inReview,
      ]);
      expect(await store.openReviews({ states: ['approved'] })).toEqual([]);
      expect(
        await store.openReviews({ reviewers: ['group:default/sre'] }),
      ).toEqual([draft]);
      expect(
        await store.openReviews({ reviewers: ['USER:default/olga'] }),
      ).toEqual([draft]);
      // `_` is no wildcard: sre_leads does not match sre-leads or sre.
      expect(
        await store.openReviews({ reviewers: ['group:default/sre-leads'] }),
      ).toEqual([]);
      expect(
        await store.openReviews({
          reviewers: ['user:default/ivan', 'group:default/sre_leads'],
        }),
      ).toEqual([inReview]);
      expect(
        await store.openReviews({
          reviewers: ['group:default/sre_leads', 'group:default/sre'],
        }),
      ).toEqual([draft, inReview]);
      expect(await store.openReviews({ reviewers: [] })).toEqual([]);
      expect(await store.openReviews({ dueBefore: '2027-01-15' })).toEqual([
        draft,
      ]);
      expect(await store.openReviews({ dueBefore: '2027-01-14' })).toEqual([]);
    });
  },
);
