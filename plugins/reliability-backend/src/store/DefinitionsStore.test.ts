import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, StoredDefinitions } from './DefinitionsStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const slo = (name: string): SloDefinition => ({
  name,
  indicator: { metric: { type: 'threshold', query: { query: 'up' } } },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 2592000000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'openslo', file: `slo/${name}.yaml`, line: 1 },
});

const checkout = (
  slos: SloDefinition[],
  readAt: number,
): StoredDefinitions => ({
  entityRef: 'component:default/checkout',
  settings: { tierLevel: 1, sloFilePatterns: ['slo/*.yaml'] },
  slos,
  problems: [],
  readAt,
});

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return DefinitionsStore.create(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
}

describe.each(databases.eachSupportedId())(
  'DefinitionsStore on %s',
  databaseId => {
    it('runs on both SQLite and PostgreSQL', () => {
      expect(databases.eachSupportedId()).toEqual([
        ['SQLITE_3'],
        ['POSTGRES_15'],
      ]);
    });

    it('stores and reads back an entity with its SLOs in order', async () => {
      const store = await createStore(databaseId);
      await store.save(
        checkout([slo('b-latency'), slo('a-availability')], 1_700_000_000_000),
        { keepSlos: false },
      );
      const stored = await store.get('component:default/checkout');
      expect(stored).toEqual(
        checkout([slo('b-latency'), slo('a-availability')], 1_700_000_000_000),
      );
      expect(await store.get('component:default/unknown')).toBeUndefined();
    });

    it('replaces SLOs on a successful read and keeps them when files could not be read', async () => {
      const store = await createStore(databaseId);
      await store.save(checkout([slo('availability')], 1000), {
        keepSlos: false,
      });
      await store.save(
        {
          ...checkout([], 2000),
          problems: [
            { file: 'catalog-info.yaml', field: 'x', message: 'cannot read' },
          ],
        },
        { keepSlos: true },
      );
      const afterFailure = await store.get('component:default/checkout');
      expect(afterFailure?.slos.map(s => s.name)).toEqual(['availability']);
      expect(afterFailure?.problems).toEqual([
        { file: 'catalog-info.yaml', field: 'x', message: 'cannot read' },
      ]);
      expect(afterFailure?.readAt).toBe(2000);

      await store.save(checkout([slo('latency')], 3000), { keepSlos: false });
      expect(
        (await store.get('component:default/checkout'))?.slos.map(s => s.name),
      ).toEqual(['latency']);
    });

    it('does not write SLOs again that are the same as stored, and writes them when they change or were removed', async () => {
      const knex = await databases.init(databaseId);
      const store = await DefinitionsStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const marked = async () =>
        (
          await knex('slo_definitions')
            .where({ entity_ref: 'component:default/checkout' })
            .orderBy('position')
        ).map(row => [row.slo_name, row.source_line]);
      await store.save(checkout([slo('availability')], 1000), {
        keepSlos: false,
      });
      // A mark only a rewrite would remove.
      await knex('slo_definitions').update({ source_line: 99 });
      await store.save(checkout([slo('availability')], 2000), {
        keepSlos: false,
      });
      expect(await marked()).toEqual([['availability', 99]]);
      expect((await store.get('component:default/checkout'))?.readAt).toBe(
        2000,
      );

      await store.save(checkout([slo('availability'), slo('latency')], 3000), {
        keepSlos: false,
      });
      expect(await marked()).toEqual([
        ['availability', 1],
        ['latency', 1],
      ]);

      // Gone from the catalog, then back with the same SLOs: written again.
      expect(await store.deleteNotReadSince(4000)).toBe(1);
      await store.save(checkout([slo('availability'), slo('latency')], 5000), {
        keepSlos: false,
      });
      expect(await marked()).toEqual([
        ['availability', 1],
        ['latency', 1],
      ]);
    });

    it('removes only entities not read since a time', async () => {
      const store = await createStore(databaseId);
      await store.save(checkout([slo('availability')], 1000), {
        keepSlos: false,
      });
      await store.save(
        {
          ...checkout([slo('x')], 5000),
          entityRef: 'component:default/search',
        },
        { keepSlos: false },
      );
      expect(await store.deleteNotReadSince(5000)).toBe(1);
      expect(await store.get('component:default/checkout')).toBeUndefined();
      expect((await store.get('component:default/search'))?.slos).toHaveLength(
        1,
      );
    });

    it('keeps entities whose reading failed although they were not read', async () => {
      const store = await createStore(databaseId);
      for (const [name, readAt] of [
        ['checkout', 1000],
        ['gone', 1000],
        ['search', 5000],
      ] as const) {
        await store.save(
          {
            ...checkout([slo('availability')], readAt),
            entityRef: `component:default/${name}`,
          },
          { keepSlos: false },
        );
      }
      expect(
        await store.deleteNotReadSince(5000, ['component:default/checkout']),
      ).toBe(1);
      expect(await store.get('component:default/gone')).toBeUndefined();
      expect(
        (await store.get('component:default/checkout'))?.slos.map(s => s.name),
      ).toEqual(['availability']);
    });
  },
);
