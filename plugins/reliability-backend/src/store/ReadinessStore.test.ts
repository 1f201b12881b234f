import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import knexFactory, { Knex } from 'knex';
import { migratedClient } from './DefinitionsStore';
import { ReadinessStore } from './ReadinessStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const entityRef = 'component:default/checkout';

async function storeOn(knex: Knex) {
  return new ReadinessStore(
    await migratedClient(
      mockServices.database({ knex, migrations: { skip: false } }),
    ),
  );
}

/** Opens a review that must open (the entity has no open review). */
async function openDraft(
  store: ReadinessStore,
  review: Parameters<ReadinessStore['openReview']>[0],
) {
  const result = await store.openReview(review);
  if (!('opened' in result))
    throw new Error(`review #${result.open.id} is open`);
  return result.opened;
}

async function open(databaseId: TestDatabaseId) {
  return storeOn(await databases.init(databaseId));
}

/**
 * Two connections to one database, one after the other, as a backend before and after a restart
 * opens them (SQLite on a file, since the test SQLite lives in memory).
 */
async function connectionsAcrossRestart(
  databaseId: TestDatabaseId,
): Promise<[Knex, () => Knex]> {
  if (databaseId.startsWith('SQLITE')) {
    const filename = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'readiness-')),
      'backend.sqlite',
    );
    const config = {
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
    };
    return [knexFactory(config), () => knexFactory(config)];
  }
  const first = await databases.init(databaseId);
  return [first, () => knexFactory(first.client.config)];
}

describe.each(databases.eachSupportedId())(
  'ReadinessStore on %s',
  databaseId => {
    it('opens a review in draft and records who opened it', async () => {
      const store = await open(databaseId);
      const review = await openDraft(store, {
        entityRef,
        targetDate: '2027-01-15',
        reviewers: ['group:default/sre'],
        createdBy: 'user:default/ann',
        createdAt: 1000,
      });
      expect(await store.latestReview(entityRef)).toEqual(review);
      expect(await store.events(entityRef)).toEqual([
        {
          id: expect.any(Number),
          entityRef,
          type: 'review.opened',
          actor: 'user:default/ann',
          at: 1000,
          itemId: undefined,
          reviewId: review.id,
          data: { targetDate: '2027-01-15', reviewers: ['group:default/sre'] },
          before: undefined,
          after: 'draft',
        },
      ]);
    });

    it('lets exactly one of two concurrent decisions win', async () => {
      const store = await open(databaseId);
      const draft = await openDraft(store, {
        entityRef,
        reviewers: ['group:default/sre'],
        createdBy: 'user:default/ann',
        createdAt: 1,
      });
      expect(
        await store.transition(draft, 'in_review', {
          entityRef,
          type: 'review.submitted',
          actor: 'user:default/ann',
          at: 2,
          reviewId: draft.id,
          data: {},
        }),
      ).toBe(true);
      const inReview = (await store.review(draft.id))!;
      const [approve, block] = await Promise.all([
        store.transition(inReview, 'approved', {
          entityRef,
          type: 'review.approved',
          actor: 'user:default/bob',
          at: 3,
          reviewId: draft.id,
          data: {},
        }),
        store.transition(inReview, 'blocked', {
          entityRef,
          type: 'review.blocked',
          actor: 'user:default/eve',
          at: 3,
          reviewId: draft.id,
          data: { reason: 'no load test' },
        }),
      ]);
      expect([approve, block].filter(Boolean)).toHaveLength(1);
      const final = (await store.review(draft.id))!;
      expect(final.state).toBe(approve ? 'approved' : 'blocked');
      expect(final.version).toBe(2);
      const decisions = (await store.events(entityRef)).filter(
        e => e.type === 'review.approved' || e.type === 'review.blocked',
      );
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({
        before: 'in_review',
        after: final.state,
      });
    });

    it('keeps every event, in the order it happened', async () => {
      const store = await open(databaseId);
      await store.appendEvent({
        entityRef,
        type: 'item.attested',
        actor: 'user:default/ann',
        at: 10,
        itemId: 'capacity',
        data: { evidence: ['https://ci.example.com/1'], expiresAt: 99 },
      });
      await store.appendEvent({
        entityRef,
        type: 'item.waived',
        actor: 'user:default/sre-lead',
        at: 11,
        itemId: 'rollback',
        data: { reason: 'Rehearsal booked', expiresAt: 50 },
      });
      const events = await store.events(entityRef);
      expect(events.map(e => [e.type, e.itemId, e.actor])).toEqual([
        ['item.attested', 'capacity', 'user:default/ann'],
        ['item.waived', 'rollback', 'user:default/sre-lead'],
      ]);
      expect(events[0].id).toBeLessThan(events[1].id);
    });

    it('leaves no partial state when a write fails midway (the decision is rolled back with its event)', async () => {
      const store = await open(databaseId);
      const draft = await openDraft(store, {
        entityRef,
        reviewers: ['group:default/sre'],
        createdBy: 'user:default/ann',
        createdAt: 1,
      });
      // The review row is updated first; recording the event then fails (its data cannot be stored).
      const unstorable: Record<string, unknown> = {};
      unstorable.self = unstorable;
      const brokenEvent = {
        entityRef,
        type: 'review.submitted' as const,
        actor: 'user:default/ann',
        at: 2,
        reviewId: draft.id,
        data: unstorable,
      };
      await expect(
        store.transition(draft, 'in_review', brokenEvent),
      ).rejects.toThrow(/circular/);
      expect(await store.review(draft.id)).toEqual(draft);
      expect((await store.events(entityRef)).map(e => e.type)).toEqual([
        'review.opened',
      ]);
    });

    it('keeps reviews and events across a backend restart', async () => {
      const [before, reconnect] = await connectionsAcrossRestart(databaseId);
      const first = await storeOn(before);
      const review = await openDraft(first, {
        entityRef,
        reviewers: ['group:default/sre'],
        createdBy: 'user:default/ann',
        createdAt: 1,
      });
      await first.appendEvent({
        entityRef,
        type: 'item.attested',
        actor: 'user:default/ann',
        at: 2,
        itemId: 'capacity',
        data: { evidence: ['https://ci.example.com/1'], expiresAt: 99 },
      });
      await before.destroy();

      const after = reconnect();
      const restarted = await storeOn(after);
      expect(await restarted.latestReview(entityRef)).toEqual(review);
      expect(
        (await restarted.events(entityRef)).map(e => [e.type, e.actor]),
      ).toEqual([
        ['review.opened', 'user:default/ann'],
        ['item.attested', 'user:default/ann'],
      ]);
      await after.destroy();
    });
  },
);
