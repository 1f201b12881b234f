import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';
import { migratedClient } from './DefinitionsStore';
import { ScorecardStore, SnapshotBasis } from './ScorecardStore';
import { org } from '../testing/scorecardRows';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function open(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return new ScorecardStore(
    await migratedClient(
      mockServices.database({ knex, migrations: { skip: false } }),
    ),
  );
}

const basis = (fields: Partial<SnapshotBasis> = {}): SnapshotBasis => ({
  entityCount: 5,
  sloCount: 7,
  catalogLoaded: true,
  definitionsRead: true,
  measured: 'live',
  recordedAt: 1000,
  ...fields,
});
const rows = (list: ScorecardRow[], at = 1000) =>
  list.map(r => ({ row: { ...r, updatedAt: at }, breachedSlos: 0 }));
const all = { all: true } as const;
/** Each day's entity count, from the trends. */
const entitiesPerDay = async (store: ScorecardStore, from: string) =>
  (await store.trends(from, {}, all)).map(t => [t.day, t.entities]);

describe.each(databases.eachSupportedId())(
  'scorecard snapshots and their basis on %s',
  databaseId => {
    it('records the basis of each day and lets only complete days stand', async () => {
      const store = await open(databaseId);
      await store.replaceAll(rows(org), '2026-11-01', 1000); // no basis: recorded before bases
      await store.replaceAll(
        rows(org.slice(0, 1), 2000),
        '2026-11-02',
        2000,
        basis({ entityCount: 1, sloCount: 0, catalogLoaded: false }),
      );
      await store.replaceAll(
        rows(org.slice(0, 2), 3000),
        '2026-11-03',
        3000,
        basis({ entityCount: 2, definitionsRead: false }),
      );
      await store.replaceAll(rows(org, 4000), '2026-11-04', 4000, basis());
      expect(await store.completeSnapshotDays('2026-11-01')).toEqual([
        '2026-11-04',
      ]);
      expect(await store.snapshotBasis('2026-11-02')).toEqual({
        entityCount: 1,
        sloCount: 0,
        catalogLoaded: false,
        definitionsRead: true,
        measured: 'live',
        recordedAt: 1000,
      });
      expect(await store.snapshotBasis('2026-11-01')).toBeUndefined();
      expect(await store.completeSnapshotDays('2026-11-05')).toEqual([]);
    });

    it('replaces the day’s snapshot with each projection, so entities gone leave it', async () => {
      const store = await open(databaseId);
      await store.replaceAll(rows(org, 1000), '2026-11-04', 1000, basis());
      await store.replaceAll(
        rows(org.slice(1), 2000),
        '2026-11-04',
        2000,
        basis({ entityCount: 4, recordedAt: 2000 }),
      );
      expect(await entitiesPerDay(store, '2026-11-01')).toEqual([
        ['2026-11-04', 4],
      ]);
      expect(
        (await store.snapshots('2026-11-04', '2026-11-04', all)).map(
          s => s.entityRef,
        ),
      ).not.toContain('component:default/checkout');
      expect((await store.snapshotBasis('2026-11-04'))?.entityCount).toBe(4);
    });

    it('measures a day again: replaces its snapshot and basis, not the current rows', async () => {
      const store = await open(databaseId);
      await store.replaceAll(
        rows(org.slice(0, 1), 1000),
        '2026-11-02',
        1000,
        basis({ entityCount: 1, catalogLoaded: false }),
      );
      await store.replaceAll(rows(org, 2000), '2026-11-03', 2000, basis());
      await store.replaceSnapshot(
        rows(org.slice(1, 4), 3000),
        '2026-11-02',
        basis({ entityCount: 3, measured: 'afterwards', recordedAt: 3000 }),
      );
      expect(await entitiesPerDay(store, '2026-11-01')).toEqual([
        ['2026-11-02', 3],
        ['2026-11-03', 5],
      ]);
      expect(await store.snapshotBasis('2026-11-02')).toEqual(
        basis({ entityCount: 3, measured: 'afterwards', recordedAt: 3000 }),
      );
      expect(await store.completeSnapshotDays('2026-11-01')).toEqual([
        '2026-11-02',
        '2026-11-03',
      ]);
      expect(
        (
          await store.page(
            {
              filter: {},
              sort: 'name',
              order: 'asc',
              page: 1,
              pageSize: 50,
            },
            all,
          )
        ).totalCount,
      ).toBe(5);
    });
  },
);
