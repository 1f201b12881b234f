import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { migratedClient } from './DefinitionsStore';
import {
  NotificationKey,
  NotificationStateStore,
  keyString,
} from './NotificationStateStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const availability: NotificationKey = {
  entityRef: 'component:default/checkout',
  kind: 'budget',
  subject: 'availability',
};
const latency: NotificationKey = { ...availability, subject: 'latency' };
const burn: NotificationKey = { ...availability, kind: 'burn' };

async function open(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await migratedClient(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return new NotificationStateStore(db);
}

describe.each(databases.eachSupportedId())(
  'NotificationStateStore on %p',
  id => {
    it('claims a first state once: the second claim of the same change loses', async () => {
      const store = await open(id);
      expect(
        await store.claim(availability, undefined, 'red/critical', 1),
      ).toBe(true);
      expect(
        await store.claim(availability, undefined, 'red/critical', 2),
      ).toBe(false);
      expect([...(await store.all('budget'))]).toEqual([
        ['budget component:default/checkout availability', 'red/critical'],
      ]);
    });

    it('moves a state only from the state the claimer saw', async () => {
      const store = await open(id);
      await store.claim(availability, undefined, 'yellow/warning', 1);
      expect(
        await store.claim(availability, 'green/ok', 'red/critical', 2),
      ).toBe(false);
      expect(
        await store.claim(availability, 'yellow/warning', 'red/critical', 2),
      ).toBe(true);
      expect(
        await store.claim(availability, 'yellow/warning', 'red/critical', 3),
      ).toBe(false);
      expect((await store.all('budget')).get(keyString(availability))).toBe(
        'red/critical',
      );
    });

    it('keeps kinds and SLOs apart', async () => {
      const store = await open(id);
      await store.claim(availability, undefined, 'red/critical', 1);
      await store.claim(latency, undefined, 'green/ok', 1);
      await store.claim(burn, undefined, 'fast', 1);
      expect(Object.fromEntries(await store.all('budget'))).toEqual({
        'budget component:default/checkout availability': 'red/critical',
        'budget component:default/checkout latency': 'green/ok',
      });
      expect(Object.fromEntries(await store.all('burn'))).toEqual({
        'burn component:default/checkout availability': 'fast',
      });
    });

    it('releases a claim whose notification failed: back to the state before, or to none', async () => {
      const store = await open(id);
      await store.claim(availability, undefined, 'yellow/warning', 1);
      await store.claim(availability, 'yellow/warning', 'red/critical', 2);
      await store.release(availability, 'red/critical', 'yellow/warning');
      await store.claim(burn, undefined, 'fast', 2);
      await store.release(burn, 'fast', undefined);
      expect(Object.fromEntries(await store.all('budget'))).toEqual({
        'budget component:default/checkout availability': 'yellow/warning',
      });
      expect((await store.all('burn')).size).toBe(0);
      // Released: the same change can be claimed again.
      expect(await store.claim(burn, undefined, 'fast', 3)).toBe(true);
    });

    it('forgets subjects no longer watched', async () => {
      const store = await open(id);
      await store.claim(availability, undefined, 'red/critical', 1);
      await store.claim(latency, undefined, 'green/ok', 1);
      expect(await store.forget([latency])).toBe(1);
      expect([...(await store.all('budget')).keys()]).toEqual([
        'budget component:default/checkout availability',
      ]);
    });
  },
);
