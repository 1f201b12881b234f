import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { migratedClient } from './DefinitionsStore';
import { OverrideStore } from './OverrideStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function open(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const db = await migratedClient(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return new OverrideStore(db);
}

const override = (
  entityRef: string,
  reason: string,
  createdAt: number,
  expiresAt: number,
) => ({
  entityRef,
  reason,
  createdBy: 'user:default/ann',
  createdAt,
  expiresAt,
});

describe.each(databases.eachSupportedId())(
  'Deploy-gate override history on %s',
  databaseId => {
    it("lists an entity's overrides newest first, the latest of the same moment first, up to the limit", async () => {
      const overrides = await open(databaseId);
      const x = 'component:default/x';
      await overrides.add(override(x, 'INC-1 hotfix', 1000, 5000));
      await overrides.add(override('component:default/y', 'INC-9', 4000, 9000));
      await overrides.add(override(x, 'INC-2 hotfix', 3000, 9000));
      await overrides.add(override(x, 'INC-3 rollback', 3000, 4000));

      expect(await overrides.forEntity(x, 10)).toEqual([
        {
          id: expect.any(Number),
          entityRef: x,
          reason: 'INC-3 rollback',
          createdBy: 'user:default/ann',
          createdAt: 3000,
          expiresAt: 4000,
        },
        {
          id: expect.any(Number),
          entityRef: x,
          reason: 'INC-2 hotfix',
          createdBy: 'user:default/ann',
          createdAt: 3000,
          expiresAt: 9000,
        },
        {
          id: expect.any(Number),
          entityRef: x,
          reason: 'INC-1 hotfix',
          createdBy: 'user:default/ann',
          createdAt: 1000,
          expiresAt: 5000,
        },
      ]);
      expect((await overrides.forEntity(x, 2)).map(o => o.reason)).toEqual([
        'INC-3 rollback',
        'INC-2 hotfix',
      ]);
      expect(await overrides.forEntity('component:default/z', 10)).toEqual([]);
    });

    it('keeps epoch milliseconds beyond 32 bits exact', async () => {
      const overrides = await open(databaseId);
      const at = Date.UTC(2026, 11, 1, 9, 30);
      await overrides.add(
        override('component:default/x', 'INC-4 hotfix', at, at + 3_600_000),
      );
      const [stored] = await overrides.forEntity('component:default/x', 1);
      expect([stored.createdAt, stored.expiresAt]).toEqual([
        at,
        at + 3_600_000,
      ]);
    });
  },
);
